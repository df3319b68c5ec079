"""``claims rates update``: download the ECB history, validate it, swap it in atomically.

The download is bounded (``claims.rates.fetch``: per-read timeout, total deadline, size
limit, redirects checked); the file must parse, its dates must be strictly ordered, and it
must not shrink the history already held (a partial but well-formed file). That last check runs
under the writers' lock, against the store as it is then: of two updates at once, an older
history never replaces a newer one, nor its kept download. Only then is a new database built
beside the old one and renamed over it; any failure raises UpdateError and leaves the previous
data as it was. The store is opened once more before success is reported.

``claims rates import``'s ``import_csv`` is the other write: a table validated by
``importing``, saved beside the store and built in the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from claims.errors import InputError, RateError, UpdateError
from claims.rates import build, db, ecb, importing
from claims.rates.db import write_atomic
from claims.rates.fetch import download
from claims.rates.importing import ImportTable
from claims.rates.locations import ECB_DOWNLOAD_NAME, StoreLocation

DEFAULT_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
DEFAULT_TIMEOUT = 30.0

__all__ = ["DEFAULT_URL", "DEFAULT_TIMEOUT", "UpdateResult", "download", "update"]


@dataclass(frozen=True)
class UpdateResult:
    """What an update brought in."""

    url: str  # where the data finally came from (after redirects)
    sha256: str
    first_date: str
    last_date: str
    previous_last_date: str | None
    currencies: int
    bytes: int
    requested_url: str = ""


def update(
    location: StoreLocation,
    url: str = DEFAULT_URL,
    timeout: float = DEFAULT_TIMEOUT,
    force: bool = False,
) -> UpdateResult:
    """Download, validate and swap in a new ECB history; the old one stays on any failure."""
    fetched = download(url, timeout, ecb.MAX_ZIP_BYTES)
    table = ecb.parse(fetched.data)
    retrieved = datetime.now(UTC).date().isoformat()
    source = build.EcbSource(table, fetched.url, retrieved)
    previous: list[tuple[str, str] | None] = [None]

    def must_not_shrink() -> None:  # under the lock: the store as it is now
        previous[0] = _current_range(location)
        if previous[0] and not force:
            first, last = previous[0]
            if table.last_date < last or table.first_date > first:
                raise UpdateError(
                    f"downloaded history covers {table.first_date} to "
                    f"{table.last_date}, less than the {first} to {last} already "
                    "held; keeping it (use --force to replace it anyway)"
                )

    def keep_download() -> None:
        build.keep_file(
            location.downloads,
            ECB_DOWNLOAD_NAME,
            build.SIDECAR,
            fetched.data,
            {"sha256": table.sha256, "url": fetched.url, "retrieved": retrieved},
        )

    build.rebuild(
        location,
        f"update from {fetched.url}",
        ecb_source=source,
        commit=keep_download,
        check=must_not_shrink,
    )
    try:
        conn, _meta = db.open_readonly(location.db_path)
        conn.close()
    except db.Damaged as exc:
        raise RateError(
            f"update saved, but the rate store {location.db_path} does not open: {exc}"
        ) from None
    before = previous[0]
    return UpdateResult(
        url=fetched.url,
        sha256=table.sha256,
        first_date=table.first_date,
        last_date=table.last_date,
        previous_last_date=before[1] if before else None,
        currencies=len(table.series),
        bytes=len(fetched.data),
        requested_url=url,
    )


def _current_range(location: StoreLocation) -> tuple[str, str] | None:
    """The ECB dates the store holds now (None when there is no usable store yet)."""
    try:
        conn, _meta = db.open_readonly(location.db_path)
    except db.Damaged:
        return None
    try:
        row = conn.execute(
            "SELECT first_date, last_date FROM datasets WHERE kind='reference'"
        ).fetchone()
    except Exception:
        return None
    finally:
        conn.close()
    return (row[0], row[1]) if row else None


def import_csv(
    location: StoreLocation,
    path: Path,
    source: str | None,
    *,
    fmt: str = "auto",
    columns: Sequence[str] = (),
    date_format: str | None = None,
    prefer: bool = False,
) -> ImportTable:
    """Validate ``path``, save it beside the store and rebuild the database with it."""
    from dataclasses import replace

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    table = importing.parse_import(
        data,
        source,
        label=Path(path).name,
        fmt=fmt,
        columns=columns,
        date_format=date_format,
        prefer=prefer,
    )
    name = table.source
    file = (
        f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')[:40] or 'import'}-"
        f"{hashlib.sha256(name.encode()).hexdigest()[:8]}.csv"
    )
    today = datetime.now(UTC).date().isoformat()

    def save() -> None:
        folder = location.imports
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / file, data)
        manifest = [e for e in importing.manifest(location) if e.get("source") != name]
        manifest.append(
            {
                "source": name,
                "file": file,
                "sha256": table.sha256,
                "imported": today,
                "original": str(path),
                "format": table.fmt,
                "columns": list(columns),
                "date_format": date_format,
                "prefer": prefer,
            }
        )
        write_atomic(folder / importing.MANIFEST, json.dumps(manifest, indent=2).encode())

    saved = replace(table, imported=today, file=file)
    build.rebuild(location, f"import of {name}", add_import=saved, commit=save)
    return saved
