"""A leaner field execution for large pages, with the same results and errors.

A timeline page completes ~750 fields, and per field graphql-core and strawberry each add a
layer: a resolve-info tuple, strawberry's argument conversion and extension chain, then
graphql-core's value completion. Three shortcuts skip what such fields do not need:

- A plain field (no resolver, no arguments) whose type is a scalar or enum is read with
  `getattr` and coerced in `execute_fields`, without building a resolve info. Anything unusual
  (null in a non-null field, a value that does not coerce, an error) takes the regular path,
  which reports it as before.
- A resolver field without arguments, extensions or permission classes calls its function
  directly with strawberry's `Info` (see `direct_resolvers`), skipping the argument and
  extension machinery that has nothing to do for it.
- An argument-free field returning an object or a list of objects that is already there
  goes straight to its subfields (`execute_object_field`) instead of through graphql-core's
  generic completion; awaitables, nulls and errors take graphql-core's path.

All are off while a schema extension hooks field resolution (it must see every field).
tests/graphql/test_execution.py checks results and errors against stock strawberry.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from types import GeneratorType
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
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry import Schema
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
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
    exact = _PASS_THROUGH.get(of_type.name)
    return definition.python_name, of_type, non_null, exact, _enum_names(of_type)  # type: ignore[return-value]


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


@dataclass(slots=True)
class Step:
    """One selected field of a selection, with its shortcut."""

    name: str  # response name
    details: Any  # graphql-core's field details list
    leaf: LeafField | None
    spec: ObjectField | None
    # The object type's own selection, worked out on first use; None with @defer inside.
    sub: list[Step] | None = None
    sub_ready: bool = False


# Result types that are never awaitable: no need to ask.
_COMPLETED = frozenset({dict, list, str, int, float, bool, type(None)})


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor with shortcuts for plain leaves and already-loaded objects."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        hooked = middleware is not None and bool(middleware.middlewares)
        self.leaf_fields, self.object_fields = ({}, {}) if hooked else shortcuts(self.schema)
        self.plans: dict[tuple[str, int], tuple[Any, list[Step]]] = {}
        self.plain_classes: set[type] = set()  # classes whose values are neither null nor awaitable

    def execute_fields(  # type: ignore[override]
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Any,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        if position_context is not None:  # @defer / @stream bookkeeping: the regular path
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        return self.run(
            self.plan(parent_type.name, grouped_field_set), parent_type, source_value, path
        )

    def run(self, plan: list[Step], parent_type: GraphQLObjectType, source: Any, path: Any) -> Any:
        """graphql-core's field loop, with plain leaves read in place (no path, no resolve
        info) and object fields completed by `execute_object_field`."""
        type_name = parent_type.name
        results: dict[str, Any] = {}
        pending: list[str] = []
        try:
            for step in plan:
                if step.leaf is not None and (value := _read_leaf(source, step.leaf)) is not _MISS:
                    results[step.name] = value
                    continue
                field_path = Path(path, step.name, type_name)
                if step.spec is not None:
                    value = self.execute_object_field(step, parent_type, source, field_path)
                else:
                    value = super().execute_field(
                        parent_type, source, step.details, field_path, None
                    )
                if value is Undefined:
                    continue
                results[step.name] = value
                if type(value) not in _COMPLETED and self.is_awaitable(value):
                    pending.append(step.name)
        except Exception:
            if pending:  # settle what other fields started, as graphql-core does
                self.settle_in_background([results[name] for name in pending])
            raise
        return self.gathered(results, pending) if pending else results

    def plan(self, type_name: str, grouped_field_set: Any) -> list[Step]:
        """Each field of a selection with its shortcut, worked out once per selection."""
        key = (type_name, id(grouped_field_set))
        cached = self.plans.get(key)
        if cached is None or cached[0] is not grouped_field_set:
            steps = []
            for response_name, field_details_list in grouped_field_set.items():
                field = (type_name, field_details_list[0].node.name.value)
                leaf, spec = self.leaf_fields.get(field), self.object_fields.get(field)
                steps.append(Step(response_name, field_details_list, leaf, spec))
            # The selection is kept with its plan so that its id is not reused meanwhile.
            cached = self.plans[key] = (grouped_field_set, steps)
        return cached[1]

    def execute_field(  # type: ignore[override]
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        # Fields reached outside `run` (serial mutation fields, graphql-core's own paths).
        key = (parent_type.name, field_details_list[0].node.name.value)
        leaf = self.leaf_fields.get(key)
        if leaf is not None:
            value = _read_leaf(source, leaf)
            if value is not _MISS:
                return value
        spec = self.object_fields.get(key)
        if spec is not None and position_context is None:
            step = Step(key[1], field_details_list, None, spec)
            return self.execute_object_field(step, parent_type, source, path)
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    # graphql-core completes an object field through ~8 generic calls per object (non-null,
    # list, item, object, subfields...). For an object or list of objects that is already
    # there, the methods below go straight to the subfields; whatever else comes back (an
    # awaitable, a null, a wrong type, an error) takes graphql-core's own path, so errors
    # and their paths stay the same.
    def execute_object_field(
        self, step: Step, parent_type: GraphQLObjectType, source: Any, path: Any
    ) -> Any:
        spec, details = step.spec, step.details
        assert spec is not None
        field = spec.field
        info = None
        if spec.needs_info:
            info = self.build_resolve_info(field, to_nodes(details), parent_type, path)
        try:
            result = spec.resolve(source, info)  # type: ignore[arg-type]
            if not self.is_plain(spec, result, info):  # graphql-core's path needs an info
                info = info or self.build_resolve_info(field, to_nodes(details), parent_type, path)
                if self.is_awaitable(result):
                    return self.complete_awaitable_value(
                        field.type, details, info, path, result, None
                    )
                completed = self.complete_value(field.type, details, info, path, result, None)
            elif spec.item_type is None:
                completed = self.execute_subfields(step, path, result)
            else:
                completed = self.complete_objects(step, path, result)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field.type, details, path)
            return None
        if type(completed) not in _COMPLETED and self.is_awaitable(completed):
            return self.guarded(completed, field.type, details, path)
        return completed

    def complete_objects(self, step: Step, path: Any, result: list[Any]) -> Any:
        item_type, details = step.spec.item_type, step.details  # type: ignore[union-attr]
        completed: list[Any] = []
        pending: list[int] = []
        try:
            for index, item in enumerate(result):
                item_path = path.add_key(index, None)
                try:
                    value = self.execute_subfields(step, item_path, item)
                except Exception as raw_error:  # raises again when the item is non-null
                    self.handle_field_error(raw_error, item_type, details, item_path)
                    value = None
                if type(value) is not dict and self.is_awaitable(value):
                    value = self.guarded(value, item_type, details, item_path)
                    pending.append(index)
                completed.append(value)
        except Exception:
            if pending:
                self.settle_in_background([completed[index] for index in pending])
            raise
        return self.gathered(completed, pending) if pending else completed

    def is_plain(self, spec: ObjectField, result: Any, info: Any) -> bool:
        """Whether `result` is the object (or list of objects) the field promises, as is."""
        if spec.item_type is None:
            return self.is_plain_object(spec, result, info)
        return type(result) is list and all(
            self.is_plain_object(spec, item, info) for item in result
        )

    def is_plain_object(self, spec: ObjectField, value: Any, info: Any) -> bool:
        is_type_of = spec.object_type.is_type_of
        if spec.isinstance_check:
            return is_type_of(value, info) is True  # type: ignore[misc]
        cls = type(value)
        if cls not in self.plain_classes:  # whether a value is awaitable depends on its class
            if value is None or isinstance(value, Exception) or self.is_awaitable(value):
                return False
            if cls is not GeneratorType:  # generator-based coroutines are marked per object
                self.plain_classes.add(cls)
        return is_type_of is None or is_type_of(value, info) is True

    def execute_subfields(self, step: Step, path: Any, value: Any) -> Any:
        object_type = step.spec.object_type  # type: ignore[union-attr]
        if not step.sub_ready:
            grouped_field_set, new_defer_usages, _ = self.collect_subfields(
                object_type, step.details
            )
            step.sub = None if new_defer_usages else self.plan(object_type.name, grouped_field_set)
            step.sub_ready = True
        if step.sub is None:
            return self.collect_and_execute_subfields(object_type, step.details, path, value, None)
        return self.run(step.sub, object_type, value, path)

    async def guarded(
        self, completed: Any, return_type: Any, field_details_list: Any, path: Any
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None

    @staticmethod
    async def gathered(completed: Any, pending: list[Any]) -> Any:
        """`completed` (a list or dict) with the awaitables at `pending` keys awaited."""
        values = await gather_with_cancel(*(completed[key] for key in pending))
        for key, value in zip(pending, values, strict=True):
            completed[key] = value
        return completed


_MISS = object()


def _read_leaf(source: Any, leaf: LeafField) -> Any:
    """The field's output value, or _MISS when the regular path must handle (and report) it."""
    attribute, leaf_type, non_null, exact, enum_names = leaf
    try:
        value = getattr(source, attribute)
        if type(value) is exact:
            return value
        if enum_names is not None and (name := enum_names.get(value)) is not None:
            return name
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

    resolve.direct = True  # type: ignore[attr-defined]  # object_fields may take it as is
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
