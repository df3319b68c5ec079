"""``claims rates update``: download the ECB history, validate it, swap it in atomically.

The download is bounded (connect/read timeout, total deadline, size limit); the file must
parse, its dates must be strictly ordered, and it must not shrink the history already held
(a partial but well-formed file). Only then is a new database built beside the old one and
renamed over it; any failure raises UpdateError and leaves the previous data as it was.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone

from claims.errors import UpdateError
from claims.rates import build, db, ecb
from claims.rates.locations import ECB_DOWNLOAD_NAME, StoreLocation

DEFAULT_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
DEFAULT_TIMEOUT = 30.0
_SCHEMES = ("http://", "https://", "file://")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class UpdateResult:
    """What an update brought in."""

    url: str
    sha256: str
    first_date: str
    last_date: str
    previous_last_date: str | None
    currencies: int
    bytes: int


def download(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = ecb.MAX_ZIP_BYTES) -> bytes:
    """Fetch ``url`` within ``timeout`` seconds per read and 4x that in total, at most ``max_bytes``."""
    if not url.lower().startswith(_SCHEMES):
        raise UpdateError(f"refusing URL {url[:80]!r}: only http, https and file URLs")
    if not timeout > 0:
        raise UpdateError("--timeout must be a positive number of seconds")
    deadline = time.monotonic() + 4 * timeout
    request = urllib.request.Request(url, headers={"User-Agent": "claims-rates-update/1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = getattr(response, "status", 200) or 200
            if status != 200:
                raise UpdateError(f"download failed: HTTP {status} from {url}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise UpdateError(f"download is {declared} bytes, over the {max_bytes} byte limit")
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise UpdateError(f"download passed the {max_bytes} byte limit")
                if time.monotonic() > deadline:
                    raise UpdateError(f"download took longer than {4 * timeout:g} s")
                chunks.append(chunk)
            if declared and declared.isdigit() and size != int(declared):
                raise UpdateError(f"download failed: truncated, {size} of {declared} bytes ({url})")
    except UpdateError:
        raise
    except urllib.error.HTTPError as exc:
        raise UpdateError(f"download failed: HTTP {exc.code} from {url}") from None
    except urllib.error.URLError as exc:
        raise UpdateError(f"download failed: {_reason(exc.reason)} ({url})") from None
    except TimeoutError:
        raise UpdateError(f"download timed out after {timeout:g} s ({url})") from None
    except (OSError, ValueError) as exc:          # IncompleteRead, reset connections, bad URLs
        raise UpdateError(f"download failed: {_reason(exc)} ({url})") from None
    data = b"".join(chunks)
    if not data:
        raise UpdateError(f"download failed: empty response from {url}")
    return data


def update(location: StoreLocation, url: str = DEFAULT_URL, timeout: float = DEFAULT_TIMEOUT,
           force: bool = False) -> UpdateResult:
    """Download, validate and swap in a new ECB history; the old one stays on any failure."""
    data = download(url, timeout)
    table = ecb.parse(data)
    previous = _current_range(location)
    if previous and not force:
        first, last = previous
        if table.last_date < last or table.first_date > first:
            raise UpdateError(f"downloaded history covers {table.first_date} to {table.last_date}, "
                              f"less than the {first} to {last} already held; keeping it "
                              "(use --force to replace it anyway)")
    retrieved = datetime.now(timezone.utc).date().isoformat()
    source = build.EcbSource(table, url, retrieved)

    def keep_download() -> None:
        location.downloads.mkdir(parents=True, exist_ok=True)
        db.write_atomic(location.downloads / ECB_DOWNLOAD_NAME, data)
        sidecar = {"url": url, "retrieved": retrieved, "sha256": table.sha256}
        db.write_atomic(location.downloads / build.SIDECAR, json.dumps(sidecar, indent=2).encode())

    build.rebuild(location, f"update from {url}", ecb_source=source, commit=keep_download)
    return UpdateResult(url=url, sha256=table.sha256, first_date=table.first_date,
                        last_date=table.last_date, previous_last_date=previous[1] if previous else None,
                        currencies=len(table.series), bytes=len(data))


def _current_range(location: StoreLocation) -> tuple[str, str] | None:
    """The ECB dates the store holds now (None when there is no usable store yet)."""
    try:
        conn, _meta = db.open_readonly(location.db_path)
    except db.Damaged:
        return None
    try:
        row = conn.execute("SELECT first_date, last_date FROM datasets WHERE kind='reference'").fetchone()
    except Exception:
        return None
    finally:
        conn.close()
    return (row[0], row[1]) if row else None


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    text = str(reason).splitlines()[0] if str(reason) else type(reason).__name__
    return text[:160]
