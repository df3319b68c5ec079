"""The SQLite file: schema, atomic writes, the writers' lock, and the checks made on open.

Writers never change the live file: they build a complete database in a temp file in the
same folder and ``os.replace`` it over the old one, under ``rates.lock``. Readers open it
read-only, so a reader sees either the old file or the new one, never half of each.
Rates are stored as the published decimal strings, never floats: ``rates`` is the indexed
table of record; ``series`` packs each (dataset, pair) into one row for fast lazy loading.

Every packed row carries a sha256 of its content and every dataset a digest over its rows'
checksums and its citation: the digests are verified on open, a row's checksum when the row is
first loaded, and everything (the ``rates`` table too) by ``verify_all`` for ``rates info``.
A changed byte is damage: the store is rebuilt from its source files.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import stat
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from claims.errors import RateError, UpdateError

SCHEMA_VERSION = "4"
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
    rows INTEGER NOT NULL,
    frequency TEXT NOT NULL,            -- daily | weekly | monthly | irregular
    prefer INTEGER NOT NULL,            -- 1: an import that answers its pairs before the ECB
    digest TEXT NOT NULL                -- sha256 over the citation and the rows' checksums
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
    sha TEXT NOT NULL,                  -- series_sha() of this row (before the long columns:
                                        -- the check on open reads no overflow pages)
    dates TEXT NOT NULL, vals TEXT NOT NULL,
    UNIQUE (dataset_id, base, quote)
);
CREATE TABLE calendars (                -- the fixing days of a dataset, packed
    dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id), n INTEGER NOT NULL,
    sha TEXT NOT NULL, dates TEXT NOT NULL
);
"""


class Damaged(Exception):
    """The database file is missing, unreadable or not ours: rebuild it."""


#: Files SQLite may leave beside a database. Writers here never change the live file in place,
#: so one of these beside the store is foreign (a crashed sqlite3 shell, a copied folder) and
#: would make every read-only open fail: it is named and removed under the writers' lock.
SIDE_FILES = ("-journal", "-wal", "-shm")


def series_sha(
    base: str, quote: str, first: str, last: str, n: int, start: int, dates: str, vals: str
) -> str:
    """The checksum of one packed series row (``dates`` is not read when ``start`` >= 0)."""
    packed = "|".join(
        (base, quote, first, last, str(n), str(start), dates if start < 0 else "", vals)
    )
    return hashlib.sha256(packed.encode()).hexdigest()


def calendar_sha(dates: str) -> str:
    return hashlib.sha256(dates.encode()).hexdigest()


