"""``--format rdjsonl``: reviewdog diagnostics, one JSON object a line.

reviewdog counts columns in UTF-8 bytes (1-based): in ``원화 100 trillion won`` the ``1`` is at
byte column 8, code point column 4; findings carry both.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.report import problems

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "unverifiable": "INFO"}


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    out = []
    for result in results:
        for d in problems(result):
            start = {"line": d["line"], "column": d["byte_column"]}
            end = {"line": d["end_line"], "column": d["end_byte_column"]}
            diagnostic = {
                "message": d["message"],
                "location": {"path": result.path, "range": {"start": start, "end": end}},
                "severity": _SEVERITY[d["verdict"]],
                "source": {"name": "claims"},
                "code": {"value": d["code"]},
                "original_output": f"{d['name']}: {d['text']}",
            }
            out.append(json.dumps(diagnostic, ensure_ascii=False))
    return "".join(line + "\n" for line in out)

