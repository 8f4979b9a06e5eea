"""What the lean executor may skip, worked out once per schema.

- plain leaf fields: no resolver, no arguments, a scalar or enum type (read with getattr);
- object fields: no arguments, an object or list-of-objects type, read with getattr or
  through a direct resolver;
- direct resolvers: strawberry resolvers without arguments, extensions or permission
  classes, called straight away with strawberry's `Info`.

See api/graphql/execution.py for how they are used.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.pyutils import Undefined
from strawberry import Schema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

# (python attribute, leaf type, non-null, the Python type its values pass through unchanged,
# the GraphQL names of an enum's members) of each plain leaf field, by type and field name.
LeafField = tuple[str, GraphQLLeafType, bool, type | None, dict[Any, str] | None]
LeafFields = dict[tuple[str, str], LeafField]


def _strawberry_field(field: GraphQLField) -> StrawberryField | None:
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    return definition if isinstance(definition, StrawberryField) else None


# graphql-core returns values of these types as they are (Int and Float check ranges).
_PASS_THROUGH: dict[str, type] = {"String": str, "ID": str, "Boolean": bool}


def _basic_field(field: GraphQLField) -> StrawberryField | None:
    """The definition of a field that only reads an attribute (no resolver, extension, args)."""
    definition = _strawberry_field(field)
    if definition is None or field.args or not definition.is_basic_field:
        return None
    if definition.default_resolver is not getattr or definition.python_name is None:
        return None
    return definition


def _leaf_field(field: GraphQLField) -> LeafField | None:
    definition = _basic_field(field)
    if definition is None:
        return None
    of_type, non_null = field.type, isinstance(field.type, GraphQLNonNull)
    if isinstance(of_type, GraphQLNonNull):
        of_type = of_type.of_type
    if not is_leaf_type(of_type):
        return None
    leaf_type: GraphQLLeafType = of_type  # type: ignore[assignment]
    exact = _PASS_THROUGH.get(leaf_type.name)
    return definition.python_name, leaf_type, non_null, exact, _enum_names(leaf_type)


def _enum_names(leaf_type: Any) -> dict[Any, str] | None:
    """Member -> GraphQL name of a strawberry enum (its own coercion searches all values)."""
    wrapped = getattr(leaf_type, "wrapped_cls", None)
    if not isinstance(leaf_type, GraphQLEnumType) or wrapped is None:
        return None
    by_value = {value.value: name for name, value in leaf_type.values.items()}
    return {member: by_value[member.value] for member in wrapped if member.value in by_value}


@dataclass(frozen=True, slots=True)
class ObjectField:
    """A field without arguments that returns an object or a list of objects."""

    field: GraphQLField
    resolve: Callable[[Any, GraphQLResolveInfo], Any]
    object_type: GraphQLObjectType
    item_type: GraphQLOutputType | None  # the list's item type; None when not a list
    needs_info: bool  # False: neither the resolver nor the type check reads a resolve info
    # The type's check is strawberry's isinstance test, false for nulls, errors and awaitables.
    isinstance_check: bool


ObjectFields = dict[tuple[str, str], ObjectField]

_shortcuts: weakref.WeakKeyDictionary[GraphQLSchema, tuple[LeafFields, ObjectFields]] = (
    weakref.WeakKeyDictionary()
)


def _unwrap(type_: GraphQLOutputType) -> GraphQLOutputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _object_field(field: GraphQLField) -> ObjectField | None:
    of_type = _unwrap(field.type)
    item_type = of_type.of_type if isinstance(of_type, GraphQLList) else None
    object_type = _unwrap(item_type) if item_type is not None else of_type
    if field.args or not isinstance(object_type, GraphQLObjectType):
        return None
    basic = _basic_field(field)
    if basic is not None:
        name = basic.python_name

        def resolve(source: Any, info: GraphQLResolveInfo) -> Any:
            return getattr(source, name)

    elif getattr(field.resolve, "direct", False):
        resolve = field.resolve
    else:
        return None
    own_check = _strawberry_check(object_type.is_type_of)
    needs_info = basic is None or not (own_check or object_type.is_type_of is None)
    return ObjectField(field, resolve, object_type, item_type, needs_info, own_check)


def _strawberry_check(is_type_of: Callable[..., Any] | None) -> bool:
    # strawberry's own type check (for types with interfaces) is an isinstance test.
    qualname = getattr(is_type_of, "__qualname__", "")
    return "._get_is_type_of.<locals>.is_type_of" in qualname


def shortcuts(schema: GraphQLSchema) -> tuple[LeafFields, ObjectFields]:
    """The plain leaf fields and the object fields of a schema that skip strawberry's
    resolver machinery, found once per schema (after `direct_resolvers`)."""
    found = _shortcuts.get(schema)
    if found is None:
        leaves: LeafFields = {}
        objects: ObjectFields = {}
        for type_ in schema.type_map.values():
            if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
                for name, field in type_.fields.items():
                    if (leaf := _leaf_field(field)) is not None:
                        leaves[type_.name, name] = leaf
                    elif (spec := _object_field(field)) is not None:
                        objects[type_.name, name] = spec
        found = _shortcuts[schema] = (leaves, objects)
    return found


MISS = object()  # read_leaf's answer when the regular path must take the field


def read_leaf(source: Any, leaf: LeafField) -> Any:
    """The field's output value, or MISS when the regular path must handle (and report) it."""
    attribute, leaf_type, non_null, exact, enum_names = leaf
    try:
        value = getattr(source, attribute)
        if type(value) is exact:
            return value
        if enum_names is not None and (name := enum_names.get(value)) is not None:
            return name
        if value is None:
            return MISS if non_null else None
        coerced = leaf_type.coerce_output_value(value)
    except Exception:  # the regular path reports it
        return MISS
    return MISS if coerced is None or coerced is Undefined else coerced


def _direct_resolver(schema: Schema, field: StrawberryField) -> Callable[..., Any] | None:
    resolver = field.base_resolver
    if resolver is None or field.is_subscription or field.arguments or field.extensions:
        return None
    if field.permission_classes:
        return None
    func, info_class = resolver.wrapped_func, schema.config.info_class
    takes_self = resolver.self_parameter is not None
    info_name = resolver.info_parameter.name if resolver.info_parameter else None
    # `root` and a strawberry.Parent parameter both receive the source object.
    source_names = [p.name for p in (resolver.root_parameter, resolver.parent_parameter) if p]

    def resolve(source: Any, info: GraphQLResolveInfo) -> Any:
        args = (source,) if takes_self else ()
        kwargs = dict.fromkeys(source_names, source)
        if info_name is not None:
            kwargs[info_name] = info_class(_raw_info=info, _field=field)
        return func(*args, **kwargs)

    resolve.direct = True  # type: ignore[attr-defined]  # _object_field may take it as is
    return resolve


def direct_resolvers(schema: Schema) -> int:
    """Let argument-free resolver fields call their function straight away; returns how many.

    It replaces the graphql-core resolve function strawberry made for each such field; the
    function gets the same `self` and `info` as through strawberry (for these fields strawberry
    converts no argument and runs no extension). Fields with schema-level exception handlers
    keep strawberry's resolver.
    """
    if schema.exception_handlers:
        return 0
    count = 0
    for type_ in schema._schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            definition = _strawberry_field(field)
            resolve = _direct_resolver(schema, definition) if definition else None
            if resolve is not None and not field.args:
                field.resolve = resolve
                count += 1
    return count
