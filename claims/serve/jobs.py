"""What a worker process does for each request: read the story, check it, answer built-ins.

Runs in the worker processes of ``claims.serve.pool``; every job takes the validated request
as plain data (plus ``today``, read from the clock by the server at the edge) and returns
built-in types, so answers cross the pipe cheaply. The rate store is opened read-only once per
worker and reopened when ``claims rates update`` (or an import) has swapped in a new file.
Settings merge like the command line's: the server's ``--config`` file, then the request's
``config`` table (the keys of ``.claims.toml``), then its ``options``; ``ignore`` lists add up.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.config import Config, parse_config
from claims.errors import (
    ClaimsError,
    ConfigError,
    InputError,
    NoRate,
    RateError,
    StaleData,
    UnknownCurrency,
)

#: A story touching every check family, run once when a worker starts.
WARM_UP = (
    "SEOUL, June 30, 2025 - It will cost 100 trillion won ($72.29 billion). The road is "
    "100 km (62 miles) long. Sales rose from $1.20 million to $1.50 million, a 25% increase."
)

#: How a ClaimsError is named to the server (first match wins): it picks the HTTP answer.
ERROR_KINDS = (StaleData, NoRate, UnknownCurrency, InputError, ConfigError, RateError)

if TYPE_CHECKING:  # pragma: no cover
    from claims.rates import RateStore


@dataclass
class WorkerState:
    """The worker's rate store (reopened when its file changes) and the server's settings."""

    cache_dir: str | None
    base_config: Config
    store: RateStore
    stamp: tuple | None

    @classmethod
    def open(cls, cache_dir: str | None, base_config: Config, *, warm: bool = True) -> WorkerState:
        """Open the store and (``warm``) run one small check, so no request pays the imports."""
        from claims.rates import open_store

        store = open_store(cache_dir)
        state = cls(cache_dir, base_config, store, file_stamp(store.location.db_path))
        if warm:
            job_check(state, {"format": "markdown", "story": WARM_UP, "today": "2025-07-01"})
        return state

    def current_store(self) -> RateStore:
        """The store, reopened if the file was replaced since it was opened."""
        stamp = file_stamp(self.store.location.db_path)
        if stamp != self.stamp:
            from claims.rates import open_store

            self.store.close()
            self.store = open_store(self.cache_dir)
            self.stamp = file_stamp(self.store.location.db_path)
        return self.store


def file_stamp(path: Path) -> tuple | None:
    """(inode, mtime, size) of a file, or None: changes when the store is replaced."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def run(state: WorkerState, name: str, payload: dict[str, Any]) -> tuple:
    """Run job ``name``: ``("ok", value)``, ``("client", kind, message)`` or ``("internal", msg)``."""
    try:
        return ("ok", JOBS[name](state, payload))
    except ClaimsError as exc:
        kind = next((k.__name__ for k in ERROR_KINDS if isinstance(exc, k)), "ClaimsError")
        return ("client", kind, str(exc))
    except Exception as exc:  # noqa: BLE001 - one line to the server log, never to the client
        return ("internal", f"{type(exc).__name__}: {exc}")


# ------------------------------------------------------------------------------ reading


def document(payload: dict[str, Any], scope: str = "article"):
    """The request's story as a Document (format from the field it came in)."""
    from claims.documents import load_document

    fmt, text = payload["format"], payload["story"]
    # A NUL inside a JSON string is a character, not the sign of a binary file it is in a
    # file: read it as U+FFFD (one character for one, so positions hold).
    text = text.replace("\x00", "\ufffd")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{fmt}: not valid Unicode (a lone surrogate at character "
            f"{exc.start + 1}); send UTF-8 text"
        ) from None
    return load_document(payload.get("name") or "story", data, fmt, scope=scope)


