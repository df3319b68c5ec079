"""The one tolerance kernel: what a printed figure claims, and how far a claim may be off.

Every check judges the same way; each supplies only its evidence (a rate window, a unit
factor, a relation between figures):

* **A printed figure stands for an interval**: half a unit in its last *significant* digit
  either side (``significant_step``). The trailing zeros of a round whole number are not
  significant, but at least two digits of a restated figure are (``240`` is 235-245, ``3,000``
  2,950-3,050, ``10`` is 9.5-10.5); an original figure, what was converted, is as printed
  unless it shows three significant digits of its own (``238,900 miles`` may stand for
  238,850-238,950; ``1,800 miles`` and ``100 km`` are meant); a number word ("a hundred
  kilometers") means all its zeros.
* **A qualifier has one meaning** (``claims.extract.qualifiers``): ``approx`` (about, around,
  some, roughly) allows one more rounding step or ``APPROX_PCT`` percent, whichever is more;
  ``upper`` (nearly, almost, just under, up to, less than) lets the truth lie up to
  ``BOUND_PCT`` below the figure; ``lower`` (more than, over, at least) up to ``BOUND_PCT`` above.
* **One gap measure**: the distance between the expected interval and the stated one, in
  percent of the expected middle (``Interval.gap_pct``); none for temperatures, where a
  percentage means nothing.
* **One verdict rule** (``judge``): the intervals meet -> ``ok``; a slip (at most one unit in
  the stated figure's last printed digit beyond the intervals, and at most ``SLIP_REACH``
  units and less than ``SLIP_PCT`` percent off the exact value: ``5 cm (3 inches)`` is no
  slip) or a gap within a band -> ``warning``; anything more -> ``error``. The band
  (``WARNING_BAND_PCT``) applies where the evidence itself may drift (a desk's rate against
  the reference; larger still for stale data) and, where the evidence is exact (a unit
  factor, the story's own figures), to a round restatement a few percent off (``2,400 miles
  (4,000 km)``); a precise figure off beyond a slip is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claims.model import Quantity, Verdict

HALF = Decimal("0.5")
HUNDRED = Decimal(100)

#: Policy knobs, in percent (documented in docs/rules.md and the README).
APPROX_PCT = Decimal("1.5")  # "about": one more rounding step, or this much
BOUND_PCT = Decimal("10")  # how far "more than" / "nearly" may reach
WARNING_BAND_PCT = Decimal("5")  # a gap up to this is rounding slop, a stale rate, or a
# round restatement a few percent off
MIN_SIGNIFICANT_ORIGINAL = 3  # an original figure's own digits before its zeros count
SLIP_REACH = Decimal("1.5")  # a slip prints at most this many last-digit units off
SLIP_PCT = BOUND_PCT  # ... and less than this far off the exact value: 10%+ off is a mistake
MIN_SIGNIFICANT = 2  # digits of a round restated figure always taken as meant


@dataclass(frozen=True)
class Interval:
    """A closed range of values a printed figure (or a computation) may stand for."""

    low: Decimal
    high: Decimal

    @property
    def mid(self) -> Decimal:
        return (self.low + self.high) / 2

    def scaled(self, factor: Decimal) -> Interval:
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))

    def widened(self, pct: Decimal) -> Interval:
        """Both ends pushed out by ``pct`` percent of themselves."""
        f = pct / HUNDRED
        return Interval(self.low - abs(self.low) * f, self.high + abs(self.high) * f)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Interval) -> Decimal:
        """How far apart two intervals are (0 when they meet), in their own units."""
        return max(Decimal(0), other.low - self.high, self.low - other.high)

    def gap_pct(self, other: Interval) -> Decimal:
        """The gap in percent of this interval's middle (0 if they meet)."""
        gap = self.gap(other)
        if not gap:
            return Decimal(0)
        return gap / (abs(self.mid) or Decimal(1)) * HUNDRED


def _digits(q: Quantity) -> tuple[int, int]:
    """(printed digits, trailing zeros that may be rounding) of ``q``'s value in last-digit
    units: ``$72.29 billion`` is 7229 units of 10 million."""
    if not q.step:
        return 1, 0
    units = abs(q.value / q.step).to_integral_value()
    text = str(units) if units else "0"
    if "E" in text or "e" in text:
        text = format(units, "f")
    zeros = len(text) - len(text.rstrip("0")) if q.decimals == 0 and units else 0
    return len(text), min(zeros, len(text) - 1)


