"""Stated arithmetic judged: does the stated figure follow from the story's own figures?

Each ``ArithmeticClaim`` read by ``claims.extract.arithmetic`` names its relation; this module
recomputes it and judges the stated figure with the tolerance kernel (``tolerance``). Every
input stands for half a unit in its last printed digit (a plain count in a share, ``7 of the
12``, is exact); the relation is monotone in each input, so its range over the input
intervals is found at the corners; the stated figure's own interval comes from
``tolerance.printed`` (its trailing zeros, its qualifier).

A percent stated where the figures give percentage points (or the reverse) is ARI004, an error
with that diagnosis; a percent change from zero is ARI005 (unverifiable). A share that fits
only if its counts were themselves rounded is at most a warning; a share whose base was read
from an earlier sentence is never an error (the link is inferred), and a vote share below the
computed one is not judged (candidates may be missing from the list).

How a claim was read bounds its verdict (``ArithmeticClaim.certainty``): a ``stated`` claim
gets any verdict, an ``inferred`` one at most a warning, and a ``guess`` (or a claim with
``alternatives``, other readings of the same cue) is reported only when a reading fits and the
figures pin the stated one down (``INFORMATIVE``): a false error is worse than a miss. Inputs
hedged in the story (``almost 1,500``) stand for what their qualifier allows, and an input
rounded to thousands (``10,000``) for half a unit in its last significant digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal, DivisionByZero, InvalidOperation
from itertools import product

from claims import wording
from claims.check import tolerance as tol
from claims.check.tolerance import Interval, Judgement
from claims.model import ArithmeticClaim, Expected, Finding, Quantity, Verdict, round_pct
from claims.pattern_cache import compile as compile_pattern
from claims.rules import ARITHMETIC as CHECK
from claims.rules import code_for

__all__ = ["check_arithmetic"]

HUNDRED = Decimal(100)


def check_arithmetic(claims: Iterable[ArithmeticClaim]) -> list[Finding]:
    """A finding for every claim whose relation has a value for its figures."""
    out = []
    for claim in claims:
        finding = _judge_claim(claim)
        if finding is not None:
            out.append(finding)
    return out


def _judge_claim(claim: ArithmeticClaim) -> Finding | None:
    """One claim and its alternative readings: a reading that fits is the finding; with no
    fit, a claim read two ways or by a guess gives nothing, an inferred one at most a
    warning (see ``ArithmeticClaim.certainty``)."""
    readings = (claim, *claim.alternatives)
    found = [_JUDGES[r.relation](r) for r in readings]
    sure = claim.certainty == "stated" and len(readings) == 1
    fits = [
        f
        for f, r in zip(found, readings, strict=True)
        if f is not None and f.verdict is Verdict.OK and (sure or _telling(f, r))
    ]
    if fits:
        return fits[0]
    if len(readings) > 1 or claim.certainty == "guess":
        return None
    finding = found[0]
    if finding is not None and claim.certainty == "inferred" and finding.verdict is Verdict.ERROR:
        finding = replace(
            finding,
            verdict=Verdict.WARNING,
            code=code_for(CHECK, Verdict.WARNING),
            detail=finding.detail or _INFERRED,
        )
    return finding


_INFERRED = (
    "read across two sentences: the link between the figures is inferred, not stated, so at "
    "most a warning"
)


# ------------------------------------------------------------------ the kernel, for relations


def relation_range(
    fn: Callable[..., Decimal],
    values: Sequence[Decimal],
    halves: Sequence[Decimal],
    intervals: Sequence[Interval | None] = (),
) -> tuple[Decimal, Interval] | None:
    """(central value, range over the input intervals) of ``fn``; None if undefined (÷0).
    ``intervals`` (when given, per input, None for ``v +/- h``) replace an input's range."""
    ends = [(v - h, v + h) for v, h in zip(values, halves, strict=True)]
    for i, iv in enumerate(intervals):
        if iv is not None:
            ends[i] = (iv.low, iv.high)
    try:
        central = fn(*values)
        corners = [fn(*c) for c in product(*ends)]
    except (DivisionByZero, InvalidOperation, ZeroDivisionError, ArithmeticError):
        return None
    return central, Interval(min(corners), max(corners))


ROUND_ZEROS = 3  # an input ending in this many zeros ("10,000") is rounded to them