def dataset_digest(
    citation: Sequence[object], shas: Sequence[tuple[str, str, str]], calendar: str | None
) -> str:
    """sha256 over a dataset's citation row and its (base, quote, sha) rows in order."""
    h = hashlib.sha256("|".join(map(str, citation)).encode())
    for base, quote, sha in sorted(shas):
        h.update(f"\n{base}/{quote}:{sha}".encode())
    h.update(f"\ncalendar:{calendar or ''}".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Dataset:
    """One source table to write: ECB history or an import."""

    kind: str
    source: str
    identity: str
    sha256: str
    origin: str
    retrieved: str
    series: Mapping[tuple[str, str], tuple[Sequence[str], Sequence[str]]]
    days: Sequence[str] = ()  # the fixing calendar (ECB); empty for imports
    frequency: str = "daily"
    prefer: bool = False


def write_database(path: Path, datasets: Sequence[Dataset], meta: dict[str, str]) -> None:
    """Write a complete database to ``path`` (a fresh temp file)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")  # fsync'd once below, before the rename
        conn.executescript(SCHEMA)
        for number, ds in enumerate(datasets, start=1):
            firsts = [d[0] for d, _ in ds.series.values() if d]
            lasts = [d[-1] for d, _ in ds.series.values() if d]
            rows = sum(len(d) for d, _ in ds.series.values())
            position = {d: i for i, d in enumerate(ds.days)}
            shas = []
            for (base, quote), (dates, vals) in ds.series.items():
                conn.executemany(
                    "INSERT INTO rates VALUES (?,?,?,?,?)",
                    ((number, base, quote, d, v) for d, v in zip(dates, vals, strict=True)),
                )
                start = position.get(dates[0], -1)
                if start >= 0 and tuple(ds.days[start : start + len(dates)]) != tuple(dates):
                    start = -1
                packed_dates, packed_vals = ",".join(dates), ",".join(vals)
                sha = series_sha(
                    base, quote, dates[0], dates[-1], len(dates), start, packed_dates, packed_vals
                )
                shas.append((base, quote, sha))
                conn.execute(
                    "INSERT INTO series VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        number,
                        base,
                        quote,
                        dates[0],
                        dates[-1],
                        len(dates),
                        start,
                        sha,
                        packed_dates,
                        packed_vals,
                    ),
                )
            calendar = None
            if ds.days:
                packed = ",".join(ds.days)
                calendar = calendar_sha(packed)
                conn.execute(
                    "INSERT INTO calendars VALUES (?,?,?,?)",
                    (number, len(ds.days), calendar, packed),
                )
            citation = (
                number,
                ds.kind,
                ds.source,
                ds.identity,
                ds.sha256,
                ds.origin,
                ds.retrieved,
                min(firsts, default=""),
                max(lasts, default=""),
                rows,
                ds.frequency,
                int(ds.prefer),
            )
            conn.execute(
                "INSERT INTO datasets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*citation, dataset_digest(citation, shas, calendar)),
            )
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
        info = path.stat()
    except FileNotFoundError:
        raise Damaged("not built yet") from None
    except OSError as exc:
        raise RateError(f"cannot read the rate store {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise RateError(
            f"the rate store {path} is a folder, not a file: remove it or choose "
            "another --cache-dir"
        )
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the open for ever
        raise Damaged(f"{path.name} is not a regular file ({_kind(info.st_mode)})")
    size = info.st_size
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if os.path.lexists(side):
            raise Damaged(f"a stale {side.name} lies beside the store ({side})")
    uri = path.absolute().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise Damaged(
                f"schema version {meta.get('schema_version')!r}, expected {SCHEMA_VERSION!r}"
            )
        if meta.get("complete") != "1":
            raise Damaged("incomplete build")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if pages * page_size != size:
            raise Damaged(f"file is {size} bytes, its pages say {pages * page_size}")
        verify_datasets(conn)
    except (sqlite3.DatabaseError, Damaged) as exc:
        conn.close()
        raise Damaged(str(exc) or type(exc).__name__) from None
    return conn, meta


def verify_datasets(conn: sqlite3.Connection) -> dict[int, str]:
    """Check each dataset's digest against its rows' stored checksums (cheap: no rate data read).

    Returns {dataset id: digest}; raises sqlite3.DatabaseError naming the first mismatch.
    """
    shas: dict[int, list[tuple[str, str, str]]] = {}
    for ds, base, quote, sha in conn.execute("SELECT dataset_id, base, quote, sha FROM series"):
        shas.setdefault(ds, []).append((base, quote, sha))
    calendars = dict(conn.execute("SELECT dataset_id, sha FROM calendars"))
    digests = {}
    for row in conn.execute(
        "SELECT id, kind, source, identity, sha256, origin, retrieved, "
        "first_date, last_date, rows, frequency, prefer, digest FROM datasets"
    ):
        citation, digest = row[:-1], row[-1]
        if dataset_digest(citation, shas.get(row[0], ()), calendars.get(row[0])) != digest:
            raise sqlite3.DatabaseError(f"dataset {row[0]} ({row[2]}) fails its checksum")
        digests[row[0]] = digest
    return digests


def verify_all(conn: sqlite3.Connection) -> str:
    """Every checksum recomputed from the data, and the ``rates`` table matched with the rows:
    'ok' or the first problem (for ``rates info``; reads the whole file)."""
    try:
        verify_datasets(conn)
        for ds, n, dates, sha in conn.execute("SELECT dataset_id, n, dates, sha FROM calendars"):
            if calendar_sha(dates) != sha or len(dates.split(",")) != n:
                return f"the fixing calendar of dataset {ds} fails its checksum"
        record: dict[tuple[int, str, str], list[tuple[str, str]]] = {}
        for ds, base, quote, day, value in conn.execute(
            "SELECT dataset_id, base, quote, date, value FROM rates ORDER BY 1, 2, 3, 4"
        ):
            record.setdefault((ds, base, quote), []).append((day, value))
        rows = conn.execute(
            "SELECT dataset_id, base, quote, first_date, last_date, n, cal_start, "
            "dates, vals, sha FROM series"
        ).fetchall()
        if len(rows) != len(record):
            return "the rates table and the packed series disagree"
        for ds, base, quote, first, last, n, start, dates, vals, sha in rows:
            if series_sha(base, quote, first, last, n, start, dates, vals) != sha:
                return f"series {base}/{quote} of dataset {ds} fails its checksum"
            kept = record.get((ds, base, quote), [])
            if ",".join(d for d, _ in kept) != dates or ",".join(v for _, v in kept) != vals:
                return f"the rates table disagrees with series {base}/{quote} of dataset {ds}"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return quick_check(conn)


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
    """Drop temp files left by a killed writer and foreign SQLite side files (lock held)."""
    for leftover in target.parent.glob(f"{target.name}.tmp-*"):
        leftover.unlink(missing_ok=True)
    for suffix in SIDE_FILES:
        side = target.with_name(target.name + suffix)
        try:
            side.unlink(missing_ok=True)
        except OSError as exc:
            raise RateError(
                f"cannot remove the stale {side}: {exc.strerror or exc}; remove it by hand"
            ) from None


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a plain file"


@contextmanager
def store_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the writers' lock (an OS file lock, released if the process dies)."""
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")
    except OSError as exc:
        raise RateError(
            f"cannot write the rate store folder {lock_path.parent}: "
            f"{exc.strerror or exc} (use --cache-dir)"
        ) from None
    deadline = time.monotonic() + timeout
    try:
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise UpdateError(
                    f"another claims process has held {lock_path} for {timeout:.0f} s"
                )
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


if sys.platform != "win32":
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

else:  # Windows
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
