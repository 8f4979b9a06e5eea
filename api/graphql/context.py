"""Per-request context: one session, fresh DataLoaders, the caller and today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from api.graphql.loaders import Loaders
from api.services.events import LocalBus
from api.services.tokens import Principal
from api.settings import Settings


@dataclass
class Context:
    session: AsyncSession
    loaders: Loaders
    principal: Principal
    settings: Settings
    today: date
    bus: LocalBus


Info = strawberry.Info[Context, None]
