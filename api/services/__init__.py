"""Use cases: the core (temporal, extract) plus repositories. Services flush, never commit."""
