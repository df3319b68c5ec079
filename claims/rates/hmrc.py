"""HMRC's monthly exchange rates: a coarse second source, through ``hmrc-rates``, loaded lazily.

HM Revenue & Customs publishes, before each month starts, one rate per currency for the whole
month (units per 1 GBP, about 150 currencies, from 2014-02). The ``hmrc-rates`` package ships
that history inside its wheel (no network), so it is asked directly rather than copied into
the SQLite store: a copy would add ~120 ms and ~0.7 MiB to every store build to save a few ms on
the first question (``bench/_rates.py`` measures both). This module and the package are
imported only when the ECB, the pegs and the imports cannot answer a pair.

A pair is crossed through HMRC's own GBP table of the same month (both legs fixed at the same
time), cited as "HMRC monthly rate for 2025-06, GBP cross". Each answer carries a margin in
percent: a month's market strays from the rate fixed before it. The margin is calibrated from
data by ``tools/calibrate_hmrc.py`` (``rates_cache/hmrc_calibration.json``): ``base + per_move x
the larger of the pair's HMRC moves into and out of the month``, which is small in a calm month
and wide in a devaluation; for the latest month, whose next rate is not yet published, it is at
least the pair's static margin (its own 99th percentile against the ECB, or its volatility
class's).
"""

from __future__ import annotations

import functools
import json
import math
from datetime import date
from decimal import ROUND_CEILING, Context, Decimal, InvalidOperation

from claims.errors import NoRate
from claims.model import Rate

CALIBRATION_FILE = "hmrc_calibration.json"
SOURCE = "HMRC monthly rate"
FREQUENCY = "monthly"
ANCHORS = ("USD", "EUR", "GBP")

#: Volatility classes by the 90th percentile of a currency's HMRC month-to-month move against
#: an anchor (percent): (name, upper limit). Their margins are calibrated from data.
CLASSES: tuple[tuple[str, float], ...] = (
    ("pegged", 0.5),
    ("calm", 2.0),
    ("moderate", 3.5),
    ("volatile", 6.0),
    ("extreme", math.inf),
)

_CTX = Context(prec=12)
_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")


