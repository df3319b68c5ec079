"""A story as read: the file (``source``), the text extraction reads (``text``) and the map
from every text offset back to the source, so each finding points at the line and column the
editor has open. Lines end at LF, CRLF or a lone CR (old Mac files). ``claims.documents``
builds Documents from files; ``claims.html_text`` from HTML pages.
"""

from __future__ import annotations

import datetime as _dt
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from claims.dates import NO_DATES, StoryDates
from claims.model import Finding, Location, Span, evolve
from claims.pattern_cache import compile as compile_pattern
from claims.suppressions import Suppressions

__all__ = ["Document", "LINE_END", "language_tag", "lf_view"]

LINE_END = compile_pattern(r"\r\n?|\n")
_LONE_CR = compile_pattern(r"\r(?!\n)")
_LANGUAGE_TAG = compile_pattern(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(raw: str | None) -> str | None:
    """A language tag as a document writes it (``es-MX``, ``pt_BR``), else None (``"Spanish"``,
    ``"{{ site.lang }}"``: not a tag)."""
    raw = (raw or "").strip()
    return raw if _LANGUAGE_TAG.fullmatch(raw) else None


def lf_view(source: str) -> str:
    """``source`` with each lone CR as LF: the same length, so offsets agree, for line regexes."""
    return _LONE_CR.sub("\n", source) if "\r" in source else source


@dataclass(frozen=True, eq=False)
class Document:
    """One story: ``source`` as read, ``text`` for extraction, offsets from text to source."""

    path: str
    source: str
    text: str
    format: str = "text"
    dates: StoryDates = NO_DATES  # published and modified, from the story's metadata
    offsets: array | None = None  # text offset -> source offset; None: identical
    suppressions: Suppressions = Suppressions()
    #: Line breaks inside paragraphs, as (break offset in ``text``, where the continued line's
    #: text starts); None lets the reading decide (plain text). See ``claims.extract.reading``.
    soft_breaks: tuple[tuple[int, int], ...] | None = None
    reading: str | None = None  # HTML: how the text was chosen ("article: <article>")
    #: The story's own language tag (HTML ``<html lang>``, front matter ``lang:``), as written.
    language: str | None = None
    _lines: array | None = field(default=None, init=False, repr=False)

    @property
    def line_starts(self) -> array:
        """Source offset of each line's start; built on first use (most stories need none)."""
        if self._lines is None:
            starts = array("i" if len(self.source) < 2**31 else "q", [0])
            starts.extend(m.end() for m in LINE_END.finditer(self.source))
            object.__setattr__(self, "_lines", starts)
        return self._lines  # type: ignore[return-value]

    @property
    def date(self) -> _dt.date | None:
        """The story's own date: published, else modified (see ``StoryDates.best``)."""
        return self.dates.best[0]

    @property
    def date_source(self) -> str | None:
        """Where ``date`` was read, e.g. ``"meta article:published_time"``."""
        return self.dates.best[1]

    def to_source(self, offset: int) -> int:
        """The source offset of text offset ``offset`` (the text's end maps to the source's)."""
        if self.offsets is None:
            return max(0, min(offset, len(self.source)))
        if offset >= len(self.text):
            return len(self.source)
        return self.offsets[max(0, offset)]

    def source_span(self, span: Span) -> Span:
        """``span`` (text offsets) as source offsets, ending just after its last character."""
        start = self.to_source(span.start)
        if self.offsets is None or span.end <= span.start:
            return Span(start, max(start, self.to_source(span.end)))
        last = self.to_source(span.end - 1)
        end = last + 1
        if self.source.startswith("&", last):  # an entity: end after its ';'
            semi = self.source.find(";", last, last + 40)
            end = semi + 1 if semi > 0 else end
        return Span(start, max(start, end))

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a source offset."""
        i = bisect_right(self.line_starts, source_offset) - 1
        return i + 1, source_offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """Source line ``line`` (1-based), without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    def location(self, span: Span) -> Location:
        """``span`` (text offsets) in the source: offsets, lines, code-point and byte columns."""
        src = self.source_span(span)
        line, column = self.line_col(src.start)
        end_line, end_column = self.line_col(src.end)
        return Location(
            src.start,
            src.end,
            line,
            column,
            end_line,
            end_column,
            self._byte_column(line, src.start),
            self._byte_column(end_line, src.end),
        )

    def _byte_column(self, line: int, source_offset: int) -> int:
        start = self.line_starts[line - 1]
        return len(self.source[start:source_offset].encode("utf-8", "surrogatepass")) + 1

    def locate(self, finding: Finding) -> Finding:
        """The finding, and every figure in it, with its ``location`` in the source file."""
        figures = {role: self.place(f) for role, f in finding.figures.items()}
        return evolve(
            finding,
            location=self.location(finding.span),
            original=self.place(finding.original),
            converted=self.place(finding.converted),
            figures=figures,
        )

    def place(self, figure: Any) -> Any:
        """A figure (or a tuple of them) with its ``location`` in the source file."""
        if figure is None:
            return None
        if isinstance(figure, tuple):
            return tuple(self.place(f) for f in figure)
        return evolve(figure, location=self.location(figure.span))
