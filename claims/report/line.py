"""``--format line``: ``path:line:col:code:verdict:message``, one problem a line (grep, editors).

A file's notes (judged as of today, stale rate data) come first as ``path:1:1:NOTE:note:...``.
Written per file as it is checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.report import Reporter as _Base
from claims.report import listed, notes

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def _flat(text: str) -> str:
    return " ".join(text.split())


class Reporter(_Base):
    """One line per unsuppressed error, warning or unverifiable finding; columns in code points."""

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        out = [f"{result.path}:1:1:NOTE:note:{_flat(n)}" for n in notes(result)]
        out += [
            f"{result.path}:{d['line']}:{d['column']}:{d['code']}:{d['verdict']}:"
            f"{_flat(d['message'])}"
            for d in listed(result)
        ]
        return "".join(line + "\n" for line in out)
