"""``--format github``: GitHub Actions workflow commands (``::error file=F,line=L,col=C::msg``).

Errors are ``::error``, warnings ``::warning``, unverifiable figures ``::notice``; each file's
errors come first, and files are written as they are checked. GitHub shows at most 10
annotations of each level per step, so when a run has more, a last ``::notice`` says how many
were not shown and where the full list is: ``summary_markdown()`` is the table the CLI appends
to ``$GITHUB_STEP_SUMMARY``. Notes (judged as of today, stale rate data) are one ``::notice``
each at the end, naming the files. Escaping follows the runner: in the message ``%`` ``\\r``
``\\n``; in property values also ``:`` and ``,``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.report import Reporter as _Base
from claims.report import listed, notes

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_COMMAND = {"error": "error", "warning": "warning", "unverifiable": "notice"}
_ORDER = {"error": 0, "warning": 1, "unverifiable": 2}
#: GitHub's per-step limit of annotations per level.
LIMIT = 10


def escape_data(s: str) -> str:
    """Escape a workflow command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _cell(s: Any) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


class Reporter(_Base):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.per_level = {"error": 0, "warning": 0, "notice": 0}
        self.rows: list[tuple[str, int, int, str, str, str]] = []
        self.noted: dict[str, list[str]] = {}

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        for note in notes(result):
            self.noted.setdefault(note, []).append(result.path)
        out = []
        for d in sorted(listed(result), key=lambda d: _ORDER[d["verdict"]]):
            command = _COMMAND[d["verdict"]]
            self.per_level[command] += 1
            self.rows.append(
                (result.path, d["line"], d["column"], d["verdict"], d["code"], d["message"])
            )
            props = [
                f"file={escape_property(result.path)}",
                f"line={d['line']}",
                f"col={d['column']}",
                f"endLine={d['end_line']}",
            ]
            if d["end_line"] == d["line"]:
                props.append(f"endColumn={d['end_column']}")
            props.append(f"title={escape_property(d['code'] + ' ' + d['verdict'])}")
            out.append(f"::{command} {','.join(props)}::{escape_data(d['message'])}")
        return "".join(line + "\n" for line in out)

    def finish(self) -> str:
        out = []
        for note, paths in self.noted.items():
            shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
            out.append(f"::notice title=claims note::{escape_data(f'{shown}: {note}')}")
        over = {level: n - LIMIT for level, n in self.per_level.items() if n > LIMIT}
        if over:
            hidden = ", ".join(f"{n} {level}s" for level, n in over.items())
            out.append(
                f"::notice title={escape_property('claims: more findings than GitHub shows')}"
                f"::GitHub shows "
                f"{LIMIT} annotations of each level per step; {hidden} are not shown as "
                "annotations. The job summary (or --format text) lists every finding."
            )
        for problem in self.problems:
            out.append(
                f"::error file={escape_property(problem.path)},"
                f"title={escape_property('claims: not checked')}::"
                f"{escape_data(problem.message)}"
            )
        return "".join(line + "\n" for line in out)

    def summary_markdown(self) -> str:
        """Every listed finding as a Markdown table for ``$GITHUB_STEP_SUMMARY``."""
        c = self.counts
        lines = [
            "## claims",
            "",
            f"{c['error']} errors, {c['warning']} warnings, {c['ok']} ok, "
            f"{c['unverifiable']} unverifiable, {c['suppressed']} suppressed in "
            f"{self.files} files",
            "",
        ]
        if self.rows:
            lines += [
                "| file | line | col | verdict | code | message |",
                "|---|---:|---:|---|---|---|",
            ]
            lines += [
                f"| {_cell(p)} | {ln} | {col} | {v} | {code} | {_cell(m)} |"
                for p, ln, col, v, code, m in self.rows
            ]
            lines.append("")
        for problem in self.problems:
            lines.append(f"- not checked: {_cell(problem.message)}")
        for note, paths in self.noted.items():
            lines.append(f"- note ({len(paths)} files): {_cell(note)}")
        return "\n".join(lines) + "\n"
