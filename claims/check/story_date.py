"""What the story's dates do to currency findings, after the currency check has judged them.

Two post-steps of ``check_document``, neither of which touches how a conversion is judged:

- **an updated story**: a conversion that is an error at the published date but fits the
  reference rates of the story's modified date (an explainer updated years later) becomes a
  ``CUR002`` warning that names both dates, with the modified date's rate as evidence;
- **an undated story** under ``missing_date = "unverifiable"``: every conversion or stated
  rate judged against the reference rates becomes ``CUR004`` unverifiable, saying why.
  (``"error"`` is an input-level problem, raised by ``check_document``; ``"today"``, the
  default for a pre-publish hook, judges as of today and says so in a note.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from claims.model import Finding, Verdict

MISSING_DATE = ("today", "unverifiable", "error")

#: Findings judged against the reference rates of a date (CUR007 compares the story with itself).
DATED_CODES = frozenset({"CUR001", "CUR002", "CUR003", "CUR005", "CUR006"})


def _figure(f: Finding) -> str:
    side = f.converted or f.original
    return side.text if side is not None else f.text


UNDATED_NOTE = (
    "no date found in the story (metadata, front matter or dateline): its currency "
    'conversions are not verified (missing_date = "unverifiable")'
)


def today_note(today: date) -> str:
    """The note of a story judged as of today because it carries no date."""
    return (
        f"no date found in the story (metadata, front matter or dateline): judged as of "
        f"today, {today.isoformat()}; give --date, date the story, or set "
        f'missing_date = "unverifiable" to refuse'
    )


def undated(findings: Sequence[Finding]) -> list[Finding]:
    """Reference-rate findings of an undated story as unverifiable, with the reason."""
    out = []
    for f in findings:
        if f.check == "currency-conversion" and f.code in DATED_CODES:
            f = replace(
                f,
                code="CUR004",
                verdict=Verdict.UNVERIFIABLE,
                message=f"cannot verify {_figure(f)}: the story has no date and "
                f'missing_date = "unverifiable"; give --date or date the story',
                expected=None,
                deviation_pct=None,
                rate=None,
                diagnosis="no-date",
            )
        out.append(f)
    return out


def refit_at_modified(
    findings: Sequence[Finding],
    published: date,
    modified: date,
    recheck: Callable[[date], Sequence[Finding]],
) -> list[Finding]:
    """Errors that fit the modified date's rates, as warnings naming both dates.

    ``recheck(day)`` runs the same currency check as of ``day``; it is called only when
    there is an error to reconsider."""
    errors = [
        f
        for f in findings
        if f.verdict is Verdict.ERROR and f.check == "currency-conversion" and f.code in DATED_CODES
    ]
    if not errors or modified == published:
        return list(findings)
    fits: dict[tuple[int, int], Finding] = {
        (f.span.start, f.span.end): f for f in recheck(modified) if f.verdict is Verdict.OK
    }
    out = []
    for f in findings:
        ok = fits.get((f.span.start, f.span.end)) if f in errors else None
        if ok is not None:
            evidence = ok.message.split(": ", 1)[-1]
            f = replace(
                ok,
                code="CUR002",
                verdict=Verdict.WARNING,
                message=f"{_figure(f)} fails at the story's published date "
                f"{published.isoformat()} but fits at its modified date "
                f"{modified.isoformat()} (an updated story?): {evidence}",
                diagnosis="fits-modified-date",
                detail=f"at the published date {published.isoformat()}: {f.message}",
            )
        out.append(f)
    return out
