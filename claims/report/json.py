"""``--format json``: the machine shape, version ``JSON_VERSION`` (findings include suppressed ones, flagged).

``{"version", "files": [{"path", "config", "as_of", "as_of_source", "notes", "findings"}],
"problems": [{"path", "kind", "message"}], "warnings": [...], "summary": {...}}``. One
document for the whole run, written at the end; only the results are kept until then, and the
document is written a finding at a time (``finish_chunks``), never built whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claims.model import JSON_VERSION
from claims.report import Reporter as _Base
from claims.report import notes
from claims.report.jsonstream import chunks

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def file_dict(result: DocumentResult, config: str | None, *, lazy: bool = False) -> dict[str, Any]:
    """One file's entry: the result's own dict, with the config used and every note
    (``lazy``: its findings an iterator of dicts, for ``jsonstream``)."""
    data = result.to_dict(lazy=lazy)
    return {"path": data.pop("path"), "config": config, **data, "notes": notes(result)}


class Reporter(_Base):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.kept: list[tuple[DocumentResult, str | None]] = []

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        self.kept.append((result, config))
        return ""

    def finish(self) -> str:
        """``{"version": 2, "files": [...], "problems": [...], "summary": {...}}``."""
        return "".join(self.finish_chunks())

    def finish_chunks(self) -> Iterator[str]:
        """``finish()`` a piece at a time."""
        data = {
            "version": JSON_VERSION,
            "files": (file_dict(r, c, lazy=True) for r, c in self.kept),
            "problems": [p.to_dict() for p in self.problems],
            "warnings": list(self.warnings),
            "summary": dict(self.counts),
        }
        yield from chunks(data)
        yield "\n"
