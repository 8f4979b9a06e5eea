"""The REST edge under /api/v1: thin Starlette handlers over api.services."""
