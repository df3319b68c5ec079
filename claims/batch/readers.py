"""Archive readers: JSON Lines and CSV here; Parquet and WARC in their own modules.

``open_archive(path, columns)`` picks the reader by extension (or ``kind``) and returns an
``Archive``: ``items()`` streams ``Item`` values one at a time (memory stays flat however
long the archive), ``count()`` counts stories for a progress bar (a cheap separate pass).
Gzipped JSON Lines and CSV (``.jsonl.gz``, ``.csv.gz``) are read as they are.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, Protocol

from claims.batch.items import Columns, Item, item_from_row
from claims.errors import ConfigError, InputError

KINDS = ("jsonl", "csv", "parquet", "warc")
_SUFFIXES = (
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".csv", "csv"),
    (".tsv", "csv"),
    (".csv.gz", "csv"),
    (".tsv.gz", "csv"),
    (".parquet", "parquet"),
    (".pq", "parquet"),
    (".warc", "warc"),
    (".warc.gz", "warc"),
    (".arc", "warc"),
    (".arc.gz", "warc"),
)


class Archive(Protocol):
    """A source of stories."""

    @property
    def path(self) -> str: ...

    @property
    def keep(self) -> tuple[str, ...]: ...  # pass-through columns its items carry in ``meta``

    def items(self) -> Iterator[Item]: ...

    def count(self) -> int: ...


def kind_of(path: str, kind: str | None = None) -> str:
    """The archive kind: ``kind`` if given, else by extension (a folder is a Parquet dataset)."""
    if kind:
        if kind not in KINDS:
            raise ConfigError(
                f"--input-type: unknown archive type {kind!r} (use {', '.join(KINDS)})"
            )
        return kind
    if path == "-":
        return "jsonl"
    if os.path.isdir(path):
        return "parquet"
    lower = path.lower()
    for suffix, found in sorted(_SUFFIXES, key=lambda s: -len(s[0])):
        if lower.endswith(suffix):
            return found
    raise ConfigError(
        f"{path}: cannot tell the archive type from its name; add --input-type {'|'.join(KINDS)}"
    )


def open_archive(path: str, columns: Columns, kind: str | None = None) -> Archive:
    """The reader for ``path``; a missing file or a column map that does not fit fails here."""
    kind = kind_of(path, kind)
    if path != "-" and not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
    if kind == "parquet":
        from claims.batch.parquet_io import ParquetArchive

        return ParquetArchive(path, columns)
    if kind == "warc":
        from claims.batch.warc import WarcArchive

        return WarcArchive(path)
    archive = JsonlArchive(path, columns) if kind == "jsonl" else CsvArchive(path, columns)
    archive.validate()
    return archive


def _open_text(path: str) -> IO[str]:
    """A text stream over ``path`` (``-`` is stdin), gunzipped when it ends in ``.gz``."""
    try:
        if path == "-":
            return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
        if path.lower().endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


class _TextArchive:
    """What the JSON Lines and CSV readers share: the column map, errors, a counting pass."""

    def __init__(self, path: str, columns: Columns) -> None:
        self.path = path
        self.columns = columns

    @property
    def keep(self) -> tuple[str, ...]:
        return self.columns.keep

    def _records(self, fh: IO[str]) -> Iterator[tuple[int, Any]]:
        raise NotImplementedError

    def _read(self) -> Iterator[tuple[int, Any]]:
        """(line number, record) pairs; reading errors become one-line ``InputError``s."""
        try:
            with _open_text(self.path) as fh:
                yield from self._records(fh)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.path}: not UTF-8 text ({exc.reason}); save it as UTF-8"
            ) from None
        except csv.Error as exc:
            raise InputError(f"{self.path}: not CSV: {exc}") from None
        except (OSError, EOFError) as exc:
            raise InputError(
                f"{self.path}: cannot read: {getattr(exc, 'strerror', None) or exc}"
            ) from None

    def count(self) -> int:
        if self.path == "-":
            raise ValueError("stdin cannot be read twice")
        return sum(1 for _ in self._read())


class JsonlArchive(_TextArchive):
    """One JSON object per line; a line that is not a JSON object is an item problem."""

    def _records(self, fh: IO[str]) -> Iterator[tuple[int, str]]:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield number, line

    def validate(self) -> None:
        """Check the column map against the first object (stdin cannot be read twice)."""
        if self.path == "-":
            return
        for _number, line in self._read():
            try:
                row = json.loads(line)
            except ValueError:
                return
            if isinstance(row, dict):
                self.columns.check_names(_keys(row), self.path)
            return

    def items(self) -> Iterator[Item]:
        for number, line in self._read():
            where = f"{self.path}:{number}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield Item(where, None, source=where, problem=f"not JSON: {exc}")
                continue
            if not isinstance(row, dict):
                yield Item(
                    where, None, source=where, problem=f"a JSON {type(row).__name__}, not an object"
                )
                continue
            yield item_from_row(row, self.columns, where)


class CsvArchive(_TextArchive):
    """A CSV (or ``.tsv``) file with a header row; quoted fields may span lines."""

    def __init__(self, path: str, columns: Columns) -> None:
        super().__init__(path, columns)
        self.delimiter = "\t" if ".tsv" in path.lower() else ","

    def _records(self, fh: IO[str]) -> Iterator[tuple[int, dict[str, str]]]:
        # Stories run past the csv module's 128 KiB field limit. The limit is process-wide
        # (the rate importer relies on it), so it is raised only while this file is read.
        before = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        try:
            reader = csv.DictReader(fh, delimiter=self.delimiter)
            for row in reader:
                yield reader.line_num, row
        finally:
            csv.field_size_limit(before)

    def validate(self) -> None:
        if self.path == "-":
            return
        with _open_text(self.path) as fh:
            try:
                header = next(csv.reader(fh, delimiter=self.delimiter), [])
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"{self.path}: not a CSV header row: {exc}") from None
        if not header:
            raise InputError(f"{self.path}: empty CSV file (no header row)")
        self.columns.check_names(header, self.path)

    def items(self) -> Iterator[Item]:
        for line, row in self._read():
            where = f"{self.path}:{line}"
            if None in row:  # more fields than the header names
                yield Item(
                    where,
                    None,
                    source=where,
                    problem=f"{len(row) - 1 + len(row[None])} fields, the header has "
                    f"{len(row) - 1}",
                )
                continue
            yield item_from_row(row, self.columns, where)


def _keys(row: dict, prefix: str = "", depth: int = 0) -> list[str]:
    """Top-level keys, and dotted paths into nested objects (for ``--keep byline.name``)."""
    keys = []
    for key, value in row.items():
        keys.append(prefix + key)
        if isinstance(value, dict) and depth < 3:
            keys.extend(_keys(value, f"{prefix}{key}.", depth + 1))
    return keys
