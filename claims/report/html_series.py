"""The reference series the HTML report draws, read from the rate store by the caller.

``claims check --format html`` (and the service's report) call ``window_series`` at the edge,
after checking, and hand its answer to the renderer, which stays a pure function of the
results, the documents and this mapping. For each currency finding with a reference rate it
fetches the pair's fixings over the check window and a few weeks before it (and around the
rate's own day when that lies elsewhere, as for a rate from another period). Other formats
never call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult
    from claims.check.rate_window import RateSource

CONTEXT_DAYS = 21  # days drawn before the check window, for context
REACH_DAYS = 120  # a rate further than this from the as-of date is not drawn to

#: (document path, base, quote) -> {"base", "quote", "start", "end", "window_start", "as_of",
#: "points": [(ISO date, decimal string), ...]}
Series = Mapping[tuple[str, str, str], Mapping[str, Any]]


def series_key(path: str, base: str, quote: str) -> tuple[str, str, str]:
    return (path, base, quote)


def window_series(
    results: Iterable[DocumentResult], store: RateSource, window_days: int | Mapping[str, int] = 7
) -> dict[tuple[str, str, str], dict]:
    """The fixings around each currency finding's window (``window_days`` per path or for all)."""
    from claims.errors import ClaimsError

    out: dict[tuple[str, str, str], dict] = {}
    for result in results:
        days = window_days if isinstance(window_days, int) else window_days.get(result.path, 7)
        for finding in result.findings:
            rate = finding.rate
            if rate is None or rate.kind not in ("reference", "imported", "peg"):
                continue
            key = series_key(result.path, rate.base, rate.quote)
            window_start = result.as_of - timedelta(days=days)
            start, end = window_start - timedelta(days=CONTEXT_DAYS), result.as_of
            if abs((result.as_of - rate.date).days) <= REACH_DAYS:
                start, end = min(start, rate.date - timedelta(days=3)), max(end, rate.date)
            if key in out:
                start = min(start, date.fromisoformat(out[key]["start"]))
                end = max(end, date.fromisoformat(out[key]["end"]))
            try:
                rates = store.window(rate.base, rate.quote, start, end)
            except ClaimsError:
                continue  # no series to draw; the evidence still stands
            out[key] = {
                "base": rate.base,
                "quote": rate.quote,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "window_start": window_start.isoformat(),
                "as_of": result.as_of.isoformat(),
                "points": [(r.date.isoformat(), format(r.value, "f")) for r in rates],
            }
    return out
