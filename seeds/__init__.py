"""Sample articles and their loader."""