def half(q: Quantity) -> Decimal:
    """Half a unit in the last printed digit of an input; for a figure rounded to thousands
    or more (``10,000``, ``30,000``), half a unit in its last significant digit
    (``tolerance.significant_step``: two digits always meant, ``10,000`` is 9,500-10,500)."""
    digits = q.text.rstrip("+ ").replace(",", "")
    if not q.decimals and not q.scale_text and len(digits) - len(digits.rstrip("0")) >= ROUND_ZEROS:
        return abs(tol.significant_step(q)) * tol.HALF
    return abs(q.step) * tol.HALF


def count_half(q: Quantity) -> Decimal:
    """How far a share's part or whole may be from its printed value: a plain whole number
    ending in a non-zero digit ("7 of the 12") is a count, exact; a round, scaled, decimal,
    money or qualified figure stands for half a unit in its last digit."""
    if (
        q.decimals
        or q.scale_text
        or q.unit
        or q.bound
        or not q.text[-1:].isdigit()
        or q.text.endswith("0")
    ):
        return half(q)
    return Decimal(0)


def judge(
    fn: Callable[..., Decimal],
    inputs: Sequence[Quantity],
    stated: Quantity,
    halves: Sequence[Decimal] | None = None,
    *,
    step: Decimal | None = None,
) -> Judgement | None:
    """``stated`` against ``fn`` over ``inputs``; None when the relation is undefined."""
    halves = [half(q) for q in inputs] if halves is None else halves
    # a hedged input ("almost 1,500") stands for what its qualifier allows
    intervals = [
        tol.printed(q, step=2 * h) if q.bound else None for q, h in zip(inputs, halves, strict=True)
    ]
    found = relation_range(fn, [q.value for q in inputs], halves, intervals)
    if found is None:
        return None
    central, expected = found
    said = tol.printed(stated, step=tol.significant_step(stated) if step is None else step)
    return tol.judge(expected, central, said, stated)


def show(value: Decimal, like: Quantity) -> str:
    """``value`` printed like the stated figure, one more decimal when they would look equal."""
    scale = wording.multiplier_of(like) if like.scale_text else Decimal(1)
    shown, stated = value / scale, like.value / scale
    fmt = _indian if _INDIAN.search(like.text) else wording.fmt
    text = fmt(shown, like.decimals)
    if text == fmt(stated, like.decimals) and shown != stated:
        text = fmt(shown, like.decimals + 1)
    return text + (f" {like.scale_text}" if like.scale_text else "")


def _expected_text(value: Decimal, stated: Quantity, unit: str | None) -> str:
    """The expected figure as the story writes the stated one: ``7%``, ``7 per cent``."""
    text = show(value, stated)
    if unit != "%":
        return text
    m = _PERCENT_WORD.search(stated.text)
    return text + ("%" if m is None else f" {m.group().lower()}")


_PERCENT_WORD = compile_pattern(r"per\s?cent|percent", re.IGNORECASE)
_INDIAN = compile_pattern(r"\d,\d\d,\d{3}")  # 1,84,203: lakh and crore grouping


def _indian(value: Decimal, decimals: int) -> str:
    """``value`` grouped the Indian way, as the story writes it: 1654171 -> '16,54,171'."""
    text = wording.fmt(value, decimals).replace(",", "")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, frac = text.partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return sign + ",".join([*groups, tail]) + (dot + frac if dot else "")


def _finding(
    claim: ArithmeticClaim,
    j: Judgement,
    message: str,
    unit: str | None,
    *,
    code: str | None = None,
    verdict: Verdict | None = None,
    diagnosis: tuple[str, str] | None = None,
    said: str | None = None,
    expected_text: str | None = None,
) -> Finding:
    """The finding of a judged claim; ``message`` is what the figures give."""
    verdict = verdict or j.verdict
    said = said or claim.stated.text
    if code is None:
        code = code_for(CHECK, verdict)
        if verdict is Verdict.OK:
            message = f"{message}: {said} is right within rounding"
        else:
            slip = "just outside" if verdict is Verdict.WARNING else "outside"
            message = f"{message}, not {said} ({slip} what the printed figures allow)"
    ok = j.acceptable
    return Finding(
        code=code,
        check=CHECK,
        verdict=verdict,
        message=message,
        span=claim.span,
        text=claim.text,
        expected=Expected(
            j.central,
            ok.low,
            ok.high,
            unit,
            expected_text or _expected_text(j.central, claim.stated, unit),
        ),
        deviation_pct=round_pct(tol.deviation_pct(claim.stated.value, j.central)),
        diagnosis=diagnosis[0] if diagnosis else None,
        detail=diagnosis[1] if diagnosis else None,
        figures={**claim.figures, "stated": claim.stated},
    )


# ------------------------------------------------------------------ one judge per relation


