"""FastAPI app, routers, schemas, auth and error mapping; the `iplan` command line."""
