"""One router per resource of HTTP API v1."""