def class_of(move_p90_pct: float) -> str:
    """The volatility class of a currency whose monthly moves reach ``move_p90_pct``."""
    for name, limit in CLASSES:
        if move_p90_pct < limit:
            return name
    return CLASSES[-1][0]


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift(month: str, by: int) -> str:
    """The month ``by`` months after ``month`` ('YYYY-MM')."""
    index = int(month[:4]) * 12 + int(month[5:]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class HmrcRates:
    """HMRC's monthly tables, from ``hmrc-rates`` when it is installed (else it answers nothing)."""

    def __init__(self, calibration: dict | None) -> None:
        self._calibration = calibration or {}
        self._raw_tables: dict[str, dict[str, Decimal] | None] = {}  # as published
        self._tables: dict[str, dict[str, Decimal] | None] = {}  # typos left out
        self._answers: dict[tuple[str, str, str], tuple[Decimal, Decimal, str, str]] = {}

    @functools.cached_property
    def _rates(self):
        """The package's reader, or None when hmrc-rates is not installed."""
        try:
            import hmrc_rates
        except ImportError:
            return None
        return hmrc_rates.Rates()

    @property
    def available(self) -> bool:
        return self._rates is not None

    @functools.cached_property
    def version(self) -> str:
        if self._rates is None:
            return "not installed"
        import hmrc_rates

        return f"hmrc-rates {getattr(hmrc_rates, '__version__', '?')}"

    @functools.cached_property
    def months(self) -> tuple[str, ...]:
        if self._rates is None:
            return ()
        return tuple(f"{m.year:04d}-{m.month:02d}" for m in self._rates.months())

    @functools.cached_property
    def currencies(self) -> frozenset[str]:
        if self._rates is None:
            return frozenset()
        import hmrc_rates

        return frozenset(c.code for c in self._rates.currencies(hmrc_rates.RateType.MONTHLY)) | {
            "GBP"
        }

    def table(self, month: str) -> dict[str, Decimal] | None:
        """Units per 1 GBP in ``month``: positive finite values, typos left out (``_in_line``)."""
        if month not in self._tables:
            raw = self._raw(month)
            if raw is not None:
                before, after = self._raw(shift(month, -1)) or {}, self._raw(shift(month, 1)) or {}
                raw = {
                    code: value
                    for code, value in raw.items()
                    if _in_line(value, before.get(code), after.get(code))
                }
            self._tables[month] = raw
        return self._tables[month]

    def _raw(self, month: str) -> dict[str, Decimal] | None:
        """The month's table as the package gives it (positive finite values only)."""
        if month not in self._raw_tables:
            table = None
            if month in self._month_set:
                table = {"GBP": Decimal(1)}
                for currency, rate in self._rates.monthly(month):
                    value = rate.units_per_gbp
                    if isinstance(value, Decimal) and value.is_finite() and value > 0:
                        table[currency.code] = value
            self._raw_tables[month] = table
        return self._raw_tables[month]

    @functools.cached_property
    def _month_set(self) -> frozenset[str]:
        return frozenset(self.months)

    def rate(self, base: str, quote: str, on: date) -> Rate:
        """The month's rate for the pair, with its margin; NoRate when HMRC cannot answer."""
        month = month_of(on)
        key = (base, quote, month)
        if key not in self._answers:
            self._answers[key] = self._answer(base, quote, month)
        value, margin, source, dataset = self._answers[key]
        return Rate(
            base,
            quote,
            value,
            date(on.year, on.month, 1),
            on,
            source,
            dataset,
            "hmrc",
            margin_pct=margin,
            frequency=FREQUENCY,
        )

    def _answer(self, base: str, quote: str, month: str) -> tuple[Decimal, Decimal, str, str]:
        if self._rates is None:
            raise NoRate("HMRC monthly rates are not installed (pip install hmrc-rates)")
        table = self.table(month)
        if table is None:
            first, last = (self.months[0], self.months[-1]) if self.months else ("?", "?")
            raise NoRate(f"HMRC has no monthly rates for {month} (it has {first} to {last})")
        missing = [c for c in (base, quote) if c not in table]
        if missing:
            raise NoRate(f"HMRC has no {'/'.join(missing)} rate for {month}")
        cross = "" if "GBP" in (base, quote) else ", GBP cross"
        return (
            _CTX.divide(table[quote], table[base]),
            self.margin(base, quote, month),
            f"{SOURCE} for {month}{cross}",
            f"{self.version}: HMRC monthly exchange rates for {month} (units per GBP)",
        )

    def margin(self, base: str, quote: str, month: str) -> Decimal:
        """Percent a day's market may stray from the month's rate for this pair."""
        model = self._local_model(base, quote)
        moves = [
            m
            for m in (
                self._move(base, quote, shift(month, -1), month),
                self._move(base, quote, month, shift(month, 1)),
            )
            if m is not None
        ]
        local = model[0] + model[1] * max(moves, default=Decimal(0))
        if self.table(shift(month, 1)) is None:  # the month's end is not known yet
            local = max(local, self.static_margin(base, quote))
        return max(Decimal(1), local.quantize(_TENTH, rounding=ROUND_CEILING))

    def static_margin(self, base: str, quote: str) -> Decimal:
        """The pair's calibrated margin over all months (the larger of its own and its class's)."""
        margins = self._calibration.get("margins", {})
        fallback = Decimal(str(self._calibration.get("fallback_pct", "20")))

        def one(code: str, anchor: str) -> Decimal:
            if code == anchor:
                return Decimal(0)
            found = margins.get(code, {}).get(anchor)
            return Decimal(str(found)) if found is not None else fallback

        for anchor in ANCHORS:
            if anchor in (base, quote):
                return one(quote if base == anchor else base, anchor)
        return one(base, "USD") + one(quote, "USD")

    def _local_model(self, base: str, quote: str) -> tuple[Decimal, Decimal]:
        anchor = next((a for a in ANCHORS if a in (base, quote)), "USD")
        params = self._calibration.get("local", {}).get(anchor, {})
        return (
            Decimal(str(params.get("base_pct", "3"))),
            Decimal(str(params.get("per_move", "2"))),
        )

    def _move(self, base: str, quote: str, month: str, following: str) -> Decimal | None:
        a, b = self.table(month), self.table(following)
        if not a or not b or not all(c in a and c in b for c in (base, quote)):
            return None
        try:
            before, after = a[quote] / a[base], b[quote] / b[base]
            return abs(after / before - 1) * _HUNDRED
        except (InvalidOperation, ZeroDivisionError):
            return None

    def info(self) -> dict:
        """Coverage and how the source is used, for ``rates info``."""
        return {
            "source": f"{SOURCE} (HMRC)",
            "kind": "hmrc",
            "frequency": FREQUENCY,
            "dataset": self.version,
            "installed": self.available,
            "first_date": f"{self.months[0]}-01" if self.months else "",
            "last_date": f"{self.months[-1]}-01" if self.months else "",
            "pairs": len(self.currencies),
            "margin": "calibrated per pair and month (docs/rates.md)",
            "used": "only where the ECB, the pegs and imports cannot answer",
        }


#: A month's value more than this factor away from both its neighbours, the same way, is a typo
#: in the published table (HMRC's BRL for 2019-04 reads 439943.0 between 4.853 and 5.1227); a
#: devaluation moves away from one neighbour only.
OUTLIER_FACTOR = Decimal(3)


def _in_line(value: Decimal, before: Decimal | None, after: Decimal | None) -> bool:
    if before is None or after is None:
        return True
    up = value > before * OUTLIER_FACTOR and value > after * OUTLIER_FACTOR
    down = value * OUTLIER_FACTOR < before and value * OUTLIER_FACTOR < after
    return not (up or down)


def load_calibration(path) -> dict:
    """rates_cache/hmrc_calibration.json (empty, i.e. the wide fallback margin, if unreadable)."""
    try:
        data = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
