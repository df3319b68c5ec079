"""``--format json``: the machine shape, version ``JSON_VERSION`` (findings include suppressed ones, flagged).

``{"version", "files": [{"path", "config", "as_of", "as_of_source", "notes", "findings"}],
"problems": [{"path", "kind", "message"}], "warnings": [...], "summary": {...}}``. One
document for the whole run, written at the end; only the results are kept until then.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.model import JSON_VERSION
from claims.report import Reporter as _Base
from claims.report import notes

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def file_dict(result: DocumentResult, config: str | None) -> dict[str, Any]:
    """One file's entry: the result's own dict, with the config used and every note."""
    data = result.to_dict()
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
        data = {"version": JSON_VERSION,
                "files": [file_dict(r, c) for r, c in self.kept],
                "problems": [p.to_dict() for p in self.problems],
                "warnings": list(self.warnings),
                "summary": dict(self.counts)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


