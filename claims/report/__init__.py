"""Output formats for ``claims check``: one small module per format, all fed by ``Finding.to_dict()``.

Each format module has a ``Reporter``: a run is written as it goes, ``start()``, then
``document(result, config)`` for each ``DocumentResult`` as soon as it is ready, ``problem()``
for each input that could not be checked, ``warning()`` for each ignored config file, and
``finish()``; every method returns the text to write next, so a reporter never does I/O and
the streaming formats (text, line, github, rdjsonl, jsonl) hold nothing but counts, while json
and sarif keep only the results (never the sources). ``render(name, results)`` is the same in
one call. Findings already carry their source positions (lines, code-point and UTF-8 byte
columns, ends); suppressed findings are never printed as problems but are counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

#: format name -> module; each module has a ``Reporter``.
FORMATS: Mapping[str, str] = {
    "text": "claims.report.text",
    "json": "claims.report.json",
    "jsonl": "claims.report.jsonl",
    "line": "claims.report.line",
    "sarif": "claims.report.sarif",
    "rdjsonl": "claims.report.rdjsonl",
    "github": "claims.report.github",
    "html": "claims.report.html",
}
#: What each format is for (``--help`` and the README's table).
PURPOSE: Mapping[str, str] = {
    "text": "people (default)",
    "json": "scripts, one document",
    "jsonl": "scripts, streamed",
    "line": "grep and editors",
    "sarif": "code-scanning UIs",
    "rdjsonl": "reviewdog",
    "github": "GitHub Actions annotations",
    "html": "people: one page, figures highlighted",
}
#: Formats that are data for programs: always UTF-8, whatever the console's encoding.
MACHINE = frozenset({"json", "jsonl", "line", "sarif", "rdjsonl", "github"})

#: Verdicts that are reported as problems (ok is only shown by the text format).
PROBLEMS = ("error", "warning", "unverifiable")

#: The project's pages: SARIF ``informationUri`` and each rule's ``helpUri`` (``#cur001``).
PROJECT_URL = "https://github.com/OWNER/claims"
RULES_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"

#: Diagnoses whose expected figure is no safe one-click replacement.
_NO_FIX = frozenset(
    {
        "stale-data",
        "ambiguous-currency",
        "wrong-currency",
        "other-period-rate",
        "fits-modified-date",
        "disagrees-with-stated-rate",
        "inconsistent-rates",
    }
)


@dataclass(frozen=True)
class Problem:
    """An input that could not be checked: ``message`` is the whole one line (path included);
    ``kind`` is ``input`` (unreadable, refused), ``budget`` (too large or too slow), ``config``
    or ``internal`` (a bug in claims)."""

    path: str
    message: str
    kind: str = "input"

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind, "message": self.message}


class Reporter:
    """The streaming interface every format implements; this base keeps the run's counts.

    A format that shows the stories themselves (HTML) sets ``wants_story``; the caller then
    hands it each ``Document`` through ``story`` before its result."""

    wants_story = False

    def __init__(
        self, *, color: bool = False, quiet: bool = False, base: str | None = None, **_: Any
    ) -> None:
        self.color, self.quiet, self.base = color, quiet, base
        self.counts = {"ok": 0, "warning": 0, "error": 0, "unverifiable": 0, "suppressed": 0}
        self.files = 0
        self.dates: set[str] = set()
        self.configs: dict[str, None] = {}
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.languages: dict[str, int] = {}  # language tag ("unknown") -> files

    def start(self) -> str:
        return ""

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        self.files += 1
        for key, n in result.counts().items():
            self.counts[key] = self.counts.get(key, 0) + n
        self.dates.add(f"{result.as_of.isoformat()} ({result.as_of_source})")
        if getattr(result, "language_source", None):  # None: a result built by hand
            language = result.language or "unknown"
            self.languages[language] = self.languages.get(language, 0) + 1
        if config:
            self.configs.setdefault(config)
        return ""

    def story(self, document: Any) -> None:
        """The ``Document`` of the result that comes next (only when ``wants_story``)."""

    def problem(self, problem: Problem) -> str:
        self.problems.append(problem)
        return ""

    def warning(self, message: str) -> str:
        self.warnings.append(message)
        return ""

    def finish(self) -> str:
        return ""

    def finish_chunks(self) -> Iterator[str]:
        """``finish()`` a piece at a time: a format that writes one document for the whole
        run (json) yields it a finding at a time, so it is never held whole."""
        yield self.finish()


def reporter(name: str, **options: Any) -> Reporter:
    """A new ``Reporter`` for format ``name`` (its module imported on first use)."""
    if name not in FORMATS:
        raise KeyError(name)
    return import_module(FORMATS[name]).Reporter(**options)


def render(
    name: str, results: Iterable[DocumentResult], problems: Iterable[Problem] = (), **options: Any
) -> str:
    """A whole run in format ``name`` as one string."""
    out = reporter(name, **options)
    parts = [out.start()]
    parts += [out.document(r) for r in results]
    parts += [out.problem(p) for p in problems]
    parts.extend(out.finish_chunks())
    return "".join(parts)


def summary(results: Iterable[DocumentResult]) -> dict[str, int]:
    """Counts over every document: ok, warning, error, unverifiable, suppressed."""
    total = {"ok": 0, "warning": 0, "error": 0, "unverifiable": 0, "suppressed": 0}
    for result in results:
        for key, n in result.counts().items():
            total[key] = total.get(key, 0) + n
    return total


def listed(result: DocumentResult) -> list[dict[str, Any]]:
    """The unsuppressed error/warning/unverifiable findings of one document, as dicts."""
    return [
        d
        for d in (f.to_dict() for f in result.findings)
        if not d["suppressed"] and d["verdict"] in PROBLEMS
    ]


def notes(result: DocumentResult) -> list[str]:
    """A document's notes for every format: the checker's (stale rate data, ...) and, when a
    conversion was judged as of today for want of a date, a note saying so."""
    out = list(result.notes)
    money = any(f.check == "currency-conversion" for f in result.findings)
    if result.as_of_source == "today" and money and not any("today" in n for n in out):
        out.append(
            f"no date found in the story, so its conversions were judged as of today, "
            f"{result.as_of.isoformat()}; give --date or date the story"
        )
    return out


def fix(d: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    """(the converted figure's position, the text to put there) when a finding's expected
    figure is a safe one-click replacement: an error or warning, the expected text known, the
    figure's source text exactly its own characters, and a diagnosis that points at the figure."""
    expected, converted = d.get("expected"), d.get("converted")
    if d["verdict"] not in ("error", "warning") or d["suppressed"] or not expected:
        return None
    text = expected.get("text")
    if not text or not converted or d.get("diagnosis") in _NO_FIX:
        return None
    if not converted.get("line") or converted["end"] - converted["start"] != len(converted["text"]):
        return None  # markup or entities inside the figure: no blind edit
    if text == converted["text"]:
        return None
    return converted, text
