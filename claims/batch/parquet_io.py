"""Parquet in and out (pyarrow, the ``parquet`` extra, imported only here).

Input: a Parquet file or a folder of them, read in small record batches of the columns the
map names. Output: a folder of parts (``part-00000.parquet``, ...), each written through a
hidden temp file in row groups and renamed when complete, so a killed run leaves only whole
parts (readers such as pandas, DuckDB and pyarrow skip the hidden temp file) and ``--resume``
reads the ids back from them. Findings are stored as a JSON string per story: their shape is
a contract of its own, versioned apart from this file's columns.
"""

from __future__ import annotations

import glob
import json
import os
import time
from collections.abc import Iterator
from typing import Any

from claims.batch._extras import need
from claims.batch.items import Columns, Item, item_from_row
from claims.errors import ConfigError, InputError

READ_BATCH = 256  # stories per record batch read from an input file
ROW_GROUP = 1_000  # stories per row group written
PART_SECONDS = 300  # a part is closed after this long even if not full


def _pa():
    need("pyarrow")
    return need("pyarrow.parquet")


class ParquetArchive:
    """Stories in a Parquet file, or in the ``*.parquet`` files of a folder (sorted by name)."""

    def __init__(self, path: str, columns: Columns) -> None:
        pq = _pa()
        self.path = path
        self.files = (
            sorted(glob.glob(os.path.join(path, "**", "*.parquet"), recursive=True))
            if os.path.isdir(path)
            else [path]
        )
        self.files = [f for f in self.files if not os.path.basename(f).startswith((".", "_"))]
        if not self.files:
            raise InputError(f"{path}: no .parquet files in this folder")
        try:
            names = pq.ParquetFile(self.files[0]).schema_arrow.names
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
            raise InputError(f"{self.files[0]}: not a Parquet file ({exc})") from None
        self.columns = columns
        columns.check_names(names, self.files[0])
        c = self.columns
        wanted = [c.id, c.body, c.date, c.url, c.language, *c.keep]
        roots = [n.split(".", 1)[0] if n not in names else n for n in wanted if n]
        self.read = list(dict.fromkeys(r for r in roots if r in names))

    @property
    def keep(self) -> tuple[str, ...]:
        return self.columns.keep

    def _batches(self) -> Iterator[tuple[str, Any]]:
        pq = _pa()
        for name in self.files:
            try:
                pf = pq.ParquetFile(name)
                for batch in pf.iter_batches(batch_size=READ_BATCH, columns=self.read):
                    yield name, batch
            except (OSError, ValueError) as exc:
                raise InputError(f"{name}: cannot read as Parquet ({exc})") from None
            except Exception as exc:  # noqa: BLE001 - ArrowInvalid and friends
                raise InputError(f"{name}: cannot read as Parquet ({exc})") from None

    def items(self) -> Iterator[Item]:
        rows_before: dict[str, int] = {}
        for name, batch in self._batches():
            first = rows_before.get(name, 0)
            for offset, row in enumerate(batch.to_pylist()):
                yield item_from_row(row, self.columns, f"{name}:row {first + offset}")
            rows_before[name] = first + batch.num_rows

    def count(self) -> int:
        pq = _pa()
        return sum(pq.ParquetFile(name).metadata.num_rows for name in self.files)


# ------------------------------------------------------------------ results


def results_schema(keep: tuple[str, ...]):
    """The columns of a results part (``meta`` only when columns are kept)."""
    import pyarrow as pa

    from claims.batch.story import empty_counts

    text = pa.string()
    fields = [
        ("version", pa.int32()),
        ("id", text),
        ("url", text),
        ("date", text),
        ("language", text),
    ]
    if keep:
        fields.append(("meta", pa.struct([(k, text) for k in keep])))
    fields += [
        ("format", text),
        ("source", text),
        ("as_of", text),
        ("as_of_source", text),
        ("as_of_detail", text),
        ("modified", text),
        ("reading", text),
        ("language_source", text),
        ("notes", pa.list_(text)),
        ("findings", text),
        ("counts", pa.struct([(k, pa.int32()) for k in empty_counts()])),
        ("problem", text),
    ]
    return pa.schema(fields)


