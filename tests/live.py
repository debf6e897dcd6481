"""Live processes for tests that need real sockets: `iplan serve` in a subprocess, and a
TCP proxy of the test's own between a service and its database, to cut and restore."""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IPLAN = Path(sys.executable).parent / "iplan"
START_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    port: int
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        assert process.poll() is None, log.read_text()
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(f"{url}/healthz", timeout=2) as r,
        ):
            if r.status == 200:
                return
        assert time.monotonic() < deadline, f"no /healthz in {START_TIMEOUT_S} s"
        time.sleep(0.1)


@contextlib.contextmanager
def live_server(tmp_path: Path, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """`iplan serve` on a free port with the given IPLAN_* settings (default: SQLite in tmp)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    port = free_port()
    data_dir = tmp_path / "data"
    log = tmp_path / f"serve-{port}.log"
    full_env = {
        **os.environ,
        "IPLAN_STORE": "sqlite",
        "IPLAN_DATA_DIR": str(data_dir),
        **(env or {}),
    }
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(IPLAN), "serve", "--port", str(port)],
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(port, data_dir, log, process)
    try:
        wait_for_health(server.url, process, log)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes], how: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(how)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target, until told to cut the line.

    `cut("refuse")` closes every forwarded connection and refuses new ones, as a database
    that went down; `cut("blackhole")` closes them and lets new ones hang unanswered, as
    a network that swallows packets; `restore()` forwards again.
    """

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.mode = "open"
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TcpProxy:
        self._listen()
        self._thread = threading.Thread(target=self._pump, name="tcp-proxy", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(5)
        self._close_all()
        if self._listener is not None:
            self._listener.close()

    def cut(self, mode: str = "refuse") -> None:
        assert mode in ("refuse", "blackhole")
        with self._lock:
            self.mode = mode
            self._close_all()
            if mode == "refuse" and self._listener is not None:
                self._listener.close()
                self._listener = None

    def restore(self) -> None:
        with self._lock:
            for held in self._held:
                held.close()
            self._held.clear()
            self.mode = "open"
            if self._listener is None:
                self._listen()

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.setblocking(False)
        self._listener = listener

    def _close_all(self) -> None:
        for a, b in self._pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
        self._pairs.clear()

    def _pump(self) -> None:
        while not self._stopping.is_set():
            with self._lock:
                listener = self._listener
                sockets = [s for pair in self._pairs for s in pair]
            selector = selectors.DefaultSelector()
            # Any of them may be closed by cut() meanwhile: skip it this round.
            for s in [listener, *sockets] if listener is not None else sockets:
                with contextlib.suppress(ValueError, KeyError, OSError):
                    selector.register(s, selectors.EVENT_READ)
            try:
                ready = selector.select(0.05)
            except (OSError, ValueError):
                ready = []
            finally:
                selector.close()
            for key, _ in ready:
                self._serve(key.fileobj)  # type: ignore[arg-type]

    def _serve(self, sock: socket.socket) -> None:
        with self._lock:
            if sock is self._listener:
                with contextlib.suppress(OSError):
                    client, _ = sock.accept()
                    if self.mode == "blackhole":
                        self._held.append(client)  # accepted, never answered
                        return
                    upstream = socket.create_connection(self.target, timeout=5)
                    self._pairs.append((client, upstream))
                return
            pair = next((p for p in self._pairs if sock in p), None)
            if pair is None:
                return
            other = pair[1] if sock is pair[0] else pair[0]
            try:
                data = sock.recv(65536)
                if data:
                    other.sendall(data)
                    return
            except OSError:
                pass
            self._pairs.remove(pair)
            for s in pair:
                s.close()