def _change(claim: ArithmeticClaim) -> Finding | None:
    """A stated percent or percentage-point change from ``old`` to ``new``."""
    a, b, p = claim.figures["old"], claim.figures["new"], claim.stated
    assert isinstance(a, Quantity) and isinstance(b, Quantity)
    sign = claim.direction

    def rel(x: Decimal, y: Decimal) -> Decimal:
        return sign * (y - x) / x * HUNDRED

    def points(x: Decimal, y: Decimal) -> Decimal:
        return sign * (y - x)

    in_points = p.unit == "percentage points"
    wanted, other = (points, rel) if in_points else (rel, points)
    word = "rise" if sign > 0 else "fall"
    unit = "percentage points" if in_points else "%"
    if a.value == 0:
        return Finding(
            code_for(CHECK, Verdict.UNVERIFIABLE),
            CHECK,
            Verdict.UNVERIFIABLE,
            "cannot check: the change is from zero, so no percent applies",
            claim.span,
            claim.text,
            diagnosis="zero-base",
            figures={**claim.figures, "stated": p},
        )
    j = judge(wanted, [a, b], p)
    if j is None:
        return None
    if j.verdict is not Verdict.OK and a.unit == "%":
        alt = judge(other, [a, b], p)
        if alt is not None and alt.verdict is Verdict.OK and abs(alt.central - p.value) <= half(p):
            pts = show(j.central if in_points else alt.central, p)
            pct = show(alt.central if in_points else j.central, p)
            said = "the percent change as points" if in_points else "the points as percent"
            message = (
                f"from {a.text} to {b.text} is a {word} of {pts} percentage points, or "
                f"{pct}%; {p.text} gives {said}"
            )
            return _finding(
                claim,
                j,
                message,
                unit,
                code="ARI004",
                verdict=Verdict.ERROR,
                diagnosis=(
                    "percent-vs-points",
                    "percent and percentage points confused: a change "
                    "between two percentages is a difference in points, "
                    "or a relative change in percent",
                ),
            )
    wrong_way = j.verdict is not Verdict.OK and j.central < 0 < p.value
    message = (
        f"from {a.text} to {b.text} is a {word} of {show(j.central, p)}"
        f"{'' if unit == '%' else ' '}{unit}"
    )
    return _finding(
        claim,
        j,
        message,
        unit,
        diagnosis=("wrong-direction", "the figures move the other way") if wrong_way else None,
    )


def _change_amount(claim: ArithmeticClaim) -> Finding | None:
    """``rose by P% to B, an increase of D``: D against B - B / (1 + P/100)."""
    p, b, d = claim.figures["change"], claim.figures["new"], claim.stated
    assert isinstance(p, Quantity) and isinstance(b, Quantity)
    sign = claim.direction

    def amount(pp: Decimal, y: Decimal) -> Decimal:
        return sign * (y - y / (1 + sign * pp / HUNDRED))

    j = judge(amount, [p, b], d)
    if j is None:
        return None
    word = "increase" if sign > 0 else "fall"
    return _finding(claim, j, f"a {p.text} {word} to {b.text} is {show(j.central, d)}", d.unit)


INFORMATIVE = Decimal("0.5")  # a guessed reading must pin its figure to within this share


def _telling(f: Finding, claim: ArithmeticClaim) -> bool:
    """Whether a fit says something: the figures pin the stated one down to a range narrower
    than ``INFORMATIVE`` of its size (``10% to £1.1bn (2023: £1bn)``: any of 0-21% would fit,
    so a guessed reading of it confirms nothing). The acceptable range less the stated
    figure's own width is what the figures allow."""
    e = f.expected
    if e is None:
        return False
    said = claim.stated
    own = tol.printed(
        said, step=said.step if said.unit == "times" else tol.significant_step(said), bounds=False
    )
    width = abs(e.high - e.low) - abs(own.high - own.low)
    return width <= INFORMATIVE * abs(e.value)


def _change_by_amount(claim: ArithmeticClaim) -> Finding | None:
    """``246,512, up 64,699, an increase of 36%``: the amount over the level it came from."""
    d, b, p = claim.figures["amount"], claim.figures["level"], claim.stated
    assert isinstance(d, Quantity) and isinstance(b, Quantity)
    sign = claim.direction

    def rel(x: Decimal, y: Decimal) -> Decimal:
        return x / (y - sign * x) * HUNDRED

    j = judge(rel, [d, b], p)
    if j is None:
        return None
    word = "up" if sign > 0 else "down"
    base = b.value - sign * d.value
    message = (
        f"{b.text}, {word} {d.text} from {show(base, b)}, is a "
        f"{'rise' if sign > 0 else 'fall'} of {show(j.central, p)}%"
    )
    return _finding(claim, j, message, "%")


