"""The GraphQL edge: strawberry types, queries and mutations over api.services."""
