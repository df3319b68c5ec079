"""Answering rate questions: imports, ECB crosses through EUR, pegs, HMRC, asked in ``ORDER``.

A lookup takes the most recent fixing on or before the day asked for (never interpolated)
and says which day it used. A day past the ECB data raises ``StaleData`` naming the last
fixing; before the first fixing, or a currency nobody publishes, raises ``NoRate``; a code
that is no currency raises ``UnknownCurrency``. Series are loaded lazily, one packed row per
currency, and searched with ``bisect``. Crosses are rounded to ``CROSS_DIGITS`` significant
digits; rates read straight from a source keep the published digits.
"""

from __future__ import annotations

import functools
import sqlite3
from bisect import bisect_left, bisect_right
from datetime import date
from decimal import Context, Decimal
from sys import intern
from typing import TYPE_CHECKING, NamedTuple

from claims.errors import ConfigError, NoRate, RateError, StaleData, UnknownCurrency
from claims.model import Rate
from claims.rates import build, catalog, db
from claims.rates.locations import StoreLocation, data_dir
from claims.rates.pegs import Peg, PegTable

if TYPE_CHECKING:  # HMRC's module loads on the first pair it is asked
    from claims.rates.hmrc import HmrcRates

CROSS_DIGITS = 12
#: The sources in the order they are asked; the first that answers is used.
PREFERRED, REFERENCE, IMPORTS, HMRC = (
    "preferred imports",
    "ECB euro reference rates and pegs",
    "imports",
    "HMRC monthly rates",
)
ORDER = (PREFERRED, REFERENCE, IMPORTS, HMRC)
_CTX = Context(prec=CROSS_DIGITS)
_ONE = Decimal(1)
_PEG_FILE = "pegs.csv"


class _Series(NamedTuple):
    dates: list[str]  # ISO, ascending (empty when ``start`` >= 0)
    vals: list[str]  # as published
    start: int  # index of the first value in the ECB calendar, or -1


class _Dataset(NamedTuple):
    id: int
    kind: str
    source: str
    identity: str
    first_date: str
    last_date: str
    frequency: str
    prefer: int


class _Leg(NamedTuple):
    """How one currency is reached: ``factor`` units of it per 1 ``root`` (None: it is the root)."""

    root: str
    factor: Decimal | None
    peg: Peg | None


