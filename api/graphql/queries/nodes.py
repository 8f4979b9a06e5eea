from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader

from api.graphql.access import CanRead
from api.graphql.context import Info
from api.graphql.errors import coded_errors
from api.graphql.types.arguments import IdArg
from api.graphql.types.article import Article
from api.graphql.types.claim import Claim
from api.graphql.types.node import Node
from api.graphql.types.speaker import Speaker
from api.graphql.types.verification import Verification
from api.services import ids as global_ids
from api.services.errors import UserError
from api.services.paging import MAX_PAGE


def _source(info: Info, kind: str) -> tuple[DataLoader[int, Any], Callable[[Any], Node]]:
    loaders = info.context.loaders
    return {
        "Article": (loaders.article_by_id, Article.from_model),
        "Claim": (loaders.claim_by_id, Claim.from_model),
        "Speaker": (loaders.speaker_by_id, Speaker.from_model),
        "Verification": (loaders.verification_by_id, Verification.from_model),
    }[kind]


async def _load(info: Info, kind: str, pk: int) -> Node | None:
    loader, build = _source(info, kind)
    model = await loader.load(pk)
    return build(model) if model is not None else None


async def load_typed(info: Info, id: str, kind: str) -> Any | None:
    """The `kind` object with global ID `id` ("article(id:)", "claim(id:)"); null when none
    has it. An ID of another kind is a BAD_USER_INPUT error."""
    with coded_errors():
        pk = global_ids.decode_as(id, kind)
    return await _load(info, kind, pk)


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="Any object by its global ID; null when none has it.",
        permission_classes=[CanRead],
    )
    async def node(self, info: Info, id: IdArg) -> Node | None:
        with coded_errors():
            kind, pk = global_ids.decode(id)
        return await _load(info, kind, pk)

    @strawberry.field(
        description=f"Objects by global ID, in the order asked (null where none has the ID); "
        f"at most {MAX_PAGE}.",
        permission_classes=[CanRead],
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Opaque global IDs.")],
    ) -> list[Node | None]:
        with coded_errors():
            if len(ids) > MAX_PAGE:
                raise UserError(f"at most {MAX_PAGE} ids at once", "ids")
            keys = [global_ids.decode(i) for i in ids]
        # Gathered, so the loaders fetch each type in one batch.
        return list(await asyncio.gather(*(_load(info, kind, pk) for kind, pk in keys)))