def _per_unit(claim: ArithmeticClaim) -> Finding | None:
    """``$1.78 million, or $11,974 per acre`` for 148.65 acres: the total over the count."""
    total, count, s = claim.figures["total"], claim.figures["count"], claim.stated
    assert isinstance(total, Quantity) and isinstance(count, Quantity)
    j = judge(lambda x, y: x / y, [total, count], s)
    if j is None:
        return None
    return _finding(
        claim,
        j,
        f"{total.text} over {count.text} is {s.unit_text}{show(j.central, s)} per {claim.word}",
        s.unit,
    )


def _multiple(claim: ArithmeticClaim) -> Finding | None:
    """``doubled``, ``three times``, ``x-fold``: compared / base against the stated factor."""
    a, b, f = claim.figures["base"], claim.figures["compared"], claim.stated
    assert isinstance(a, Quantity) and isinstance(b, Quantity)
    if f.unit == "times":  # a word: its interval is half its step either way,
        f = replace(f, step=f.step / 2)  # and a slip is at most that half
        j = judge(lambda x, y: y / x, [a, b], f, step=f.step * 2)
    else:
        j = judge(lambda x, y: y / x, [a, b], f, step=f.step)
    if j is None:
        return None
    return _finding(
        claim,
        j,
        f"{b.text} is {wording.fmt(j.central, 2)} times {a.text}",
        "times",
        said=claim.word,
        expected_text=wording.fmt(j.central, 2),
    )


def _multiple_of_change(claim: ArithmeticClaim) -> Finding | None:
    """``from 110 to 219 ... almost six times the national rate ... up 17%``: the percent
    change from old to new over the stated rate, against the stated factor."""
    a, b, r, f = (claim.figures["old"], claim.figures["new"], claim.figures["base"], claim.stated)
    assert isinstance(a, Quantity) and isinstance(b, Quantity) and isinstance(r, Quantity)
    fn = lambda x, y, z: (y - x) / x * HUNDRED / z  # noqa: E731
    if f.unit == "times":
        f = replace(f, step=f.step / 2)
        j = judge(fn, [a, b, r], f, step=f.step * 2)
    else:
        j = judge(fn, [a, b, r], f, step=f.step)
    if j is None:
        return None
    change = (b.value - a.value) / a.value * HUNDRED
    return _finding(
        claim,
        j,
        f"from {a.text} to {b.text} is a change of "
        f"{wording.fmt(change, 1)}%, {wording.fmt(j.central, 2)} times "
        f"{r.text}",
        "times",
        said=claim.word,
        expected_text=wording.fmt(j.central, 2),
    )


def _share(claim: ArithmeticClaim) -> Finding | None:
    """``part of whole (P%)``: part / whole x 100 against P."""
    part, whole, p = claim.figures["part"], claim.figures["whole"], claim.stated
    assert isinstance(part, Quantity) and isinstance(whole, Quantity)
    share = lambda x, y: x / y * HUNDRED  # noqa: E731
    j = judge(share, [part, whole], p, [count_half(part), count_half(whole)])
    if j is None:
        return None
    if j.verdict is Verdict.ERROR:
        # Fits only if the counts were themselves rounded: flag it, but not as an error
        # (a printed figure may always stand for half a unit in its last digit).
        loose = judge(share, [part, whole], p)
        if loose is not None and loose.verdict is not Verdict.ERROR:
            j = replace(loose, verdict=Verdict.WARNING)
    return _finding(claim, j, f"{part.text} of {whole.text} is {show(j.central, p)}%", "%")


def _total(claim: ArithmeticClaim) -> Finding | None:
    """Listed parts against their stated total."""
    parts = claim.figures["parts"]
    assert isinstance(parts, tuple)
    total = claim.stated
    j = judge(lambda *xs: sum(xs, Decimal(0)), parts, total)
    if j is None:
        return None
    return _finding(
        claim, j, f"{' + '.join(q.text for q in parts)} = {show(j.central, total)}", total.unit
    )


def _remainder(claim: ArithmeticClaim) -> Finding | None:
    """Shares of one whole: the last against 100 less the others."""
    parts = claim.figures["parts"]
    assert isinstance(parts, tuple)
    j = judge(lambda *xs: HUNDRED - sum(xs, Decimal(0)), parts, claim.stated)
    if j is None:
        return None
    return _finding(
        claim,
        j,
        f"100% less {' and '.join(q.text for q in parts)} leaves {show(j.central, claim.stated)}%",
        "%",
    )


