"""Inline suppressions: let an editor silence one deliberate figure, or a stretch of a story.

Directives, written in the story itself:

- ``<!-- claims-disable-next-line -->``: the next non-blank line;
- ``<!-- claims-disable-line -->``: the line the comment is on;
- ``<!-- claims-disable -->`` ... ``<!-- claims-enable -->``: everything in between (to the end
  of the file when no ``claims-enable`` follows);
- ``claims: ignore`` anywhere on a line (the plain-text form, accepted in every format).

Each may name codes, separated by spaces or commas: ``<!-- claims-disable CUR002 -->``,
``claims: ignore CUR002, CUR005``. A code prefix covers a family (``CUR`` covers ``CUR002``);
no codes means every code. A finding is covered when its start in the source file lies in a
suppressed stretch; suppressed findings are kept, marked ``suppressed=True`` and counted apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claims.model import Finding
from claims.pattern_cache import compile as compile_pattern

if TYPE_CHECKING:  # pragma: no cover
    from claims.document import Document

_COMMENT = compile_pattern(
    r"""
    <!--[ \t]*
    claims-(?P<kind>disable-next-line|disable-line|disable|enable)   # longest first
    (?P<codes>[^>\n]{0,200}?)                                        # optional codes
    [ \t]*-->
""",
    re.VERBOSE,
)

_IGNORE = compile_pattern(
    r"""
    \bclaims:[ \t]*ignore\b
    (?P<codes>(?:[ \t,]+[A-Z]{2,5}[0-9]{0,4}\b)*)                   # optional codes
""",
    re.VERBOSE,
)

_CODE = compile_pattern(r"[A-Za-z]{2,5}[0-9]{0,4}")


@dataclass(frozen=True)
class Rule:
    """A suppressed stretch of the source: ``start``..``end`` offsets, for ``codes`` (empty: all)."""

    start: int
    end: int
    codes: frozenset[str] = frozenset()

    def covers(self, offset: int, code: str) -> bool:
        if not self.start <= offset < self.end:
            return False
        return not self.codes or any(code == c or code.startswith(c) for c in self.codes)


@dataclass(frozen=True)
class Suppressions:
    """The directives of one document, as source-offset rules."""

    rules: tuple[Rule, ...] = ()

    def covers(self, offset: int, code: str) -> bool:
        """True when a finding with ``code`` starting at source ``offset`` is suppressed."""
        return any(rule.covers(offset, code) for rule in self.rules)

    def __bool__(self) -> bool:
        return bool(self.rules)


def _codes(text: str) -> frozenset[str]:
    return frozenset(c.upper() for c in _CODE.findall(text))


def _line_bounds(source: str, starts: Sequence[int], line: int) -> tuple[int, int]:
    """Start and end offsets (end excludes the newline) of 0-based ``line``."""
    start = starts[line]
    end = starts[line + 1] - 1 if line + 1 < len(starts) else len(source)
    return start, end


def parse(source: str, skip: Iterable[tuple[int, int]] = ()) -> Suppressions:
    """Read the directives in ``source``, ignoring any inside the ``skip`` ranges (code)."""
    if "claims" not in source:
        return Suppressions()
    skipped = sorted(skip)
    skip_starts = [s for s, _ in skipped]

    def in_skip(pos: int) -> bool:
        i = bisect_right(skip_starts, pos) - 1
        return i >= 0 and skipped[i][0] <= pos < skipped[i][1]

    comments = [m for m in _COMMENT.finditer(source) if not in_skip(m.start())]
    ignores = [m for m in _IGNORE.finditer(source) if not in_skip(m.start())]
    if not comments and not ignores:
        return Suppressions()  # "claims" in the text, but no directive: no line table needed
    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", source)]  # CR-only files too

    def line_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    rules: list[Rule] = []
    open_: list[tuple[int, frozenset[str]]] = []
    for m in comments:
        kind, codes = m.group("kind"), _codes(m.group("codes"))
        line = line_of(m.start())
        if kind == "disable-line":
            rules.append(Rule(*_line_bounds(source, starts, line), codes))
        elif kind == "disable-next-line":
            nxt = line_of(m.end()) + 1
            while (
                nxt < len(starts) and not source[slice(*_line_bounds(source, starts, nxt))].strip()
            ):
                nxt += 1
            if nxt < len(starts):
                rules.append(Rule(*_line_bounds(source, starts, nxt), codes))
        elif kind == "disable":
            open_.append((m.end(), codes))
        else:  # a bare enable closes every open stretch; one with codes, those naming them
            still = []
            for begin, open_codes in open_:
                if not codes or open_codes & codes:
                    rules.append(Rule(begin, m.start(), open_codes))
                else:
                    still.append((begin, open_codes))
            open_ = still
    rules.extend(Rule(begin, len(source), codes) for begin, codes in open_)
    for m in ignores:
        rules.append(
            Rule(*_line_bounds(source, starts, line_of(m.start())), _codes(m.group("codes")))
        )
    return Suppressions(tuple(rules))


def apply(doc: Document, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings, with ``suppressed=True`` on those the document's directives cover."""
    sup = doc.suppressions
    out = []
    for f in findings:
        if sup and not f.suppressed:
            offset = f.location.start if f.location else doc.to_source(f.span.start)
            if sup.covers(offset, f.code):
                f = replace(f, suppressed=True)
        out.append(f)
    return tuple(out)
