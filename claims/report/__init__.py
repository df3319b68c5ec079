"""Output formats for ``claims check``: one small module per format, all fed by ``Finding.to_dict()``.

Each module has ``render(results, *, color=False) -> str``: ``results`` is a list of
``DocumentResult`` whose findings already carry their source positions (lines, code-point and
UTF-8 byte columns, ends), so every renderer is a pure function of the results. Suppressed
findings are never printed as problems but are counted.
"""

from __future__ import annotations

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
