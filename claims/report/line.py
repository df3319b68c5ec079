"""``--format line``: ``path:line:col:code:verdict:message``, one problem a line (grep, editors)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.report import problems

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    """One line per unsuppressed error, warning or unverifiable finding; columns in code points."""
    out = []
    for result in results:
        for d in problems(result):
            message = " ".join(d["message"].split())
            out.append(f"{result.path}:{d['line']}:{d['column']}:{d['code']}:{d['verdict']}:{message}")
    return "".join(line + "\n" for line in out)
