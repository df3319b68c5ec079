"""Where results go as they are ready: JSON Lines (one story a line) or a Parquet folder.

``open_sink(path, resume=...)`` picks the writer by name (``.parquet`` is a folder of parts,
``-`` is stdout, anything else JSON Lines) and, with ``resume``, returns the ids already
written so the run skips them. A line torn by a killed run is cut off before appending; a
results file is never overwritten without ``--resume``. ``read_results`` streams records
back from either form, for ``claims summarize``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, Protocol

from claims.errors import ConfigError, InputError


class Sink(Protocol):
    """A results writer; ``encoding`` tells workers how to encode records for it."""

    path: str
    encoding: str  # jsonl | parquet (see claims.batch.story.encode)

    def write(self, payloads: list[Any]) -> None: ...

    def close(self) -> None: ...


def is_parquet(path: str) -> bool:
    return path.lower().rstrip("/\\").endswith((".parquet", ".pq"))


def open_sink(
    path: str, *, resume: bool, keep: tuple[str, ...] = (), part_size: int = 10_000
) -> tuple[Sink, set[str]]:
    """A writer for ``path`` and the story ids it already holds (empty unless ``resume``)."""
    if path == "-":
        if resume:
            raise ConfigError("--resume needs an --out file, not stdout")
        return JsonlSink("-", sys.stdout), set()
    if os.path.exists(path) and not resume:
        raise ConfigError(
            f"{path} exists: add --resume to continue that run, or choose another --out"
        )
    if is_parquet(path):
        from claims.batch.parquet_io import ParquetSink

        sink = ParquetSink(path, keep=keep, part_size=part_size)
        return sink, sink.done
    done = jsonl_done_ids(path) if resume and os.path.exists(path) else set()
    try:
        handle = open(path, "a", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return JsonlSink(path, handle), done


class JsonlSink:
    """One JSON object per story and line, flushed after every batch of records."""

    encoding = "jsonl"

    def __init__(self, path: str, handle: IO[str]) -> None:
        self.path = path
        self.handle = handle

    def write(self, lines: list[str]) -> None:
        self.handle.write("".join(lines))
        self.handle.flush()

    def close(self) -> None:
        if self.handle is sys.stdout:
            self.handle.flush()
            return
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
        finally:
            self.handle.close()


def jsonl_done_ids(path: str) -> set[str]:
    """Ids of the stories in a results file; a torn last line (a killed run) is cut off."""
    done: set[str] = set()
    good_end = 0
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.endswith(b"\n"):
                break  # torn: the run was killed mid-line
            try:
                record = json.loads(line)
                ident = record["id"]
            except (ValueError, KeyError, TypeError):
                if line.strip():
                    raise InputError(
                        f"{path}:{number}: not a claims results line; cannot resume into this file"
                    ) from None
            else:
                done.add(ident)
            good_end += len(line)
    if good_end < os.path.getsize(path):
        with open(path, "rb+") as fh:
            fh.truncate(good_end)
    return done


def read_results(path: str) -> Iterator[dict[str, Any]]:
    """Result records from a JSON Lines file or a Parquet file or folder, one at a time."""
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
    if is_parquet(path) or os.path.isdir(path):
        from claims.batch.parquet_io import read_parquet_results

        yield from read_parquet_results(path)
        return
    try:
        with open(path, "rb") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    if not line.endswith(b"\n"):
                        return  # a torn last line: the run was killed
                    raise InputError(
                        f"{path}:{number}: not JSON; is this a claims results file?"
                    ) from None
                if not isinstance(record, dict) or "findings" not in record:
                    raise InputError(f"{path}:{number}: not a claims results record (no findings)")
                yield record
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
