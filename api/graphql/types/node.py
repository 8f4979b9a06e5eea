from __future__ import annotations

import strawberry


@strawberry.interface(description="An object with an opaque global ID.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID, stable across APIs.")