def _recovering(method):
    """Run a lookup; if SQLite reports damage, rebuild the store once and run it again."""

    @functools.wraps(method)
    def wrapper(self: RateStore, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            self._recover(f"damaged: {exc}")
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise RateError(f"rate store {self.location.db_path} is damaged: {exc}") from None

    return wrapper


class RateStore:
    """The local rate store; open it with ``claims.rates.open_store``."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location
        self._conn, self._meta = build.ensure(location)
        self._peg_table: PegTable | None = None
        try:
            self._load_catalog()
        except sqlite3.DatabaseError as exc:
            self._recover(f"damaged: {exc}")

    # ------------------------------------------------------------------ public API

    @_recovering
    def rate(self, base: str, quote: str, on: date) -> Rate:
        """The rate in force on ``on``: units of ``quote`` per 1 ``base``, with its evidence."""
        base, quote = self._known(base), self._known(quote)
        return self._rate(base, quote, on, on.isoformat())

    @_recovering
    def window(self, base: str, quote: str, start: date, end: date) -> list[Rate]:
        """One Rate per fixing day in [start, end], led by the fixing in force at ``start``.

        A fixed peg gives one Rate. Days past the last fixing are simply absent (each Rate
        carries the day it used); a window that starts past the data raises StaleData.
        """
        if end < start:
            raise ConfigError(f"window ends ({end}) before it starts ({start})")
        base, quote = self._known(base), self._known(quote)
        lo, hi = start.isoformat(), end.isoformat()
        key = (base, quote, lo, hi)
        kept = self._windows.get(key)
        if kept is None:
            if len(self._windows) >= _WINDOWS_KEPT:
                self._windows.clear()
            kept = self._windows[key] = self._window(base, quote, lo, hi)
        return list(kept)

    def _window(self, base: str, quote: str, lo: str, hi: str) -> list[Rate]:
        days = {lo}
        if self._ecb is not None:
            days.update(_between(self._days(), lo, hi))
        for ds_id in self._imported_for(base, quote):
            for pair in ((base, quote), (quote, base)):
                if (ds_id, *pair) in self._series_meta:
                    days.update(_between(self._series(ds_id, *pair).dates, lo, hi))
        for code in (base, quote):
            days.update(p.start for p in self._pegs().fixed.get(code, ()) if lo < p.start <= hi)
        rates: list[Rate] = []
        first_error: NoRate | None = None
        kept = self._day_rates
        for day in sorted(days):
            found = kept.get((base, quote, day))
            try:
                if found is None:
                    found = self._rate(base, quote, date.fromisoformat(day), day)
                    if len(kept) >= _DAY_RATES_KEPT:
                        kept.clear()
                    kept[base, quote, day] = found
            except NoRate as exc:
                if day == lo:
                    if isinstance(exc, StaleData):
                        raise
                    first_error = exc
                continue
            last = rates[-1] if rates else None
            if (
                last
                and last.source == found.source
                and last.value == found.value
                and (last.date == found.date or found.kind == "peg")
            ):
                continue
            rates.append(found)
        if not rates:
            raise first_error or NoRate(f"no {base}/{quote} rate between {lo} and {hi}")
        return rates

    def last_date(self) -> date:
        """The last ECB fixing in the store."""
        if self._ecb is None:
            raise NoRate("the rate store holds no ECB data (run `claims rates update`)")
        return date.fromisoformat(self._ecb.last_date)

    def has_currency(self, code: str) -> bool:
        """Whether any source (ECB, a peg, an import, HMRC's monthly rates) quotes ``code``."""
        text = str(code).strip().upper()
        return text in self._codes() or text in self.hmrc.currencies

    @_recovering
    def info(self) -> dict:
        """Where the store lives, its sources and each currency's first/last dates."""
        integrity = db.verify_all(self._conn)
        if integrity != "ok":
            self._recover(f"damaged: {integrity}")
            again = db.verify_all(self._conn)
            integrity = f"ok (rebuilt: {integrity})" if again == "ok" else again
        pegs = self._pegs()
        sources, currencies = catalog.describe(
            self._datasets.values(),
            self._series_meta,
            self._ecb.id if self._ecb else None,
            pegs,
            self.hmrc.info(),
        )
        return {
            "store": str(self.location.db_path),
            "folder": str(self.location.folder),
            "chosen_by": self.location.chosen_by,
            "data_dir": str(data_dir()),
            "built": self._meta.get("built"),
            "build_reason": self._meta.get("reason"),
            "schema_version": self._meta.get("schema_version"),
            "integrity": integrity,
            "last_date": self._ecb.last_date if self._ecb else None,
            "sources": sources,
            "currencies": currencies,
            "pegs": [p.to_dict() for p in pegs.pegs],
            "source_notes": catalog.source_notes(data_dir()),
        }

    def close(self) -> None:
        self._conn.close()

    # ------------------------------------------------------------------ lookups

    def _rate(self, base: str, quote: str, on: date, iso: str, trace: list | None = None) -> Rate:
        """The first answer of the sources in ``ORDER``: preferred imports, the ECB and pegs,
        imports, HMRC's monthly rates. With ``trace``, every source is asked and its outcome
        (a Rate, the NoRate, None for no table, or why it was not asked) appended to it."""
        answer: Rate | None = None
        reference: NoRate | None = None  # why the ECB and the pegs cannot answer
        imported: NoRate | None = None  # why an import of the pair cannot
        for name in ORDER:
            outcome: Rate | NoRate | str | None
            if name == PREFERRED:
                if not self._preferred:
                    continue
                outcome = self._imported(base, quote, on, iso, preferred=True)
            elif name == REFERENCE:
                try:
                    outcome = self._reference(base, quote, on, iso)
                except NoRate as exc:
                    outcome = reference = exc
            elif name == IMPORTS:
                outcome = self._imported(base, quote, on, iso)
                imported = outcome if isinstance(outcome, NoRate) else None
            elif isinstance(reference, StaleData) and self._ecb_current(base, quote):
                outcome = "not asked: the ECB quotes both currencies, its data is only behind"
            else:
                try:
                    outcome = self.hmrc.rate(base, quote, on)
                except NoRate as exc:
                    outcome = exc
            if trace is not None:
                trace.append((name, outcome))
            if isinstance(outcome, Rate) and answer is None:
                answer = outcome
                if trace is None:
                    return answer
        if answer is not None:
            return answer
        raise imported or reference or NoRate(f"no source has a {base}/{quote} rate")

    @_recovering
    def trace(
        self, base: str, quote: str, on: date
    ) -> list[tuple[str, Rate | NoRate | str | None]]:
        """Every source's outcome for the pair, in the order they are asked (for ``rates show``)."""
        base, quote = self._known(base), self._known(quote)
        steps: list = []
        try:
            self._rate(base, quote, on, on.isoformat(), steps)
        except NoRate:
            pass
        return steps

    @functools.cached_property
    def hmrc(self) -> HmrcRates:
        """HMRC's monthly rates (their module and hmrc-rates load on the first question only)."""
        from claims.rates.hmrc import CALIBRATION_FILE, HmrcRates, load_calibration

        return HmrcRates(load_calibration(data_dir() / CALIBRATION_FILE))

    def _ecb_current(self, base: str, quote: str) -> bool:
        """Whether the ECB still quotes both currencies (a day past its data is then just stale)."""
        last = self._ecb.last_date if self._ecb else ""
        for code in (base, quote):
            for peg in self._pegs().fixed.get(code, ()):
                code = peg.anchor
                break
            meta = self._series_meta.get((self._ecb.id if self._ecb else -1, "EUR", code))
            if code != "EUR" and (meta is None or meta[1] != last):
                return False
        return True

    def _reference(self, base: str, quote: str, on: date, iso: str) -> Rate:
        """ECB euro rates crossed through EUR, and fixed pegs (the default sources)."""
        if base == quote:
            return Rate(base, quote, _ONE, on, on, "same currency", "", "identity")
        lb, lq = self._leg(base, iso), self._leg(quote, iso)
        if lb.root == lq.root:  # pegs (or EUR) only
            pegs = [p for p in (lb.peg, lq.peg) if p]
            return Rate(
                base,
                quote,
                _ratio(lq.factor, lb.factor),
                on,
                on,
                "; ".join(p.source for p in pegs),
                self._pegs().dataset(pegs),
                "peg",
            )
        days = self._days()
        if iso > days[-1]:
            raise StaleData(
                f"ECB data ends {days[-1]}; no {base}/{quote} rate for {iso} yet "
                "(run `claims rates update`)",
                date.fromisoformat(days[-1]),
            )
        at = bisect_right(days, iso) - 1
        if at < 0:
            raise NoRate(
                f"no {base}/{quote} rate before the first ECB fixing {days[0]} (asked {iso})"
            )
        fixing = days[at]
        value = _ratio(self._ecb_value(lq.root, at), self._ecb_value(lb.root, at))
        if lb.factor is not None or lq.factor is not None:
            value = _CTX.multiply(value, _ratio(lq.factor, lb.factor))
        pegs = [p for p in (lb.peg, lq.peg) if p]
        ecb = self._ecb_dataset()
        source = "; ".join([ecb.source] + [p.source for p in pegs])
        dataset = "; ".join([ecb.identity] + ([self._pegs().dataset(pegs)] if pegs else []))
        return Rate(
            base, quote, value, date.fromisoformat(fixing), on, source, dataset, "reference"
        )

    def _leg(self, code: str, iso: str) -> _Leg:
        leg = self._plain_legs.get(code)  # no pegs: same on every day
        if leg is not None:
            return leg
        pegs = self._pegs().fixed.get(code, ())
        for peg in pegs:  # latest start first
            if peg.start <= iso:
                return _Leg(peg.anchor, peg.value, peg)
        if code == "EUR" or (
            self._ecb is not None and (self._ecb.id, "EUR", code) in self._series_meta
        ):
            leg = _Leg(code, None, None)
            if not pegs:
                self._plain_legs[code] = leg
            return leg
        starts = [p.start for p in self._pegs().fixed.get(code, ())]
        if starts:
            raise NoRate(
                f"no {code} rate on {iso}: its peg starts {min(starts)} and no other "
                "source covers earlier days"
            )
        raise NoRate(f"no source has {code} rates (import a table with `claims rates import`)")

    def _ecb_value(self, code: str, day: int) -> Decimal | None:
        """The published value of ``code`` on the ``day``-th ECB fixing (None for EUR itself)."""
        if code == "EUR":
            return None
        dates, vals, start = self._series(self._ecb_dataset().id, "EUR", code)
        if start >= 0:  # an unbroken run of fixings
            if 0 <= day - start < len(vals):
                return _published(vals[day - start], code)
            calendar = self._days()
            dates = calendar[start : start + len(vals)]
        fixing = self._days()[day]
        at = bisect_left(dates, fixing)
        if at == len(dates) or dates[at] != fixing:
            before = f"; its last before that was {dates[at - 1]}" if at else ""
            raise NoRate(
                f"the ECB published no {code} rate on {fixing} (its {code} fixings run "
                f"{dates[0]} to {dates[-1]}{before})"
            )
        return _published(vals[at], code)

    def _imported(
        self, base: str, quote: str, on: date, iso: str, preferred: bool = False
    ) -> Rate | NoRate | None:
        """An imported table's rate for the pair (direct or inverted), or the reason it has none."""
        error: NoRate | None = None
        for ds_id in self._imported_for(base, quote):
            ds = self._datasets[ds_id]
            if preferred and not ds.prefer:
                continue
            for pair, invert in (((base, quote), False), ((quote, base), True)):
                if (ds_id, *pair) not in self._series_meta:
                    continue
                series = self._series(ds_id, *pair)
                at = bisect_right(series.dates, iso) - 1
                if iso > series.dates[-1] and at >= 0:
                    error = error or StaleData(
                        f"{ds.source} has {base}/{quote} only up to {series.dates[-1]} (asked {iso})",
                        date.fromisoformat(series.dates[-1]),
                    )
                    continue
                if at < 0:
                    error = error or NoRate(
                        f"{ds.source} has no {base}/{quote} rate before "
                        f"{series.dates[0]} (asked {iso})"
                    )
                    continue
                value = _published(series.vals[at], f"{base}/{quote}")
                value = _CTX.divide(_ONE, value) if invert else value
                coarse = ds.frequency not in ("daily", "fixed")
                return Rate(
                    base,
                    quote,
                    value,
                    date.fromisoformat(series.dates[at]),
                    on,
                    ds.source,
                    ds.identity,
                    "imported",
                    frequency=ds.frequency,
                    margin_pct=self.hmrc.static_margin(base, quote) if coarse else None,
                )
        return error

    # ------------------------------------------------------------------ loading

    def _load_catalog(self) -> None:
        self._opened = _stamp(_stat(self.location.db_path))
        rows = self._conn.execute(
            "SELECT id, kind, source, identity, first_date, last_date, "
            "frequency, prefer FROM datasets ORDER BY id"
        ).fetchall()
        self._datasets = {row[0]: _Dataset(*row) for row in rows}
        self._ecb = next((d for d in self._datasets.values() if d.kind == "reference"), None)
        self._series_meta = {
            (ds, b, q): (first, last, n)
            for ds, b, q, first, last, n in self._conn.execute(
                "SELECT dataset_id, base, quote, first_date, last_date, n FROM series"
            )
        }
        self._imported_pairs: dict[frozenset[str], list[int]] = {}
        for ds_id, base, quote in sorted(self._series_meta, reverse=True):  # newest import first
            if self._datasets[ds_id].kind == "imported":
                self._imported_pairs.setdefault(frozenset((base, quote)), []).append(ds_id)
        self._preferred = any(d.prefer for d in self._datasets.values())
        self._cache: dict[tuple[int, str, str], _Series] = {}
        self._calendar: list[str] | None = None
        self._code_set: set[str] | None = None
        self._plain_legs: dict[str, _Leg] = {}
        self._normal: dict[str, str] = {}
        # Windows asked for before: stories of one day share them, and the "another
        # period" diagnosis reads five years of fixings. Kept per pair and dates, bounded.
        self._windows: dict[tuple[str, str, str, str], list[Rate]] = {}
        # Each pair's rate on each day, shared by the windows and histories that cover it.
        self._day_rates: dict[tuple[str, str, str], Rate] = {}

    def _imported_for(self, base: str, quote: str) -> list[int]:
        """The imports holding the pair either way round, newest first (one direction each)."""
        return self._imported_pairs.get(frozenset((base, quote)), [])

    def _series(self, ds_id: int, base: str, quote: str) -> _Series:
        """One packed row, loaded once and checked against its checksum."""
        key = (ds_id, base, quote)
        series = self._cache.get(key)
        if series is None:
            first, last, n, start, packed_vals, sha = self._conn.execute(
                "SELECT first_date, last_date, n, cal_start, vals, sha FROM series "
                "WHERE dataset_id=? AND base=? AND quote=?",
                key,
            ).fetchone()
            packed = ""
            if start < 0:
                packed = self._conn.execute(
                    "SELECT dates FROM series WHERE dataset_id=? AND base=? AND quote=?", key
                ).fetchone()[0]
            if db.series_sha(base, quote, first, last, n, start, packed, packed_vals) != sha:
                raise sqlite3.DatabaseError(f"series {base}/{quote} fails its checksum")
            vals = packed_vals.split(",")
            dates: list[str] = []
            if start < 0:
                dates = list(map(intern, packed.split(",")))  # shared with the calendar
            elif start + n > len(self._days()):
                raise sqlite3.DatabaseError(f"series {base}/{quote} runs past its calendar")
            if len(vals) != n or (start < 0 and len(dates) != n):
                raise sqlite3.DatabaseError(f"series {base}/{quote} does not match its length")
            series = self._cache[key] = _Series(dates, vals, start)
        return series

    def _ecb_dataset(self) -> _Dataset:
        if self._ecb is None:
            raise NoRate("the rate store holds no ECB data (run `claims rates update`)")
        return self._ecb

    def _days(self) -> list[str]:
        if self._calendar is None:
            if self._ecb is None:
                raise NoRate("the rate store holds no ECB data (run `claims rates update`)")
            n, packed, sha = self._conn.execute(
                "SELECT n, dates, sha FROM calendars WHERE dataset_id=?", (self._ecb.id,)
            ).fetchone()
            days = list(map(intern, packed.split(",")))
            if len(days) != n or db.calendar_sha(packed) != sha:
                raise sqlite3.DatabaseError("the fixing calendar fails its checksum")
            self._calendar = days
        return self._calendar

    def _pegs(self) -> PegTable:
        """rates_cache/pegs.csv, read on first use."""
        if self._peg_table is None:
            path = data_dir() / _PEG_FILE
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise RateError(f"cannot read {path}: {exc.strerror or exc}") from None
            self._peg_table = PegTable.from_bytes(data, str(path))
        return self._peg_table

    def _codes(self) -> set[str]:
        if self._code_set is None:
            codes = {"EUR"} | {p.currency for p in self._pegs().pegs}
            for _ds, base, quote in self._series_meta:
                codes.update((base, quote))
            self._code_set = codes
        return self._code_set

    def _known(self, code: str) -> str:
        """Normalise a code; one no source and no ISO table knows is UnknownCurrency."""
        known = self._normal.get(code)
        if known is not None:
            return known
        text = str(code).strip().upper()
        if text in self._codes():
            if len(self._normal) < 4096:
                self._normal[code] = text
            return text
        if (
            len(text) == 3
            and text.isascii()
            and text.isalpha()
            and (text in catalog.iso_codes() or text in self.hmrc.currencies)
        ):
            return text  # NoRate later if no source has it that day
        raise UnknownCurrency(f"unknown currency code {str(code)[:20]!r}")

    def _recover(self, reason: str) -> None:
        """Rebuild a damaged store (unless another process already replaced the file)."""
        path, stamp = self.location.db_path, self._opened
        self._conn.close()
        build.rebuild(self.location, reason, unless=lambda: _stamp(_stat(path)) != stamp)
        try:
            self._conn, self._meta = db.open_readonly(path)
            self._load_catalog()
        except (db.Damaged, sqlite3.DatabaseError) as exc:
            raise RateError(f"rate store {path} unusable after a rebuild: {exc}") from None


_WINDOWS_KEPT = 256  # rate windows kept by one open store (then all are dropped)
_DAY_RATES_KEPT = 100_000  # (pair, day) rates kept (about 30 MB at most; then all dropped)
_LOWEST, _HIGHEST = Decimal("1e-15"), Decimal("1e15")  # what a build accepts as published


def _published(text: str, what: str) -> Decimal:
    """A stored rate as a Decimal: a positive, finite, plausible number, or the store is damaged."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        value = Decimal("NaN")
    if not (value.is_finite() and _LOWEST <= value < _HIGHEST):
        raise sqlite3.DatabaseError(f"stored {what} rate {text[:20]!r} is not a positive number")
    return value


def _ratio(num: Decimal | None, den: Decimal | None) -> Decimal:
    """num/den where None means 1: exact when one side is 1 on top, else CROSS_DIGITS digits."""
    if den is None:
        return num if num is not None else _ONE
    return _CTX.divide(num if num is not None else _ONE, den)


def _between(days: list[str], lo: str, hi: str) -> list[str]:
    return days[bisect_right(days, lo) : bisect_right(days, hi)]


def _stat(path):
    try:
        return path.stat()
    except OSError:
        return None


def _stamp(stat) -> tuple | None:
    return None if stat is None else (stat.st_ino, stat.st_mtime_ns, stat.st_size)
