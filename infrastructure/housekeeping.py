"""Jobs a service runs on its own, every so often: writing anchor checkpoints, erasing
plans past their retention period. A failing run is logged and tried again next time."""

from __future__ import annotations

import threading
from collections.abc import Callable

import structlog

log = structlog.get_logger("iplan.housekeeping")


class Periodic:
    """Runs `job` every `interval` seconds in a daemon thread until stopped."""

    def __init__(self, name: str, interval: float, job: Callable[[], object]) -> None:
        self.name = name
        self.interval = interval
        self.job = job
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None

    def _loop(self) -> None:
        while not self._stopping.wait(self.interval):
            try:
                self.job()
            except Exception as error:
                log.warning("housekeeping_failed", job=self.name, error=type(error).__name__)
