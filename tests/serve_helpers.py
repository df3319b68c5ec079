"""Helpers for the service tests (and bench/_serve.py): a real `claims serve` on 127.0.0.1 and
a tiny HTTP client, on the standard library only.

The server is the real command in a subprocess (`python -m claims serve --port 0`), which
announces the port it got; it is always stopped (SIGTERM, then SIGKILL) when the block ends.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 90.0
_LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")


def need_serve_extra() -> None:
    """Skip (with the reason) when the `serve` extra is not installed."""
    import pytest

    for name in ("fastapi", "uvicorn"):
        pytest.importorskip(
            name, reason=f"{name} is not installed: pip install '.[serve]'", exc_type=ImportError
        )


class Server:
    """A running `claims serve`: its base URL and its log."""

    def __init__(self, process: subprocess.Popen, port: int, log: Path) -> None:
        self.process, self.port, self.log = process, port, log
        self.url = f"http://127.0.0.1:{port}"

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        headers: dict | None = None,
        raw: bytes | None = None,
        timeout: float = 60.0,
    ) -> Answer:
        """One request on a fresh connection; JSON bodies are encoded for you."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        sent = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent.setdefault("Content-Type", "application/json")
        try:
            conn.request(method, path, body=data, headers=sent)
            response = conn.getresponse()
            return Answer(response.status, dict(response.getheaders()), response.read())
        finally:
            conn.close()

    def post(self, path: str, body: Any, **kwargs: Any) -> Answer:
        return self.request("POST", path, body, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.request("GET", path, **kwargs)


class Answer:
    """Status, headers (case-insensitive look-up) and body of one response."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.body = status, body
        self.headers = {k.lower(): v for k, v in headers.items()}

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def __repr__(self) -> str:
        return f"<Answer {self.status} {self.body[:300]!r}>"


@contextmanager
def running_server(
    tmp: Path, cache_dir: Path, *args: str, env: dict | None = None
) -> Iterator[Server]:
    """Start `claims serve` on a free loopback port; stop it however the block ends."""
    log = tmp / f"serve-{time.monotonic_ns()}.log"
    command = [
        sys.executable,
        "-m",
        "claims",
        "serve",
        "--port",
        "0",
        "--cache-dir",
        str(cache_dir),
        "--log-level",
        "warning",
        *args,
    ]
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    try:
        port = _wait_for_port(process, log)
        yield Server(process, port, log)
    finally:
        stop(process)


def _wait_for_port(process: subprocess.Popen, log: Path) -> int:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        found = _LISTENING.search(log.read_text("utf-8", "replace"))
        if found:
            return int(found[1])
        if process.poll() is not None:
            raise RuntimeError(
                f"claims serve exited {process.returncode}: "
                f"{log.read_text('utf-8', 'replace')[-2000:]}"
            )
        time.sleep(0.1)
    raise RuntimeError(
        f"claims serve did not start in {START_TIMEOUT:.0f} s: "
        f"{log.read_text('utf-8', 'replace')[-2000:]}"
    )


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (uvicorn's graceful shutdown), then SIGKILL after 15 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class Client:
    """One keep-alive connection to a server, for load loops (reconnects if dropped)."""

    def __init__(self, port: int, timeout: float = 60.0) -> None:
        self.port, self.timeout = port, timeout
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def post_json(self, path: str, data: bytes) -> tuple[int, bytes]:
        for attempt in (1, 2):
            try:
                self.conn.request(
                    "POST", path, body=data, headers={"Content-Type": "application/json"}
                )
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


def process_tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def run_load(
    port: int, path: str, body: bytes, *, clients: int, total: int, deadline_s: float
) -> tuple[list[tuple[int, bytes, float]], float]:
    """POST ``body`` at most ``total`` times from ``clients`` keep-alive connections, stopping
    by ``deadline_s`` whatever is done: ``[(status, answer, seconds)], elapsed seconds``."""
    import threading

    answers: list[tuple[int, bytes, float]] = []
    sent, lock = [0], threading.Lock()
    stop_at = time.monotonic() + deadline_s

    def run() -> None:
        conn = Client(port)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    if sent[0] >= total:
                        return
                    sent[0] += 1
                t0 = time.perf_counter()
                status, data = conn.post_json(path, body)
                answers.append((status, data, time.perf_counter() - t0))
        finally:
            conn.close()

    threads = [threading.Thread(target=run) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(deadline_s + 120)
    if any(t.is_alive() for t in threads):
        raise RuntimeError("a load client did not stop")
    return answers, time.perf_counter() - t0
