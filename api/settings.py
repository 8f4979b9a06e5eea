"""Settings read once from the environment into a frozen object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from db.session import DEFAULT_URL


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_URL
    # Reads without a token; HINDSIGHT_PUBLIC_READ=false requires a reader token.
    public_read: bool = True
    cors_origins: tuple[str, ...] = field(default=())
    max_body_bytes: int = 1_000_000
    load_seeds: bool = True
    # The fact-checking organisation named as author of ClaimReview exports.
    reviewer_name: str = "Hindsight"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        origins = tuple(
            o.strip() for o in env.get("HINDSIGHT_CORS_ORIGINS", "").split(",") if o.strip()
        )
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_URL,
            public_read=_flag(env.get("HINDSIGHT_PUBLIC_READ"), True),
            cors_origins=origins,
            max_body_bytes=int(env.get("HINDSIGHT_MAX_BODY_BYTES") or 1_000_000),
            load_seeds=_flag(env.get("HINDSIGHT_LOAD_SEEDS"), True),
            reviewer_name=env.get("HINDSIGHT_REVIEWER_NAME") or "Hindsight",
        )
