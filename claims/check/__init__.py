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
    from claims.documents import Document

ALL_CHECKS = frozenset({"currency-conversion", "unit-conversion", "arithmetic"})


@dataclass(frozen=True)
class CheckOptions:
    """How to judge: the as-of date, the rate window and margin, what a bare ``$`` means."""

    today: date                                  # passed in from the edge; never read here
    as_of: date | None = None                    # --date; overrides the document's own date
    window_days: int = 7                         # reference days before the as-of date
    margin_pct: Decimal = Decimal("1")           # desk market rate vs reference fixing
    dollar: str = "USD"                          # what a bare "$" means for this publication
    checks: frozenset[str] = ALL_CHECKS
    ignore_codes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DocumentResult:
    """The findings of one document, with the as-of date used and where it came from."""

    path: str
    as_of: date
    as_of_source: str                            # option | metadata | text | today
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = field(default=())   # e.g. stale rate data

    def counts(self) -> dict[str, int]:
        """Findings per verdict (suppressed ones counted apart)."""
        out = {v.value: 0 for v in Verdict}
        out["suppressed"] = 0
        for f in self.findings:
            out["suppressed" if f.suppressed else f.verdict.value] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "as_of": self.as_of.isoformat(),
            "as_of_source": self.as_of_source,
            "notes": list(self.notes),
            "findings": [f.to_dict() for f in self.findings],
        }


def check_document(doc: "Document", store: Any, options: CheckOptions) -> DocumentResult:
    """Every check over one document; findings located in the source and suppressions applied.

    ``store`` is only asked for rates when the story has a conversion or a stated rate.
    """
    from claims.check.asof import resolve_as_of
    from claims.extract.reading import read

    reading = read(doc.text, doc.soft_breaks)
    text = reading.text
    as_of, as_of_source = resolve_as_of(options.as_of, doc.date, text, options.today)
    findings: list[Finding] = []
    notes: list[str] = []
    if "currency-conversion" in options.checks:
        from claims.extract import read_money

        extraction = read_money(text, dollar=options.dollar)
        if extraction.conversions or extraction.stated_rates:
            from claims.check.currency import check_conversions

            found, notes = check_conversions(extraction, store, as_of,
                                             window_days=options.window_days,
                                             margin_pct=options.margin_pct)
            findings.extend(found)
    if "unit-conversion" in options.checks:
        from claims.check.units import check_units
        from claims.extract.units import read_unit_conversions

        findings.extend(check_units(read_unit_conversions(text)))
    if "arithmetic" in options.checks:
        from claims.check.arithmetic import check_arithmetic
        from claims.extract.arithmetic import read_arithmetic

        findings.extend(check_arithmetic(read_arithmetic(text)))
    findings = [f for f in findings if f.code not in options.ignore_codes]
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    located = tuple(doc.locate(reading.finding(f)) for f in findings)
    from claims.suppressions import apply as apply_suppressions

    return DocumentResult(doc.path, as_of, as_of_source, tuple(apply_suppressions(doc, located)),
                          tuple(notes))
