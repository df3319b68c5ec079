"""Downloading a rate file: bounded in time and size, redirects checked, errors as one line.

Every read waits at most ``timeout`` seconds (the socket timeout) and the whole download,
headers and body, DNS included, at most ``TOTAL_FACTOR`` times that: it runs in a worker
thread whose sockets are shut down when the deadline passes, so a server trickling one byte
a second cannot hold it. Redirects may go to https; to http only from http on the same host or
on loopback (so a test server can redirect); never to another scheme. The final URL is
returned, to be recorded as the origin. ``file:`` URLs read a local regular file.
"""

from __future__ import annotations

import http.client
import ipaddress
import math
import os
import socket
import stat
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from claims.errors import UpdateError

TOTAL_FACTOR = 4
MAX_TIMEOUT = 3600.0
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https", "file")
_SAFE = "!#$%&'()*+,/:;=?@[]~"  # left as written when a URL is re-quoted


@dataclass(frozen=True)
class Fetched:
    """What a download brought: the bytes and the URL they finally came from."""

    data: bytes
    url: str  # after redirects


def check_timeout(seconds: float) -> float:
    """A per-read timeout: a finite number of seconds in (0, 3600]."""
    if not (
        isinstance(seconds, (int, float)) and math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT
    ):
        raise UpdateError(
            f"--timeout must be a number of seconds above 0 and at most "
            f"{MAX_TIMEOUT:g} (got {seconds!r})"
        )
    return float(seconds)


def clean_url(url: str) -> str:
    """The URL with spaces and other unsafe characters percent-encoded; bad schemes refused."""
    url = (url or "").strip()
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        raise UpdateError(f"refusing URL {url[:80]!r}: it holds control characters")
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in _SCHEMES:
        raise UpdateError(f"refusing URL {url[:80]!r}: only http, https and file URLs")
    return urllib.parse.quote(url, safe=_SAFE)


def download(url: str, timeout: float, max_bytes: int) -> Fetched:
    """Fetch ``url``; any failure is an UpdateError with one line naming the URL."""
    timeout = check_timeout(timeout)
    url = clean_url(url)
    if url.lower().startswith("file:"):
        return Fetched(_read_local(url, max_bytes), url)
    total = TOTAL_FACTOR * timeout
    sockets: list[socket.socket] = []
    outcome: dict[str, object] = {}
    deadline = time.monotonic() + total

    def work() -> None:
        try:
            outcome["ok"] = _fetch(url, timeout, deadline, total, max_bytes, sockets)
        except BaseException as exc:  # reported by the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="claims-download", daemon=True)
    worker.start()
    worker.join(total)
    if worker.is_alive():
        for sock in list(sockets):
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass
        worker.join(1.0)
        raise UpdateError(
            f"download took longer than {total:g} s (--timeout {timeout:g}, "
            f"{TOTAL_FACTOR}x in total) ({url})"
        )
    error = outcome.get("error")
    if isinstance(error, UpdateError):
        raise error
    if error is not None:
        raise UpdateError(f"download failed: {_reason(error)} ({url})")
    fetched = outcome["ok"]
    assert isinstance(fetched, Fetched)
    return fetched


def _fetch(
    url: str,
    timeout: float,
    deadline: float,
    total: float,
    max_bytes: int,
    sockets: list[socket.socket],
) -> Fetched:
    opener = urllib.request.build_opener(_Http(sockets), _Https(sockets), _Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": "claims-rates-update/2"})
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl() or url
            status = getattr(response, "status", 200) or 200
            if status != 200:
                raise UpdateError(f"download failed: HTTP {status} from {final}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise UpdateError(f"download is {declared} bytes, over the {max_bytes} byte limit")
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise UpdateError(f"download passed the {max_bytes} byte limit")
                if time.monotonic() > deadline:
                    raise UpdateError(f"download took longer than {total:g} s ({url})")
                chunks.append(chunk)
            if declared and declared.isdigit() and size != int(declared):
                raise UpdateError(
                    f"download failed: truncated, {size} of {declared} bytes ({final})"
                )
    except UpdateError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            what = (
                f"a redirect loop (or more than {MAX_REDIRECTS} redirects)"
                if "loop" in str(exc.msg)
                else "a redirect without a usable Location"
            )
            raise UpdateError(f"download failed: {what} (HTTP {exc.code}) from {url}") from None
        raise UpdateError(f"download failed: HTTP {exc.code} from {exc.geturl() or url}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, UpdateError):
            raise exc.reason from None
        raise UpdateError(f"download failed: {_reason(exc.reason)} ({url})") from None
    except TimeoutError:
        raise UpdateError(f"download timed out: no data for {timeout:g} s ({url})") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        if time.monotonic() > deadline:
            raise UpdateError(f"download took longer than {total:g} s ({url})") from None
        raise UpdateError(f"download failed: {_reason(exc)} ({url})") from None
    data = b"".join(chunks)
    if not data:
        raise UpdateError(f"download failed: empty response from {final}")
    return Fetched(data, final)


def _read_local(url: str, max_bytes: int) -> bytes:
    """A ``file:`` URL: a regular file only (a FIFO would block), within the size limit."""
    parts = urllib.parse.urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise UpdateError(f"refusing URL {url[:80]!r}: a file URL must name a local file")
    path = urllib.request.url2pathname(parts.path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UpdateError(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise UpdateError(f"{path} is {info.st_size} bytes, over the {max_bytes} byte limit")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UpdateError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data:
        raise UpdateError(f"{path} is empty")
    return data


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def redirect_allowed(old: str, new: str) -> bool:
    """https always; http only from http on the same host or on loopback; nothing else."""
    before, after = urllib.parse.urlsplit(old), urllib.parse.urlsplit(new)
    if after.scheme.lower() == "https":
        return True
    if after.scheme.lower() == "http" and before.scheme.lower() == "http":
        return before.hostname == after.hostname or (
            _loopback(before.hostname) and _loopback(after.hostname)
        )
    return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            newurl = urllib.parse.urljoin(req.full_url, location.strip())
            if not redirect_allowed(req.full_url, newurl):
                raise UpdateError(
                    f"refusing a redirect from {req.full_url} to {newurl[:120]}: "
                    "only to https (or http to http on the same host)"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _tracked(base: type, sockets: list[socket.socket]) -> type:
    """A connection class that records its socket, so the deadline can shut it down."""

    class Tracked(base):
        def connect(self) -> None:
            super().connect()
            sockets.append(self.sock)

    return Tracked


class _Http(urllib.request.HTTPHandler):
    def __init__(self, sockets: list[socket.socket]) -> None:
        super().__init__()
        self._conn = _tracked(http.client.HTTPConnection, sockets)

    def http_open(self, req):
        return self.do_open(self._conn, req)


class _Https(urllib.request.HTTPSHandler):
    def __init__(self, sockets: list[socket.socket]) -> None:
        super().__init__()
        self._conn = _tracked(http.client.HTTPSConnection, sockets)

    def https_open(self, req):
        return self.do_open(self._conn, req, context=self._context)


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    text = str(reason).splitlines()[0] if str(reason) else type(reason).__name__
    return text[:160]
