"""A leaner field execution for large pages, with the same results and errors.

A timeline page completes ~750 fields, and per field graphql-core and strawberry each add a
layer: a resolve-info tuple, strawberry's argument conversion and extension chain, then
graphql-core's value completion. Two shortcuts skip what such fields do not need:

- A plain field (no resolver, no arguments) whose type is a scalar or enum is read with
  `getattr` and coerced in `execute_field`, without building a resolve info. Anything unusual
  (null in a non-null field, a value that does not coerce, an error) takes the regular path,
  which reports it as before.
- A resolver field without arguments, extensions or permission classes calls its function
  directly with strawberry's `Info` (see `direct_resolvers`), skipping the argument and
  extension machinery that has nothing to do for it.

Both are off while a schema extension hooks field resolution (it must see every field).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.pyutils import Undefined
from strawberry import Schema
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

# (python attribute, leaf type, non-null) of each plain leaf field, by type and field name.
LeafField = tuple[str, GraphQLLeafType, bool]
LeafFields = dict[tuple[str, str], LeafField]

_leaf_fields: weakref.WeakKeyDictionary[GraphQLSchema, LeafFields] = weakref.WeakKeyDictionary()


def _strawberry_field(field: GraphQLField) -> StrawberryField | None:
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    return definition if isinstance(definition, StrawberryField) else None


def _leaf_field(field: GraphQLField) -> LeafField | None:
    definition = _strawberry_field(field)
    # strawberry marks the resolver of a field without resolver or extensions `_is_default`.
    if definition is None or field.args or not getattr(field.resolve, "_is_default", False):
        return None
    if definition.default_resolver is not getattr or definition.python_name is None:
        return None
    of_type, non_null = field.type, isinstance(field.type, GraphQLNonNull)
    if isinstance(of_type, GraphQLNonNull):
        of_type = of_type.of_type
    if not is_leaf_type(of_type):
        return None
    return definition.python_name, of_type, non_null  # type: ignore[return-value]


def leaf_fields(schema: GraphQLSchema) -> LeafFields:
    """The plain scalar and enum fields of a schema, found once per schema."""
    found = _leaf_fields.get(schema)
    if found is None:
        found = {}
        for type_ in schema.type_map.values():
            if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
                for name, field in type_.fields.items():
                    leaf = _leaf_field(field)
                    if leaf is not None:
                        found[type_.name, name] = leaf
        _leaf_fields[schema] = found
    return found


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor with a shortcut for plain scalar and enum fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        self.leaf_fields = {} if middleware and middleware.middlewares else leaf_fields(self.schema)

    def execute_fields(  # type: ignore[override]
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Any,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        # An object whose selected fields are all plain leaves (a speaker's name, an anchor's
        # dates) is read in one loop; on anything unusual the regular path redoes it all.
        leaf_fields, type_name = self.leaf_fields, parent_type.name
        results: dict[str, Any] = {}
        for response_name, field_details_list in grouped_field_set.items():
            leaf = leaf_fields.get((type_name, field_details_list[0].node.name.value))
            value = _MISS if leaf is None else _read_leaf(source_value, leaf)
            if value is _MISS:
                return super().execute_fields(
                    parent_type, source_value, path, grouped_field_set, position_context
                )
            results[response_name] = value
        return results

    def execute_field(  # type: ignore[override]
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        leaf = self.leaf_fields.get((parent_type.name, field_details_list[0].node.name.value))
        if leaf is not None:
            value = _read_leaf(source, leaf)
            if value is not _MISS:
                return value
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


_MISS = object()


def _read_leaf(source: Any, leaf: LeafField) -> Any:
    """The field's output value, or _MISS when the regular path must handle (and report) it."""
    attribute, leaf_type, non_null = leaf
    try:
        value = getattr(source, attribute)
        if value is None:
            return _MISS if non_null else None
        coerced = leaf_type.coerce_output_value(value)
    except Exception:  # the regular path reports it
        return _MISS
    return _MISS if coerced is None or coerced is Undefined else coerced


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
