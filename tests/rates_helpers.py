"""Helpers for the rate-store tests: ECB history files and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import threading
import time
import zipfile
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claims.rates.locations import bundled_ecb_zip


def bundled_csv() -> str:
    with zipfile.ZipFile(bundled_ecb_zip()) as archive:
        return archive.read("eurofxref-hist.csv").decode("utf-8")


def next_weekday(day: date, n: int = 1) -> date:
    while n:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


def zipped(text: str, name: str = "eurofxref-hist.csv") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return buffer.getvalue()


def history_plus(days: int, usd: str = "1.2345") -> tuple[bytes, date]:
    """The bundled history with ``days`` new fixing days on top (newest first, like the ECB)."""
    lines = bundled_csv().splitlines()
    header, newest = lines[0], next(csv.reader([lines[1]]))
    usd_at = header.split(",").index("USD")
    last = date.fromisoformat(newest[0])
    new_rows = []
    for n in range(days, 0, -1):
        row = list(newest)
        row[0], row[usd_at] = next_weekday(last, n).isoformat(), usd
        new_rows.append(",".join(row))
    return zipped("\n".join([header, *new_rows, *lines[1:]]) + "\n"), next_weekday(last, days)


Route = "tuple[int, bytes] | Callable[[BaseHTTPRequestHandler], None]"


class Server:
    """A tiny HTTP server in a thread: path -> (status, body) or a function of the handler.

    '/hang' never answers (until closed); ``delays`` holds seconds to wait before answering a
    path. It listens on 127.0.0.1 only and stops when closed.
    """

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.delays: dict[str, float] = {}
        self.release = threading.Event()
        self.hits: dict[str, int] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                path = self.path.split("?")[0]
                outer.hits[path] = outer.hits.get(path, 0) + 1
                if path.startswith("/hang"):
                    outer.release.wait(30)
                    return
                if path in outer.delays:
                    outer.release.wait(outer.delays[path])
                route = outer.routes.get(path, (404, b"not found"))
                if callable(route):
                    route(self)
                    return
                status, body = route
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def redirect(location: str, status: int = 302):
    """A route answering with a redirect to ``location``."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def trickle(
    body: bytes,
    *,
    in_headers: bool,
    release: threading.Event,
    limit: float = 20,
    interval: float = 1.0,
):
    """A route sending one byte every ``interval`` seconds: of its status line and headers, or
    of its body (each byte arrives well within a per-read timeout; only a total deadline
    stops it)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\nX-Padding: "
            + b"x" * 60
            + b"\r\n\r\n"
        )
        slow, fast = (head, b"") if in_headers else (body, head)
        start = time.monotonic()
        try:
            handler.wfile.write(fast)
            handler.wfile.flush()
            for i in range(len(slow)):
                if release.is_set() or time.monotonic() - start > limit:
                    return
                handler.wfile.write(slow[i : i + 1])
                handler.wfile.flush()
                time.sleep(interval)
            handler.wfile.write(body if in_headers else b"")
        except OSError:
            return

    return answer


def many_headers(count: int, body: bytes):
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        for i in range(count):
            handler.send_header(f"X-Header-{i}", "x")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer
