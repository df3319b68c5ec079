"""The rates one story is judged against: its window of fixings, fetched once per pair.

``RateWindow`` holds the store, the as-of date and the last day rates are taken from (the
as-of date, or the store's last fixing when the data is stale), and caches each pair's
fixings; ``history`` reaches further back for the "another period" diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from claims.errors import RateError
from claims.model import Rate


class RateSource(Protocol):
    """What the checks (and the HTML report's series) need from a rate store: the one type for
    a store passed into the library. ``claims.rates.RateStore`` is one; a test can pass any
    object with these two methods."""

    def window(self, base: str, quote: str, start: date, end: date) -> list[Rate]: ...
    def last_date(self) -> date: ...


@dataclass(frozen=True)
class RateWindow:
    """One story's judging context; rate windows are fetched once per currency pair."""

    store: RateSource
    as_of: date
    rate_end: date
    stale_days: int
    window_days: int
    margin_pct: Decimal
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def window(self, base: str, quote: str) -> list[Rate]:
        start = days_before(self.rate_end, self.window_days)
        return self._fetch(base, quote, start)

    def history(self, base: str, quote: str, start: date) -> list[Rate]:
        """Every fixing from ``start`` to the window's end (for 'another period' diagnoses)."""
        return self._fetch(base, quote, start)

    def _fetch(self, base: str, quote: str, start: date) -> list[Rate]:
        key = (base, quote, start)
        if key not in self._cache:
            try:
                self._cache[key] = self.store.window(base, quote, start, self.rate_end)
            except RateError as exc:
                self._cache[key] = exc
        found = self._cache[key]
        if isinstance(found, RateError):
            raise found
        return found


def days_before(day: date, days: int) -> date:
    """``days`` before ``day``, no earlier than the first day there is (a story dated 0001-01-01
    by a CMS's zero date)."""
    return day - timedelta(days=min(days, (day - date.min).days))


#: Days past the last fixing that are no sign of stale data (a weekend and a holiday).
FRESH_DAYS = 4


def rate_end_for(store: RateSource, as_of: date) -> tuple[date, int]:
    """The last day rates are taken from, and how many days stale the data is (0 if fresh)."""
    last = store.last_date()
    if as_of > last:
        gap = (as_of - last).days
        return last, gap if gap > FRESH_DAYS else 0
    return as_of, 0
