"""The web interface at `/`: German pages (English switchable) on the API's own handlers."""
