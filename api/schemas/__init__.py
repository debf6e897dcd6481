"""Request and response bodies of HTTP API v1 (DESIGN section 4a)."""
