"""The per-story function every engine runs: one ``Item`` in, one result record out.

A record is built from ``DocumentResult.to_dict()`` without naming finding keys: the item's
own fields (id, url, date, language, meta, format, source) lead, the result's fields follow
(as_of, as_of_source, notes, findings, ...), each finding gains ``story_id``, and ``counts``
and ``problem`` close it. Anything that goes wrong with one story becomes its ``problem``;
the run goes on. Worker processes open the rate store once (read-only) and keep it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from claims.batch.items import Item
from claims.errors import ClaimsError

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import CheckOptions
    from claims.check.rate_window import RateSource
    from claims.rates import RateStore

#: Result fields a record always has, with their values for a story that was not checked.
UNCHECKED: dict[str, Any] = {
    "as_of": None,
    "as_of_source": None,
    "as_of_detail": None,
    "modified": None,
    "reading": None,
    "language_source": None,
    "notes": [],
    "findings": [],
}
MAX_STORY_CHARS = 16 * 1024 * 1024


@dataclass(frozen=True)
class Job:
    """What a worker needs besides the items: the rate store, the options, the output's form."""

    cache_dir: str | None
    options: CheckOptions  # picklable
    output: str = "record"  # record | jsonl | parquet: see ``encode``


class Done(NamedTuple):
    """One story's result as a worker hands it back: encoded for the sink, and its tallies."""

    payload: Any  # a JSON line, a Parquet row, or the record
    counts: dict[str, int]
    problem: bool


def encode(record: dict[str, Any], output: str) -> Any:
    """The record as the sink writes it, encoded by the worker (the main process only writes)."""
    if output == "jsonl":
        return json.dumps(record, ensure_ascii=False, default=str) + "\n"
    if output == "parquet":  # findings as a JSON string: see parquet_io
        return {
            **record,
            "findings": json.dumps(record["findings"], ensure_ascii=False, default=str),
        }
    return record


def empty_counts() -> dict[str, int]:
    """Findings per verdict, and suppressed, all zero (the keys ``DocumentResult.counts`` has)."""
    from claims.model import Verdict

    return {**{v.value: 0 for v in Verdict}, "suppressed": 0}


def unchecked(item: Item, problem: str) -> dict[str, Any]:
    """The record of a story that could not be checked."""
    return {**item.head(), **UNCHECKED, "counts": empty_counts(), "problem": problem}


def check_item(item: Item, store: RateSource, options: CheckOptions) -> dict[str, Any]:
    """Check one story; never raises for a bad story (the record's ``problem`` says why)."""
    from claims.check import check_document
    from claims.documents import load_document, parse_day

    if item.problem is not None or item.text is None:
        return unchecked(item, item.problem or "no story text")
    if len(item.text) > MAX_STORY_CHARS:
        return unchecked(
            item, f"larger than {MAX_STORY_CHARS // (1024 * 1024)} M characters; not a story"
        )
    try:
        doc = load_document(item.id, item.text.encode("utf-8", "surrogatepass"), item.format)
        from claims.document import language_tag

        if language_tag(item.language):  # the archive's language column outranks the page's
            doc = replace(doc, language=item.language.strip())  # type: ignore[union-attr]
        extra_notes = []
        if item.date:
            day = parse_day(item.date)
            if day is not None:  # the archive's date outranks the page's own
                from claims.dates import StoryDates

                doc = replace(doc, dates=StoryDates(day, "archive date"))
            else:
                extra_notes.append(
                    f"archive date {item.date[:40]!r} is not a date; the story's own date was used"
                )
        fallback = parse_day(item.fallback_date) if item.fallback_date else None
        if fallback is not None and doc.date is None:  # judged as of the capture, not today
            options = replace(options, today=fallback)
        result = check_document(doc, store, options)
        out = result.to_dict()
        if fallback is not None and out.get("as_of_source") == "today":
            out["as_of_source"] = "capture"
    except ClaimsError as exc:
        return unchecked(item, str(exc))
    except RecursionError:
        return unchecked(item, "internal error: too deeply nested to read")
    except Exception as exc:  # noqa: BLE001 - one bad story never stops an archive run
        return unchecked(item, f"internal error ({type(exc).__name__}: {exc}); please report it")
    out.pop("path", None)
    if out.get("language") is None:  # nothing told: the archive's column as given
        out["language"] = item.language
    ident = item.id
    out["findings"] = [{"story_id": ident, **f} for f in out.get("findings", ())]
    if extra_notes:
        out["notes"] = [*out.get("notes", ()), *extra_notes]
    return {**item.head(), **out, "counts": result.counts(), "problem": None}


# ------------------------------------------------------------------ inside a worker process

_STORES: dict[str | None, RateStore] = {}


def store_for(cache_dir: str | None) -> RateStore:
    """This process's rate store for ``cache_dir`` (opened read-only once, then reused)."""
    if cache_dir not in _STORES:
        from claims.rates import open_store

        _STORES[cache_dir] = open_store(Path(cache_dir) if cache_dir else None)
    return _STORES[cache_dir]


def check_chunk(items: list[Item], job: Job) -> list[Done]:
    """Check a list of items in this process (a pool worker, a Dask worker, or the main one)."""
    store = store_for(job.cache_dir)
    out = []
    for item in items:
        record = check_item(item, store, job.options)
        out.append(Done(encode(record, job.output), record["counts"], bool(record["problem"])))
    return out
