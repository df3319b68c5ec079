"""``--format jsonl``: JSON Lines, one object a line as the run goes (for long runs and pipes).

``{"type": "file", ...}`` per checked file (the json format's file entry), ``{"type":
"problem", "path", "kind", "message"}`` per input not checked, ``{"type": "warning",
"message"}`` per ignored config, and last ``{"type": "summary", "version", "files",
"summary"}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.model import JSON_VERSION
from claims.report import Problem
from claims.report import Reporter as _Base
from claims.report.json import file_dict

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


class Reporter(_Base):
    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        return _line({"type": "file", **file_dict(result, config)})

    def problem(self, problem: Problem) -> str:
        super().problem(problem)
        return _line({"type": "problem", **problem.to_dict()})

    def warning(self, message: str) -> str:
        super().warning(message)
        return _line({"type": "warning", "message": message})

    def finish(self) -> str:
        return _line(
            {
                "type": "summary",
                "version": JSON_VERSION,
                "files": self.files,
                "problems": len(self.problems),
                "summary": dict(self.counts),
            }
        )
