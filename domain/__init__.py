"""The integration plan aggregate, its value types and domain errors (pure, no I/O)."""
