"""A leaner field execution for large pages, with the same results and errors.

A timeline page completes ~750 fields, and per field graphql-core and strawberry each add a
layer: a resolve-info tuple, strawberry's argument conversion and extension chain, then
graphql-core's value completion. Three shortcuts skip what such fields do not need:

- A plain field (no resolver, no arguments) whose type is a scalar or enum is read with
  `getattr` and coerced in `execute_fields`, without building a resolve info. Anything unusual
  (null in a non-null field, a value that does not coerce, an error) takes the regular path,
  which reports it as before.
- A resolver field without arguments, extensions or permission classes calls its function
  directly with strawberry's `Info` (`shortcuts.direct_resolvers`), skipping the argument
  and extension machinery that has nothing to do for it.
- An argument-free field returning an object or a list of objects that is already there
  goes straight to its subfields (`execute_object_field`) instead of through graphql-core's
  generic completion; awaitables, nulls and errors take graphql-core's path.

api/graphql/shortcuts.py finds the fields once per schema. All shortcuts are off while a
schema extension hooks field resolution (it must see every field).
tests/graphql/test_execution.py checks results and errors against stock strawberry.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import GeneratorType
from typing import Any

from graphql import GraphQLObjectType
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.graphql.shortcuts import MISS, LeafField, ObjectField, read_leaf, shortcuts


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
                if step.leaf is not None and (value := read_leaf(source, step.leaf)) is not MISS:
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
            value = read_leaf(source, leaf)
            if value is not MISS:
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
