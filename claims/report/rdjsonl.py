"""``--format rdjsonl``: reviewdog diagnostics, one JSON object a line.

reviewdog counts columns in UTF-8 bytes (1-based), so columns are computed from the source
line: in ``원화 100 trillion won`` the ``1`` is at byte column 8, code point column 4.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping

from claims.codes import describe
from claims.report import SourceLines, end_position, lines_for, problems

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "unverifiable": "INFO"}


def render(results: list["DocumentResult"], *, color: bool = False,
           sources: Mapping[str, str] | None = None, **_: Any) -> str:
    out = []
    for result in results:
        lines = lines_for(sources, result.path)
        for d in problems(result):
            end_line, end_col = end_position(d, lines)
            start = {"line": d["line"], "column": _bytes(lines, d["line"], d["column"])}
            end = {"line": end_line, "column": _bytes(lines, end_line, end_col)}
            diagnostic = {
                "message": d["message"],
                "location": {"path": result.path, "range": {"start": start, "end": end}},
                "severity": _SEVERITY[d["verdict"]],
                "source": {"name": "claims"},
                "code": {"value": d["code"]},
                "original_output": f"{describe(d['code']).name}: {d['text']}",
            }
            out.append(json.dumps(diagnostic, ensure_ascii=False))
    return "".join(line + "\n" for line in out)


def _bytes(lines: SourceLines | None, line: int, column: int) -> int:
    # Without the source the code-point column is the best available (exact for ASCII lines).
    return lines.byte_column(line, column) if lines is not None else column
