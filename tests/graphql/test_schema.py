"""schema.graphql is the checked-in SDL, and the schema documents itself."""

from __future__ import annotations

from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
)

from api.graphql.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"
REGENERATE = (
    "schema.graphql is stale; regenerate it with `strawberry export-schema "
    'api.graphql.schema:schema --output schema.graphql` (or: python -c "from api.graphql.schema '
    "import schema; open('schema.graphql', 'w').write(schema.as_str() + '\\n')\")"
)
BUILTIN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def _own_types() -> list[GraphQLNamedType]:
    return [
        t
        for name, t in schema._schema.type_map.items()
        if not name.startswith("__") and name not in BUILTIN_SCALARS
    ]


def _undocumented(named: GraphQLNamedType) -> list[str]:
    missing = [] if named.description else [named.name]
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
        for field_name, field in named.fields.items():
            if not field.description:
                missing.append(f"{named.name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{named.name}.{field_name}({arg_name})")
    return missing


class TestSchema:
    def test_exported_schema_matches_the_code(self) -> None:
        assert SCHEMA_FILE.read_text(encoding="utf-8") == schema.as_str() + "\n", REGENERATE

    def test_every_type_field_and_argument_has_a_description(self) -> None:
        missing = [m for t in _own_types() for m in _undocumented(t)]
        assert missing == []

    def test_contract_names(self) -> None:
        types = schema._schema.type_map
        assert isinstance(types["Node"], GraphQLInterfaceType)
        for name in ("Article", "Speaker", "Claim", "Verification"):
            node_type = types[name]
            assert isinstance(node_type, GraphQLObjectType)
            assert [i.name for i in node_type.interfaces] == ["Node"]
        status = types["VerificationStatus"]
        assert isinstance(status, GraphQLEnumType)
        assert list(status.values) == [
            "UNVERIFIED",
            "IN_REVIEW",
            "CONFIRMED",
            "PARTLY_CONFIRMED",
            "MISLEADING",
            "REFUTED",
            "UNVERIFIABLE",
        ]
        assert isinstance(types["Date"], GraphQLScalarType)
        query = types["Query"]
        assert isinstance(query, GraphQLObjectType)
        assert {
            "timeline",
            "claim",
            "article",
            "articles",
            "speaker",
            "speakers",
            "node",
            "nodes",
        } <= set(query.fields)
        mutation = types["Mutation"]
        assert isinstance(mutation, GraphQLObjectType)
        assert set(mutation.fields) >= {"ingestArticle", "setVerification", "deleteArticle"}
