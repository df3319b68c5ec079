"""``--format rdjsonl``: reviewdog diagnostics, one JSON object a line, per file as checked.

reviewdog counts columns in UTF-8 bytes (1-based): in ``원화 100 trillion won`` the ``1`` is at
byte column 8, code point column 4; findings carry both. A finding whose expected figure is a
safe replacement carries it as a ``suggestions`` entry over the converted figure, which
reviewdog turns into a one-click change; a file's notes are ``INFO`` diagnostics on line 1.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from claims.report import Reporter as _Base
from claims.report import fix, listed, notes

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "unverifiable": "INFO"}


def _range(place: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "start": {"line": place["line"], "column": place["byte_column"]},
        "end": {"line": place["end_line"], "column": place["end_byte_column"]},
    }


def diagnostic(path: str, d: Mapping[str, Any]) -> dict[str, Any]:
    """One finding as a reviewdog Diagnostic."""
    out: dict[str, Any] = {
        "message": d["message"],
        "location": {"path": path, "range": _range(d)},
        "severity": _SEVERITY[d["verdict"]],
        "source": {"name": "claims"},
        "code": {"value": d["code"]},
        "original_output": f"{d['name']}: {d['text']}",
    }
    suggested = fix(d)
    if suggested is not None:
        place, text = suggested
        out["suggestions"] = [{"range": _range(place), "text": text}]
    return out


class Reporter(_Base):
    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        rows = [
            {
                "message": note,
                "location": {"path": result.path, "range": {"start": {"line": 1, "column": 1}}},
                "severity": "INFO",
                "source": {"name": "claims"},
                "code": {"value": "note"},
            }
            for note in notes(result)
        ]
        rows += [diagnostic(result.path, d) for d in listed(result)]
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
