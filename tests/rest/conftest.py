"""REST fixtures: tokens of each role, and a small timeline built with the builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services import ids
from api.services.tokens import create_token
from tests.builders.claims import make_article, make_claim, make_speaker


@dataclass(frozen=True)
class Tokens:
    reader: dict[str, str]
    editor: dict[str, str]
    admin: dict[str, str]


@pytest.fixture
async def tokens(sessionmaker: async_sessionmaker[AsyncSession]) -> Tokens:
    headers = {}
    async with sessionmaker() as session, session.begin():
        for role in ("reader", "editor", "admin"):
            _, secret = await create_token(session, f"{role}-token", role)
            headers[role] = {"Authorization": f"Bearer {secret}"}
    return Tokens(**headers)


@dataclass(frozen=True)
class Timeline:
    """Global IDs of the rows `timeline` builds."""

    article: str
    other_article: str
    putin: str
    claim: str  # "Kherson fell", dated 2022-07-10, by Putin
    prediction: str  # due: deadline 2022-09-30, still UNVERIFIED
    future: str  # deadline in 2030
    undated: str


@pytest.fixture
async def timeline(sessionmaker: async_sessionmaker[AsyncSession]) -> Timeline:
    async with sessionmaker() as s, s.begin():
        article = await make_article(s, title="Retreat or be annihilated", outlet="19FortyFive")
        other = await make_article(s, title="Other", outlet=None, author="B. Writer", url=None)
        putin = await make_speaker(s, "Vladimir Putin", aliases=["Putin"])
        claim = await make_claim(
            s, article, text="Kherson fell, says Putin", time_start=date(2022, 7, 10)
        )
        claim.speaker_id = putin.id
        prediction = await make_claim(
            s,
            article,
            kind="PREDICTION",
            text="Ukraine will retake Kherson by September",
            time_start=date(2022, 9, 1),
            time_end=date(2022, 9, 30),
            time_value="2022-09",
            time_text="by September",
            time_role="deadline",
            time_granularity="month",
        )
        future = await make_claim(
            s,
            other,
            kind="PREDICTION",
            text='Peace, "eventually", by 2030',
            time_start=date(2030, 1, 1),
            time_end=date(2030, 12, 31),
            time_value="2030",
            time_role="deadline",
            time_granularity="year",
        )
        undated = await make_claim(s, other, text="Line one\nline two, with a comma")
    return Timeline(
        article=ids.encode("Article", article.id),
        other_article=ids.encode("Article", other.id),
        putin=ids.encode("Speaker", putin.id),
        claim=ids.encode("Claim", claim.id),
        prediction=ids.encode("Claim", prediction.id),
        future=ids.encode("Claim", future.id),
        undated=ids.encode("Claim", undated.id),
    )