def settings(state: WorkerState, payload: dict[str, Any]) -> Config:
    """Server config, then the request's ``config`` table, then its ``options``."""
    merged = state.base_config
    for label in ("config", "options"):
        table = payload.get(label)
        if table:
            layer = parse_config(dict(table), Path(label))
            merged = _overlay(merged, layer)
    return merged


def _overlay(under: Config, over: Config) -> Config:
    changes: dict[str, Any] = {}
    for f in fields(Config):
        value = getattr(over, f.name)
        if f.name == "ignore":
            changes["ignore"] = tuple(dict.fromkeys(under.ignore + over.ignore))
        elif f.name != "path" and value is not None:
            changes[f.name] = value
    return replace(under, **changes)


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{what}: not a date in YYYY-MM-DD form: {text[:40]!r}") from None


# ------------------------------------------------------------------------------ jobs


def _checked(state: WorkerState, payload: dict[str, Any]):
    from claims.check import check_document

    cfg = settings(state, payload)
    doc = document(payload, cfg.scope or "article")
    today = _day(payload["today"], "today")
    if today is None:
        raise ConfigError("today: missing (the server's date)")
    options = cfg.check_options(today=today, as_of=_day(payload.get("date"), "date"))
    return doc, cfg, options, check_document(doc, state.current_store(), options)


def job_check(state: WorkerState, payload: dict[str, Any]) -> dict[str, Any]:
    """``claims check --format json`` for one story, plus whether it fails ``fail_on``."""
    from claims.report import render

    _doc, cfg, _options, result = _checked(state, payload)
    data = json.loads(render("json", [result]))
    fail_on = cfg.fail_on or "error"
    data["outcome"] = {
        "fail_on": fail_on,
        "failed": any(not f.suppressed and f.verdict.reaches(fail_on) for f in result.findings),
    }
    return data


def job_report(state: WorkerState, payload: dict[str, Any]) -> str:
    """The HTML report of one story (``claims check --format html``)."""
    from claims.report import render
    from claims.report.html_series import window_series

    doc, _cfg, options, result = _checked(state, payload)
    series = window_series([result], state.current_store(), options.window_days)
    return render("html", [result], documents={doc.path: doc}, series=series)


def job_extract(state: WorkerState, payload: dict[str, Any]) -> dict[str, Any]:
    """``claims extract --format json`` for one story."""
    from claims.extract import extract
    from claims.report.extraction import file_dict

    cfg = settings(state, payload)
    doc = document(payload, cfg.scope or "article")
    return {
        "files": [
            file_dict(
                doc,
                extract(
                    doc.text,
                    dollar=cfg.dollar or "USD",
                    soft_breaks=doc.soft_breaks,
                    language=cfg.language,
                    document_language=doc.language,
                    number_format=cfg.number_format,
                ),
            )
        ]
    }


def job_rate(state: WorkerState, payload: dict[str, Any]) -> dict[str, Any]:
    """The rate the checks would use for a pair on a day, with its source."""
    on = _day(payload["date"], "date")
    return state.current_store().rate(payload["base"], payload["quote"], on).to_dict()


def job_health(state: WorkerState, payload: dict[str, Any]) -> dict[str, Any]:
    """The store's data range and sources, for ``/healthz``."""
    info = state.current_store().info()
    sources = [
        {k: s[k] for k in ("source", "kind", "first_date", "last_date")} for s in info["sources"]
    ]
    firsts = [s["first_date"] for s in sources if s["kind"] == "reference" and s["first_date"]]
    return {
        "integrity": info["integrity"],
        "first_date": min(firsts, default=None),
        "last_date": info["last_date"],
        "currencies": len(info["currencies"]),
        "sources": sources,
    }


JOBS: dict[str, Callable[[WorkerState, dict[str, Any]], Any]] = {
    "check": job_check,
    "report": job_report,
    "extract": job_extract,
    "rate": job_rate,
    "health": job_health,
}

__all__ = ["JOBS", "WorkerState", "run", "document", "settings"]
