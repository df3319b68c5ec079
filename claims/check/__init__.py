"""Run every check family over one document and collect the findings.

``check_document`` is the one entry point the CLI and library users call. It resolves the
as-of date (option, document metadata, a dateline in the text, else ``options.today``),
extracts figures, runs the currency, unit and arithmetic checks, maps every finding back to
the source file's line and column, and applies the document's suppressions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from claims.model import Finding, Verdict

if TYPE_CHECKING:  # pragma: no cover
    from claims.check.rate_window import RateSource
    from claims.document import Document

ALL_CHECKS = frozenset({"currency-conversion", "unit-conversion", "arithmetic"})


@dataclass(frozen=True)
class CheckOptions:
    """How to judge: the as-of date, the rate window and margin, what a bare ``$`` means."""

    today: date  # passed in from the edge; never read here
    as_of: date | None = None  # --date; overrides the document's own date
    window_days: int = 7  # reference days before the as-of date
    margin_pct: Decimal = Decimal("1")  # desk market rate vs reference fixing
    dollar: str = "USD"  # what a bare "$" means for this publication
    language: str | None = None  # the story's language (es, es-MX, ja); None: the
    # document's lang, else detected from the text
    number_format: str | None = None  # 1.234,5 | 1,234.5 | ...; None: from the story
    checks: frozenset[str] = ALL_CHECKS
    ignore_codes: frozenset[str] = frozenset()
    missing_date: str = "today"  # undated story: today | unverifiable | error


@dataclass(frozen=True)
class DocumentResult:
    """The findings of one document, with the as-of date used and where it came from."""

    path: str
    as_of: date
    as_of_source: str  # option | metadata | text | today
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. stale rate data, no date: as of today
    as_of_detail: str | None = None  # e.g. "JSON-LD datePublished", "dateline"
    modified: date | None = None  # the story's modified date, when it has one
    reading: str | None = None  # HTML: "article: <article>", "page"
    language: str | None = None  # the story's language tag as read: es, zh-Hant
    language_source: str | None = None  # option | document | detected | unknown

    def counts(self) -> dict[str, int]:
        """Findings per verdict (suppressed ones counted apart)."""
        out = {v.value: 0 for v in Verdict}
        out["suppressed"] = 0
        for f in self.findings:
            out["suppressed" if f.suppressed else f.verdict.value] += 1
        return out

    def to_dict(self, *, lazy: bool = False) -> dict[str, Any]:
        """Built-in types only (``lazy``: findings an iterator of dicts, for
        ``claims.report.jsonstream``)."""
        findings = (f.to_dict() for f in self.findings)
        return {
            "path": self.path,
            "as_of": self.as_of.isoformat(),
            "as_of_source": self.as_of_source,
            "as_of_detail": self.as_of_detail,
            "modified": self.modified.isoformat() if self.modified else None,
            "reading": self.reading,
            "language": self.language,
            "language_source": self.language_source,
            "notes": list(self.notes),
            "findings": findings if lazy else list(findings),
        }


def check_document(doc: Document, store: RateSource, options: CheckOptions) -> DocumentResult:
    """Every check over one document; findings located in the source and suppressions applied.

    ``store`` is only asked for rates when the story has a conversion or a stated rate.
    """
    from claims.dates import resolve_as_of
    from claims.extract.reading import read

    reading = read(doc.text, doc.soft_breaks)
    text = reading.text
    as_of, as_of_source = resolve_as_of(options.as_of, doc.date, text, options.today)
    detail = {"metadata": doc.date_source, "text": "dateline", "option": "--date"}.get(as_of_source)
    findings: list[Finding] = []
    notes: list[str] = []
    language, language_source = None, None
    if "currency-conversion" in options.checks:
        from claims.extract import read_money

        extraction = read_money(
            text,
            dollar=options.dollar,
            language=options.language,
            document_language=getattr(doc, "language", None),
            number_format=options.number_format,
        )
        language, language_source = extraction.language, extraction.language_source
        if extraction.conversions or extraction.stated_rates:
            from claims.check import story_date
            from claims.check.currency import check_conversions

            undated = as_of_source == "today"
            if undated and options.missing_date == "error":
                from claims.errors import InputError

                raise InputError(
                    f"{doc.path}: the story has no date (metadata, front matter or "
                    'dateline) and missing_date = "error"; give --date or date it'
                )

            def at(day: date) -> Any:
                return check_conversions(
                    extraction,
                    store,
                    day,
                    window_days=options.window_days,
                    margin_pct=options.margin_pct,
                )

            found, notes = at(as_of)
            notes = list(notes)
            modified = doc.dates.modified
            if undated and options.missing_date == "unverifiable":
                found = story_date.undated(found)
                notes = [story_date.UNDATED_NOTE]
            elif undated:
                notes.append(story_date.today_note(options.today))
            elif as_of_source == "metadata" and doc.dates.published == as_of and modified:
                found = story_date.refit_at_modified(found, as_of, modified, lambda day: at(day)[0])
            findings.extend(found)
    if "unit-conversion" in options.checks:
        from claims.check.units import check_units
        from claims.extract.units import read_unit_conversions

        findings.extend(check_units(read_unit_conversions(text)))
    if "arithmetic" in options.checks:
        from claims.check.arithmetic import check_arithmetic
        from claims.extract.arithmetic import read_arithmetic

        findings.extend(check_arithmetic(read_arithmetic(text)))
    if language_source is None:  # money not read: the language all the same
        from claims.extract.language import resolve_language

        story = resolve_language(text, options.language, getattr(doc, "language", None))
        language, language_source = story.code, story.source
    findings = [f for f in findings if f.code not in options.ignore_codes]
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    located = tuple(doc.locate(reading.finding(f)) for f in findings)
    from claims.suppressions import apply as apply_suppressions

    return DocumentResult(
        doc.path,
        as_of,
        as_of_source,
        tuple(apply_suppressions(doc, located)),
        tuple(notes),
        detail,
        doc.dates.modified,
        doc.reading,
        language,
        language_source,
    )