class ParquetSink:
    """A folder of Parquet parts written in row groups; each part appears only when whole."""

    encoding = "parquet"  # rows arrive with findings already a JSON string

    def __init__(self, path: str, *, keep: tuple[str, ...] = (), part_size: int = 10_000) -> None:
        _pa()
        self.path = path
        self.keep = keep
        self.part_size = max(1, part_size)
        self.schema = results_schema(keep)
        if os.path.isfile(path):
            raise ConfigError(f"{path} is a file; Parquet results are written to a folder")
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"{path}: cannot create the results folder: {exc.strerror or exc}"
            ) from None
        for leftover in glob.glob(os.path.join(path, ".part-*.tmp")):
            os.unlink(leftover)  # a part a killed run did not finish
        self.done: set[str] = set()
        parts = sorted(glob.glob(os.path.join(path, "part-*.parquet")))
        if parts:
            import pyarrow.parquet as pq

            try:
                before = pq.read_schema(parts[0])
            except Exception as exc:  # noqa: BLE001
                raise InputError(f"{parts[0]}: not a claims results part ({exc})") from None
            if not before.equals(self.schema):
                raise ConfigError(
                    f"{path} holds results with other columns ({', '.join(before.names)}"
                    "); resume with the same --keep, or write to another --out"
                )
        for part in parts:
            self.done.update(_ids_in(part))
        self.next_part = 1 + max((_part_number(p) for p in parts), default=-1)
        self.buffer: list[dict[str, Any]] = []
        self.writer: Any = None  # a pyarrow ParquetWriter while a part is open
        self.part_rows = 0
        self.part_started = 0.0
        self.temp = self.final = ""

    def write(self, records: list[dict[str, Any]]) -> None:
        self.buffer.extend(records)
        group = min(ROW_GROUP, self.part_size)
        while len(self.buffer) >= group:
            self._flush(self.buffer[:group])
            del self.buffer[:group]

    def close(self) -> None:
        if self.buffer:
            self._flush(self.buffer)
            self.buffer = []
        self._close_part()

    def _flush(self, records: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            name = f"part-{self.next_part:05d}.parquet"
            self.next_part += 1
            self.final = os.path.join(self.path, name)
            self.temp = os.path.join(self.path, f".{name}.tmp")
            self.writer = pq.ParquetWriter(self.temp, self.schema, compression="zstd")
            self.part_rows, self.part_started = 0, time.monotonic()
        self.writer.write_table(pa.Table.from_pylist(records, schema=self.schema))
        self.part_rows += len(records)
        if self.part_rows >= self.part_size or time.monotonic() - self.part_started > PART_SECONDS:
            self._close_part()

    def _close_part(self) -> None:
        if self.writer is None:
            return
        self.writer.close()
        self.writer = None
        with open(self.temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.temp, self.final)


def _part_number(path: str) -> int:
    stem = os.path.basename(path)[len("part-") : -len(".parquet")]
    return int(stem) if stem.isdigit() else -1


def _ids_in(part: str) -> list[str]:
    import pyarrow.parquet as pq

    try:
        return [
            i for i in pq.read_table(part, columns=["id"]).column("id").to_pylist() if i is not None
        ]
    except Exception as exc:  # noqa: BLE001
        raise InputError(
            f"{part}: not a claims results part ({exc}); cannot resume into this folder"
        ) from None


def read_parquet_results(path: str) -> Iterator[dict[str, Any]]:
    """Records from a results folder (or one Parquet file), findings parsed back from JSON."""
    pq = _pa()
    files = (
        sorted(glob.glob(os.path.join(path, "part-*.parquet"))) if os.path.isdir(path) else [path]
    )
    if not files:
        raise InputError(f"{path}: no results parts (part-*.parquet) in this folder")
    for name in files:
        try:
            pf = pq.ParquetFile(name)
            if "findings" not in pf.schema_arrow.names:
                raise InputError(f"{name}: not a claims results file (no findings column)")
            for batch in pf.iter_batches(batch_size=READ_BATCH):
                for row in batch.to_pylist():
                    raw = row.get("findings")
                    row["findings"] = json.loads(raw) if isinstance(raw, str) else (raw or [])
                    yield row
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"{name}: cannot read as Parquet ({exc})") from None
