"""The SQLite file: schema, atomic writes, the writers' lock, and the checks made on open.

Writers never change the live file: they build a complete database in a temp file in the
same folder and ``os.replace`` it over the old one, under ``rates.lock``. Readers open it
read-only, so a reader sees either the old file or the new one, never half of each.
Rates are stored as the published decimal strings, never floats: ``rates`` is the indexed
table of record; ``series`` packs each (dataset, pair) into one row for fast lazy loading.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from claims.errors import RateError, UpdateError

SCHEMA_VERSION = "2"
LOCK_TIMEOUT = 120.0

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                 -- reference (ECB) | imported
    source TEXT NOT NULL,               -- the citation: 'ECB euro reference rate', 'imported: X'
    identity TEXT NOT NULL,             -- file name, sha256 prefix, retrieval/build date
    sha256 TEXT NOT NULL,
    origin TEXT NOT NULL,               -- URL, bundled package or imported file
    retrieved TEXT NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT NOT NULL,
    rows INTEGER NOT NULL
);
CREATE TABLE rates (                    -- value = units of quote per 1 base, as published
    dataset_id INTEGER NOT NULL REFERENCES datasets(id),
    base TEXT NOT NULL, quote TEXT NOT NULL, date TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (dataset_id, base, quote, date)
) WITHOUT ROWID;
CREATE TABLE series (                   -- one packed row per (dataset, pair): comma-joined
    dataset_id INTEGER NOT NULL REFERENCES datasets(id),
    base TEXT NOT NULL, quote TEXT NOT NULL,
    first_date TEXT NOT NULL, last_date TEXT NOT NULL, n INTEGER NOT NULL,
    cal_start INTEGER NOT NULL,         -- index in the dataset's calendar when the series is
                                        -- an unbroken run of its fixing days, else -1
    dates TEXT NOT NULL, vals TEXT NOT NULL,
    UNIQUE (dataset_id, base, quote)
);
CREATE TABLE calendars (                -- the fixing days of a dataset, packed
    dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id), n INTEGER NOT NULL, dates TEXT NOT NULL
);
"""


class Damaged(Exception):
    """The database file is missing, unreadable or not ours: rebuild it."""


@dataclass(frozen=True)
class Dataset:
    """One source table to write: ECB history or an import."""

    kind: str
    source: str
    identity: str
    sha256: str
    origin: str
    retrieved: str
    series: dict[tuple[str, str], tuple[Sequence[str], Sequence[str]]]
    days: Sequence[str] = ()            # the fixing calendar (ECB); empty for imports


def write_database(path: Path, datasets: Sequence[Dataset], meta: dict[str, str]) -> None:
    """Write a complete database to ``path`` (a fresh temp file)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")       # fsync'd once below, before the rename
        conn.executescript(SCHEMA)
        for number, ds in enumerate(datasets, start=1):
            firsts = [d[0] for d, _ in ds.series.values() if d]
            lasts = [d[-1] for d, _ in ds.series.values() if d]
            rows = sum(len(d) for d, _ in ds.series.values())
            conn.execute("INSERT INTO datasets VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (number, ds.kind, ds.source, ds.identity, ds.sha256, ds.origin,
                          ds.retrieved, min(firsts, default=""), max(lasts, default=""), rows))
            position = {d: i for i, d in enumerate(ds.days)}
            for (base, quote), (dates, vals) in ds.series.items():
                conn.executemany("INSERT INTO rates VALUES (?,?,?,?,?)",
                                 ((number, base, quote, d, v) for d, v in zip(dates, vals)))
                start = position.get(dates[0], -1)
                if start >= 0 and tuple(ds.days[start:start + len(dates)]) != tuple(dates):
                    start = -1
                conn.execute("INSERT INTO series VALUES (?,?,?,?,?,?,?,?,?)",
                             (number, base, quote, dates[0], dates[-1], len(dates), start,
                              ",".join(dates), ",".join(vals)))
            if ds.days:
                conn.execute("INSERT INTO calendars VALUES (?,?,?)",
                             (number, len(ds.days), ",".join(ds.days)))
        meta = {**meta, "schema_version": SCHEMA_VERSION, "complete": "1"}
        conn.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        conn.commit()
    finally:
        conn.close()
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def open_readonly(path: Path) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open and sanity-check the store (cheap checks only); raise Damaged with the reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise Damaged("not built yet") from None
    except OSError as exc:
        raise RateError(f"cannot read the rate store {path}: {exc.strerror or exc}") from None
    conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise Damaged(f"schema version {meta.get('schema_version')!r}, "
                          f"expected {SCHEMA_VERSION!r}")
        if meta.get("complete") != "1":
            raise Damaged("incomplete build")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if pages * page_size != size:
            raise Damaged(f"file is {size} bytes, its pages say {pages * page_size}")
    except (sqlite3.DatabaseError, Damaged) as exc:
        conn.close()
        raise Damaged(str(exc) or type(exc).__name__) from None
    return conn, meta


def quick_check(conn: sqlite3.Connection) -> str:
    """SQLite's own page-level check: 'ok' or the first problem."""
    try:
        return str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)


def temp_path(target: Path) -> Path:
    """A fresh temp file name beside ``target`` (same folder: os.replace stays atomic)."""
    return target.with_name(f"{target.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")


def replace(temp: Path, target: Path) -> None:
    """Atomically put ``temp`` in place of ``target`` and make the rename durable."""
    os.replace(temp, target)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file through a temp file and a rename."""
    temp = temp_path(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def remove_stale_temps(target: Path) -> None:
    """Drop temp files left by a killed writer (call with the lock held)."""
    for leftover in target.parent.glob(f"{target.name}.tmp-*"):
        leftover.unlink(missing_ok=True)


@contextmanager
def store_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the writers' lock (an OS file lock, released if the process dies)."""
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")
    except OSError as exc:
        raise RateError(f"cannot write the rate store folder {lock_path.parent}: "
                        f"{exc.strerror or exc} (use --cache-dir)") from None
    deadline = time.monotonic() + timeout
    try:
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise UpdateError(f"another claims process has held {lock_path} for {timeout:.0f} s")
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


try:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

except ImportError:                                  # Windows
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
