"""Check JSON bodies and query strings against the schemas the OpenAPI document publishes.

A deliberately small subset of JSON Schema: exactly the keywords api.rest.schemas and
api.rest.parameters use, so the document and the checks cannot drift apart.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from starlette.datastructures import QueryParams

from api.rest.problems import Problem
from api.rest.schemas import Schema

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# RFC 3986 absolute URI: a scheme, a colon, no whitespace (the services then insist on http(s)).
URI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]*")
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def invalid(field: str, detail: str, status: int = 422) -> Problem:
    return Problem(status, "INVALID", detail, field=field)


def _is(value: Any, type_name: str) -> bool:
    if isinstance(value, bool) and type_name in ("integer", "number"):
        return False
    return isinstance(value, JSON_TYPES[type_name])


def check(value: Any, schema: Schema, field: str) -> None:
    """Raise a 422 Problem naming `field` when `value` does not fit `schema`."""
    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if not any(_is(value, t) for t in allowed):
            raise invalid(field, f"{field} must be {' or '.join(allowed)}")
    if value is None:
        return
    if "enum" in schema and value not in schema["enum"]:
        raise invalid(field, f"{field} must be one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, str):
        _check_string(value, schema, field)
    elif isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            raise invalid(field, f"{field} has more than {schema['maxItems']} items")
        for i, item in enumerate(value):
            check(item, schema.get("items", {}), f"{field}[{i}]")
    elif isinstance(value, dict):
        check_object(value, schema, field)


def _check_string(value: str, schema: Schema, field: str) -> None:
    if len(value) < schema.get("minLength", 0):
        raise invalid(field, f"{field} must not be empty")
    if len(value) > schema.get("maxLength", len(value)):
        raise invalid(field, f"{field} is longer than {schema['maxLength']} characters")
    if schema.get("format") == "date" and not is_date(value):
        raise invalid(field, f"{field} must be a date like 2022-07-28")
    if schema.get("format") == "uri" and not URI_RE.fullmatch(value):
        raise invalid(field, f"{field} must be an absolute URL")


def check_object(value: dict[str, Any], schema: Schema, prefix: str = "") -> None:
    properties: dict[str, Schema] = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            raise invalid(prefix + name, f"{prefix + name} is required")
    if schema.get("additionalProperties") is False:
        for name in value:
            if name not in properties:
                raise invalid(prefix + name, f"unknown field {prefix + name!r}")
    for name, item in value.items():
        if name in properties:
            check(item, properties[name], prefix + name)


def is_date(value: str) -> bool:
    if not DATE_RE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_query(params: QueryParams, parameters: list[Schema]) -> dict[str, Any]:
    """The documented query parameters, converted to Python values (defaults filled in)."""
    values: dict[str, Any] = {}
    for parameter in parameters:
        if parameter["in"] != "query":
            continue
        name, schema = parameter["name"], parameter["schema"]
        if schema.get("type") == "array":
            raw = params.getlist(name)
            values[name] = [_scalar(v, schema["items"], name) for v in raw] or None
        elif name in params:
            values[name] = _scalar(params[name], schema, name)
        else:
            values[name] = schema.get("default")
    return values


def _scalar(raw: str, schema: Schema, name: str) -> Any:
    kind = schema.get("type")
    value: Any = raw
    if kind == "integer":
        if not re.fullmatch(r"-?[0-9]{1,9}", raw):
            raise invalid(name, f"{name} must be an integer", 400)
        value = int(raw)
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise invalid(name, f"{name} must be between {low} and {high}", 400)
    elif kind == "boolean":
        if raw not in ("true", "false"):
            raise invalid(name, f"{name} must be true or false", 400)
        value = raw == "true"
    elif schema.get("format") == "date":
        if not is_date(raw):
            raise invalid(name, f"{name} must be a date like 2022-07-28", 400)
        value = date.fromisoformat(raw)
    if "enum" in schema and value not in schema["enum"]:
        raise invalid(name, f"{name} must be one of {', '.join(schema['enum'])}", 400)
    return value
