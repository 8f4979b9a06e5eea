"""Opaque global IDs shared by GraphQL and REST: base64url of "Type:pk"."""

from __future__ import annotations

import base64
import binascii

from api.services.errors import NotFound, UserError

TYPES = ("Article", "Claim", "Speaker", "Verification")
# Keys are 64-bit in both databases: a larger number would fail in the driver, not as bad input.
MAX_PK = 2**63 - 1


def parse_pk(text: str) -> int | None:
    """A primary key written in ASCII digits and within range, else None."""
    if text.isascii() and text.isdigit() and int(text) <= MAX_PK:
        return int(text)
    return None


def encode(type_name: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def decode(global_id: str, field: str = "id") -> tuple[str, int]:
    """Split a global ID into (type, pk); raise UserError when it is not one of ours."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, pk = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        number = parse_pk(pk)
        if type_name in TYPES and number is not None:
            return type_name, number
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise UserError(f"not a valid ID: {global_id!r}", field, "INVALID_ID")


def decode_as(global_id: str, type_name: str, field: str = "id") -> int:
    """The pk of a global ID that must name a `type_name`."""
    kind, pk = decode(global_id, field)
    if kind != type_name:
        raise NotFound(f"{global_id!r} is not a {type_name} ID", field)
    return pk