def significant_step(q: Quantity, *, original: bool = False, hedged: bool = False) -> Decimal:
    """The value of one unit in ``q``'s last significant digit (see the module doc).

    A restated figure's trailing zeros are rounding down to two significant digits (``3,000``
    is 2,950-3,050), or to one when the claim is ``hedged`` ("about minus 110 degrees
    Fahrenheit (minus 80 degrees Celsius)": 80 is 75-85); an ``original`` figure's -- what was
    converted -- only when it shows three of its own (``238,900`` is 238,850-238,950;
    ``1,800`` and ``100`` are as printed)."""
    digits, zeros = _digits(q)
    if not zeros or q.zeros_meant:
        return q.step
    own = digits - zeros
    if original:
        return q.step * Decimal(10) ** zeros if own >= MIN_SIGNIFICANT_ORIGINAL else q.step
    least = 1 if hedged else MIN_SIGNIFICANT
    return q.step * Decimal(10) ** max(0, digits - max(least, own))


def is_round(q: Quantity) -> bool:
    """Whether ``q`` is a round figure: at most two significant digits before trailing zeros
    that are not meant (``3,000``, ``150``; not ``60`` or ``11,968,600``)."""
    digits, zeros = _digits(q)
    return (
        bool(zeros)
        and not q.zeros_meant
        and digits - zeros <= MIN_SIGNIFICANT
        and digits > MIN_SIGNIFICANT
    )


def printed(
    q: Quantity,
    value: Decimal | None = None,
    *,
    step: Decimal | None = None,
    bounds: bool = True,
    cap_pct: Decimal | None = None,
) -> Interval:
    """What the printed figure ``q`` (or its ``value``, e.g. a range's high end) claims about
    the truth: half its (significant) step either side, at most ``cap_pct`` percent, bent by
    its qualifier; ``bounds=False`` keeps only "about" (a conversion restates its original as
    printed: "over 100 trillion won ($72 billion)" bounds both alike)."""
    v = q.value if value is None else value
    half = abs(q.step if step is None else step) * HALF
    if cap_pct is not None:
        half = min(half, abs(v) * cap_pct / HUNDRED)
    bound = q.bound if bounds or q.bound == "approx" else None
    if bound == "approx":
        wide = half + max(half, abs(v) * APPROX_PCT / HUNDRED)
        return Interval(v - wide, v + wide)
    reach = max(abs(v) * BOUND_PCT / HUNDRED, half)
    if bound == "lower":
        return Interval(v - half, v + reach)
    if bound == "upper":
        return Interval(v - reach, v + half)
    return Interval(v - half, v + half)


@dataclass(frozen=True)
class Judgement:
    """How a stated figure sits against what its evidence allows."""

    verdict: Verdict
    expected: Interval  # what the evidence allows the true value to be
    central: Decimal  # the value at the central inputs or rate
    stated: Interval  # what the printed figure claims
    gap: Decimal  # 0 when they meet, in the figure's units
    gap_pct: Decimal | None  # the gap in percent (None where percent means nothing)

    @property
    def acceptable(self) -> Interval:
        """The printed values that would have been ok: the expected range, widened by how far
        the stated figure's own interval reaches below and above it."""
        mid = (self.stated.low + self.stated.high) / 2
        return Interval(
            self.expected.low - (self.stated.high - mid),
            self.expected.high + (mid - self.stated.low),
        )


def judge(
    expected: Interval,
    central: Decimal,
    stated: Interval,
    figure: Quantity,
    *,
    relative: bool = True,
    band_pct: Decimal | None = None,
    slips: bool = True,
) -> Judgement:
    """The verdict rule of the module doc for one stated figure; ``band_pct`` None: the band
    applies only when ``figure`` is a round restatement."""
    if band_pct is None:
        band_pct = WARNING_BAND_PCT if is_round(figure) else Decimal(-1)
    gap = expected.gap(stated)
    gap_pct = expected.gap_pct(stated) if relative else None
    if not gap:
        verdict = Verdict.OK
    elif (slips and is_slip(gap, figure, central, relative=relative)) or (
        gap_pct is not None and gap_pct <= band_pct
    ):
        verdict = Verdict.WARNING
    else:
        verdict = Verdict.ERROR
    return Judgement(verdict, expected, central, stated, gap, gap_pct)


def is_slip(gap: Decimal, figure: Quantity, central: Decimal, *, relative: bool = True) -> bool:
    """A last-digit slip: the gap beyond every rounding is at most one printed unit, and the
    figure at most ``SLIP_REACH`` units from the exact value (so a loose input, ``10 km
    (8 miles)``, cannot turn a wrong figure into a slip) and, where a percentage means
    something (``relative``), less than ``SLIP_PCT`` off it: one unit in a figure's only
    digit is no slip (``5 cm (3 inches)`` is 52% off 1.97 inches). A bounded figure ("almost
    15,000") is judged on the gap alone."""
    step = abs(figure.step)
    if gap > step:
        return False
    if figure.bound in ("upper", "lower"):
        return True
    off = abs(figure.value - central)
    if relative and central and off >= abs(central) * SLIP_PCT / HUNDRED:
        return False
    return off <= step * SLIP_REACH


def deviation_pct(stated: Decimal, expected: Decimal) -> Decimal | None:
    """(stated - expected) / expected x 100; None for a zero expected value."""
    if not expected:
        return None
    return (stated - expected) / expected * HUNDRED
