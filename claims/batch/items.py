"""One story of an archive (``Item``) and the column map that reads it from a row.

A row is a mapping (a JSON object, a CSV row, a Parquet row). ``Columns`` says which field
holds the story id, the story itself (text, HTML or Markdown), its date, URL and language,
and which other fields ride along into the results (section, author) for summaries. A row
that cannot be read becomes an ``Item`` with a ``problem``: it is reported in the results
and never stops the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from claims.errors import ConfigError


@dataclass(frozen=True)
class Columns:
    """Where each part of a story is found in a row (``optional`` ones are used when present)."""

    id: str = "id"
    body: str = "text"
    format: str = "text"  # text | markdown | html: how ``body`` is read
    date: str | None = "date"
    url: str | None = "url"
    language: str | None = "language"
    keep: tuple[str, ...] = ()  # pass-through columns: section, author, ...
    optional: frozenset[str] = frozenset({"date", "url", "language"})

    def check_names(self, names: Iterable[str], where: str) -> None:
        """Fail in one line when a required or kept column is absent (optional ones may be)."""
        present = set(names)
        if not present:
            return
        wanted = {
            "id": self.id,
            "body": self.body,
            "date": self.date,
            "url": self.url,
            "language": self.language,
        }
        for role, name in wanted.items():
            if name is None or role in self.optional or _present(name, present):
                continue
            flag = {"body": f"--{self.format}", "id": "--id"}.get(role, f"--{role}")
            raise ConfigError(
                f"{where}: no column {name!r} (columns: {_listing(present)}); "
                f"name the {'story' if role == 'body' else role} column with {flag}"
            )
        missing = [k for k in self.keep if not _present(k, present)]
        if missing:
            raise ConfigError(
                f"{where}: no column {missing[0]!r} to keep (columns: {_listing(present)})"
            )


@dataclass(frozen=True)
class Item:
    """One story to check, or a row that could not be read (``problem`` says why)."""

    id: str
    text: str | None  # the story as stored (text, Markdown or HTML)
    format: str = "text"
    date: str | None = None  # as given by the archive (ISO day or timestamp)
    url: str | None = None
    language: str | None = None
    meta: tuple[tuple[str, str | None], ...] = field(default=())
    source: str = ""  # where it was read: archive.jsonl:17
    problem: str | None = None
    fallback_date: str | None = None  # a day it cannot be later than (a web capture)

    def head(self) -> dict[str, Any]:
        """The fields every result record starts with (``version``: the findings' JSON shape)."""
        from claims.model import JSON_VERSION

        return {
            "version": JSON_VERSION,
            "id": self.id,
            "url": self.url,
            "date": self.date,
            "language": self.language,
            "meta": dict(self.meta),
            "format": self.format,
            "source": self.source,
        }


def item_from_row(row: Mapping[str, Any], columns: Columns, source: str) -> Item:
    """The ``Item`` a row holds under ``columns``; a missing id or story is an item problem."""
    raw_id = _value(row, columns.id)
    ident = _scalar(raw_id)
    meta = tuple((k, _scalar(_value(row, k))) for k in columns.keep)
    common: dict[str, Any] = dict(
        format=columns.format,
        date=_scalar(_value(row, columns.date)),
        url=_scalar(_value(row, columns.url)),
        language=_scalar(_value(row, columns.language)),
        meta=meta,
        source=source,
    )
    if ident is None or ident == "":
        return Item(source, None, problem=f"no story id in column {columns.id!r}", **common)
    body = _value(row, columns.body)
    if body is None:
        return Item(ident, None, problem=f"no story in column {columns.body!r}", **common)
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return Item(ident, None, problem=f"column {columns.body!r} is not UTF-8 text", **common)
    if not isinstance(body, str):
        return Item(
            ident,
            None,
            problem=f"column {columns.body!r} holds a {type(body).__name__}, not text",
            **common,
        )
    return Item(ident, body, **common)


def _value(row: Mapping[str, Any], name: str | None) -> Any:
    """``row[name]``; a dotted name reaches into nested JSON objects (``byline.name``)."""
    if name is None:
        return None
    if name in row:
        return row[name]
    node: Any = row
    for part in name.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _scalar(value: Any) -> str | None:
    """A field as text: dates in ISO form, numbers as written, lists joined; None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(s for s in (_scalar(v) for v in value) if s)
    if isinstance(value, Mapping):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _present(name: str, names: set[str]) -> bool:
    """A column is there, or the object a dotted name reaches into is."""
    return name in names or name.split(".", 1)[0] in names


def _listing(names: Iterable[str], limit: int = 12) -> str:
    names = sorted(names)
    more = f", ... {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more
