"""Root query fields, one module per group."""
