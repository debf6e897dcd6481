"""How `iplan serve` runs the app: uvicorn, with a limit on how long request headers may take.

uvicorn closes idle keep-alive connections but lets a client send its headers as slowly
as it likes (1,100 such connections stayed open for good). The protocol below closes a
connection whose headers are not complete within the header timeout; bodies have their
own timeout in api/middleware.py.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from infrastructure.settings import Settings


class HeaderTimeoutProtocol(H11Protocol):
    """HTTP/1.1 as uvicorn speaks it, but a request's headers must arrive in time."""

    header_timeout = 10.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection gets the same time

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _headers_too_slow(self) -> None:
        # Still waiting for a request's headers (a request under way is the body
        # timeout's and the app's business).
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def protocol(header_timeout: float) -> type[HeaderTimeoutProtocol]:
    return type("ConfiguredProtocol", (HeaderTimeoutProtocol,), {"header_timeout": header_timeout})


def serve(app: FastAPI, settings: Settings, host: str, port: int) -> None:
    # One worker: the library is synchronous; create_app sizes its thread pool.
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        workers=1,
        log_level="warning",
        http=protocol(settings.header_timeout_seconds),
        timeout_keep_alive=5,
    )
    uvicorn.Server(config).run()