def _difference(claim: ArithmeticClaim) -> Finding | None:
    """``Labour on 593 ... Conservatives on 520, Majority 73``: first - second against d."""
    a, b, d = claim.figures["first"], claim.figures["second"], claim.stated
    assert isinstance(a, Quantity) and isinstance(b, Quantity)
    j = judge(lambda x, y: x - y, [a, b], d)
    if j is None:
        return None
    return _finding(claim, j, f"{a.text} - {b.text} = {show(j.central, d)}", d.unit)


def _difference_unit(claim: ArithmeticClaim) -> Finding | None:
    """``31.5mpg, 12.6mpg below`` the one other figure in that unit."""
    a, b, d = claim.figures["reference"], claim.figures["figure"], claim.stated
    assert isinstance(a, Quantity) and isinstance(b, Quantity)
    below = claim.direction < 0
    j = judge((lambda x, y: x - y) if below else (lambda x, y: y - x), [a, b], d)
    if j is None:
        return None
    return _finding(
        claim,
        j,
        f"{b.text} is {show(j.central, d)}{b.unit_text} {claim.word} {a.text}",
        b.unit_text or None,
    )


def _vote_share(claim: ArithmeticClaim) -> Finding | None:
    """The first count's share of all the listed counts."""
    part, counts, p = claim.figures["part"], claim.figures["listed"], claim.stated
    assert isinstance(part, Quantity) and isinstance(counts, tuple)
    share = lambda x, *rest: x / (x + sum(rest, Decimal(0))) * HUNDRED  # noqa: E731
    j = judge(share, counts, p, [count_half(q) for q in counts])
    if j is None:
        return None
    if j.verdict is Verdict.ERROR:
        loose = judge(share, counts, p)
        if loose is not None and loose.verdict is not Verdict.ERROR:
            j = replace(loose, verdict=Verdict.WARNING)
    if j.verdict is not Verdict.OK and p.value < j.central:
        return None  # a longer list (candidates not named) would fit
    total = sum((q.value for q in counts), Decimal(0))
    return _finding(
        claim,
        j,
        f"{part.text} of the listed {' + '.join(q.text for q in counts)} = "
        f"{wording.fmt(total, 0)} is {show(j.central, p)}%",
        "%",
    )


def _earlier_share(claim: ArithmeticClaim) -> Finding | None:
    """COUNT (P%) against the whole numbers above COUNT in the earlier sentences."""
    c, p = claim.figures["part"], claim.stated
    assert isinstance(c, Quantity)
    share = lambda x, y: x / y * HUNDRED  # noqa: E731
    judged = [
        (base, judge(share, [c, base.figure], p, [Decimal(0), Decimal(0)], step=p.step))
        for base in claim.bases
    ]
    ok = [(b, j) for b, j in judged if j is not None and j.verdict is Verdict.OK]
    slips = [(b, j) for b, j in judged if j is not None and j.verdict is Verdict.WARNING]
    if ok:
        if len({b.figure.value for b, _ in ok}) != 1:
            return None  # two bases fit: which one is meant is a guess
        base, j = ok[0]
    elif (
        len({b.figure.value for b, _ in slips}) == 1
        and set(claim.rivals) == {slips[0][0].figure.value}
        and slips[0][0].linked
    ):
        base, j = slips[0]
    else:
        return None
    assert j is not None
    back = base.sentences_back
    where = "the previous sentence" if back == 1 else f"{back} sentences back"
    b = base.figure
    message = f"{c.text} of {b.text} (the base, from {where}) is {show(j.central, p)}%"
    diagnosis = (
        None
        if j.verdict is Verdict.OK
        else (
            "base-elsewhere",
            f"the base {b.text} comes from {where}, where an explicit phrase names it",
        )
    )
    return _finding(
        replace(claim, figures={**claim.figures, "whole": b}), j, message, "%", diagnosis=diagnosis
    )


_JUDGES: dict[str, Callable[[ArithmeticClaim], Finding | None]] = {
    "change": _change,
    "change-amount": _change_amount,
    "multiple": _multiple,
    "share": _share,
    "total": _total,
    "difference": _difference,
    "difference-unit": _difference_unit,
    "vote-share": _vote_share,
    "earlier-share": _earlier_share,
    "change-by-amount": _change_by_amount,
    "per-unit": _per_unit,
    "remainder": _remainder,
    "multiple-of-change": _multiple_of_change,
}
