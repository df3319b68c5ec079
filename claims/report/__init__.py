"""Output formats for ``claims check``: one small module per format, all fed by ``Finding.to_dict()``.

Each module has ``render(results, *, color=False, sources=None) -> str``: ``results`` is a list
of ``DocumentResult``; ``sources`` maps a result's path to its source text, for end positions
and byte columns. Suppressed findings are never printed as problems but are counted.
"""

from __future__ import annotations

from bisect import bisect_right
from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

#: format name -> module; each module has ``render``.
FORMATS: Mapping[str, str] = {
    "text": "claims.report.text",
    "json": "claims.report.json",
    "line": "claims.report.line",
    "sarif": "claims.report.sarif",
    "rdjsonl": "claims.report.rdjsonl",
    "github": "claims.report.github",
}

#: What a column counts in each format (all 1-based).
COLUMN_UNITS: Mapping[str, str] = {
    "text": "code points", "json": "code points", "line": "code points",
    "sarif": "code points (columnKind unicodeCodePoints)", "rdjsonl": "UTF-8 bytes",
    "github": "code points",
}

#: Verdicts that are reported as problems (ok is only shown by the text format).
PROBLEMS = ("error", "warning", "unverifiable")


def renderer(name: str) -> Callable[..., str]:
    """The ``render`` function of format ``name`` (imported on first use)."""
    if name not in FORMATS:
        raise KeyError(name)
    return import_module(FORMATS[name]).render


def render(name: str, results: list["DocumentResult"], **kwargs: Any) -> str:
    """Render ``results`` in format ``name``."""
    return renderer(name)(results, **kwargs)


def summary(results: Iterable["DocumentResult"]) -> dict[str, int]:
    """Counts over every document: ok, warning, error, unverifiable, suppressed."""
    total = {"ok": 0, "warning": 0, "error": 0, "unverifiable": 0, "suppressed": 0}
    for result in results:
        for key, n in result.counts().items():
            total[key] = total.get(key, 0) + n
    return total


def problems(result: "DocumentResult") -> list[dict[str, Any]]:
    """The unsuppressed error/warning/unverifiable findings of one document, as dicts."""
    return [d for d in (f.to_dict() for f in result.findings)
            if not d["suppressed"] and d["verdict"] in PROBLEMS]


class SourceLines:
    """Line/column arithmetic over one source text (code points and UTF-8 bytes)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0]
        at = source.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = source.find("\n", at + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of a source offset."""
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def byte_column(self, line: int, column: int) -> int:
        """The 1-based UTF-8 byte column of 1-based code-point ``column`` on ``line``."""
        start = self.starts[line - 1]
        return len(self.source[start:start + column - 1].encode("utf-8")) + 1


def end_position(finding: Mapping[str, Any], lines: SourceLines | None) -> tuple[int, int]:
    """Line and column just after a finding (exclusive end), from the source when known."""
    if lines is not None and finding["end"] >= finding["start"]:
        return lines.position(finding["end"])
    text = finding.get("text") or ""
    if "\n" in text:
        return finding["line"] + text.count("\n"), len(text) - text.rfind("\n")
    return finding["line"], finding["column"] + len(text)


def lines_for(sources: Mapping[str, str] | None, path: str) -> SourceLines | None:
    """``SourceLines`` for ``path`` when its source was passed in."""
    if sources and path in sources:
        return SourceLines(sources[path])
    return None
