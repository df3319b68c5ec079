"""``--format github``: GitHub Actions workflow commands (``::error file=F,line=L,col=C::msg``).

Errors are ``::error``, warnings ``::warning``, unverifiable figures ``::notice``. Escaping
follows the runner: in the message ``%`` ``\\r`` ``\\n``; in property values also ``:`` and ``,``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.report import problems

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_COMMAND = {"error": "error", "warning": "warning", "unverifiable": "notice"}


def escape_data(s: str) -> str:
    """Escape a workflow command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    out = []
    for result in results:
        for d in problems(result):
            end_line, end_col = d["end_line"], d["end_column"]
            props = [f"file={escape_property(result.path)}", f"line={d['line']}",
                     f"col={d['column']}", f"endLine={end_line}"]
            if end_line == d["line"]:
                props.append(f"endColumn={end_col}")
            props.append(f"title={escape_property(d['code'] + ' ' + d['verdict'])}")
            out.append(f"::{_COMMAND[d['verdict']]} {','.join(props)}::{escape_data(d['message'])}")
    return "".join(line + "\n" for line in out)
