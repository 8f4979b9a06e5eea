from __future__ import annotations

import strawberry

ID_DESCRIPTION = "Opaque global ID, stable across APIs."


@strawberry.interface(description="An object with an opaque global ID.")
class Node:
    id: strawberry.ID = strawberry.field(description=ID_DESCRIPTION)
