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


def opaque(text: str) -> str:
    """`text` as an unpadded URL-safe base64 token (IDs and cursors)."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def unopaque(token: str) -> str | None:
    """The text of an `opaque` token, or None when it is not one."""
    try:
        return base64.urlsafe_b64decode((token + "=" * (-len(token) % 4)).encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def encode(type_name: str, pk: int) -> str:
    return opaque(f"{type_name}:{pk}")


def decode(global_id: str, field: str = "id") -> tuple[str, int]:
    """Split a global ID into (type, pk); raise UserError when it is not one of ours."""
    type_name, _, pk = (unopaque(global_id) or "").partition(":")
    number = parse_pk(pk)
    if type_name in TYPES and number is not None:
        return type_name, number
    raise UserError(f"not a valid ID: {global_id!r}", field, "INVALID_ID")


def decode_as(global_id: str, type_name: str, field: str = "id") -> int:
    """The pk of a global ID that must name a `type_name`."""
    kind, pk = decode(global_id, field)
    if kind != type_name:
        raise NotFound(f"{global_id!r} is not a {type_name} ID", field)
    return pk
