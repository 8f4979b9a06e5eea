"""Root mutation fields: one module per mutation, its Input and Payload beside it."""
