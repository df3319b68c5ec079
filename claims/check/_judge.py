"""Interval judging of a stated figure against the relation its inputs imply.

Every printed input stands for half a unit in its last printed digit either side. The relation
(a percent change, a share, a sum ...) is monotone in each input, so its range over the input
intervals is found at the corners. The stated figure has its own interval, bent by its
qualifier: "about" allows one rounding step either side, "almost/nearly/under" read as an upper
bound (the true value may be up to 10% lower), "more than/over" as a lower bound.

Verdicts: ``ok`` when the intervals meet; ``warning`` when the gap is at most one unit in the
stated figure's last printed digit and the figure is at most one unit off the correctly rounded
exact result (a slip; a bound such as "almost" is judged on the gap alone); ``error`` beyond.

Also the arithmetic findings built from a judgement (``verdict_finding``, ``finding``), shared by
``arithmetic`` and ``_context_shares``: code by verdict, message, expected value, figures used.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation
from itertools import product
from typing import Any, Callable, Sequence

from claims import wording
from claims.check import _figures as fig
from claims.check._tokens import Token
from claims.model import Expected, Finding, Quantity, Span, Verdict, round_pct

from claims.rules import ARITHMETIC as CHECK  # noqa: E402

#: How far below (lt) or above (gt) a bound the true value may sit and still be "almost" it.
BOUND_SLACK = Decimal("0.10")


@dataclass(frozen=True)
class Judgement:
    """The expected range of a relation and how a stated figure sits against it."""

    verdict: Verdict
    expected: Decimal
    low: Decimal          # the acceptable range for the stated figure
    high: Decimal
    gap: Decimal


def relation_range(fn: Callable[..., Decimal], values: Sequence[Decimal],
                   halves: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(central, min, max) of ``fn`` over the input intervals; None if undefined (÷0)."""
    try:
        central = fn(*values)
        corners = [fn(*c) for c in product(*((v - h, v + h) for v, h in zip(values, halves)))]
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None
    return central, min(corners), max(corners)


def stated_interval(value: Decimal, half: Decimal, mode: str | None,
                    loose_half: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """The range a stated figure allows, given its rounding and qualifier mode."""
    if mode == "approx":
        wide = max(half * 2, loose_half or half)
        return value - wide, value + wide
    slack = max(abs(value) * BOUND_SLACK, half)
    if mode == "lt":
        return value - slack, value + half
    if mode == "gt":
        return value - half, value + slack
    return value - half, value + half


def judge(fn: Callable[..., Decimal], values: Sequence[Decimal], halves: Sequence[Decimal],
          stated: Decimal, stated_half: Decimal, stated_step: Decimal, mode: str | None = None,
          loose_half: Decimal | None = None) -> Judgement | None:
    """Judge ``stated`` against ``fn(values)``; None when the relation is undefined."""
    rng = relation_range(fn, values, halves)
    if rng is None:
        return None
    central, lo, hi = rng
    s_lo, s_hi = stated_interval(stated, stated_half, mode, loose_half)
    gap = fig.overlap_gap(lo, hi, s_lo, s_hi)
    if gap == 0:
        verdict = Verdict.OK
    elif fig.is_slip(gap, stated_step,
                     None if mode in ("lt", "gt") else abs(stated - central)):
        verdict = Verdict.WARNING
    else:
        verdict = Verdict.ERROR
    return Judgement(verdict, central, lo - (s_hi - stated), hi + (stated - s_lo), gap)


def half(t: Token) -> Decimal:
    """Half a unit in the last printed digit of ``t``."""
    return t.step * fig.HALF


def count_half(t: Token) -> Decimal:
    """How far a share's part or whole may be from its printed value: a plain whole number
    ending in a non-zero digit ("7 of the 12") is a count, exact; a round, scaled, decimal,
    money or qualified figure stands for half a unit in its last digit."""
    r = t.reading
    if r is None or r.decimals or r.scale_text or t.unit or t.mode or t.kind != "N" \
            or not t.text[-1:].isdigit() or t.text.endswith("0"):
        return half(t)
    return Decimal(0)


def judge_stated(fn: Callable[..., Decimal], inputs: list[Token], stated: Token,
                 halves: list[Decimal] | None = None) -> Judgement | None:
    loose = fig.loose_step(stated.reading) * fig.HALF if stated.reading else None
    halves = [half(t) for t in inputs] if halves is None else halves
    return judge(fn, [t.value for t in inputs], halves, stated.value,
                 half(stated), stated.step, stated.mode, loose)


def show(value: Decimal, like: Token) -> str:
    """``value`` printed like the stated figure, one more decimal when they would look equal."""
    r = like.reading
    scale = r.scale if r is not None else Decimal(1)
    decimals = r.decimals if r is not None else 0
    shown, stated = value / scale, like.value / scale
    text = wording.fmt(shown, decimals)
    if text == wording.fmt(stated, decimals) and shown != stated:
        text = wording.fmt(shown, decimals + 1)
    return text + (f" {r.scale_text}" if r is not None and r.scale_text else "")


def verdict_finding(text: str, used: list[Token], stated: Token | None, j: Judgement,
                    unit: str | None, message: str, diag: tuple[str, str] | None,
                    figures: dict[str, Any], stated_text: str | None = None,
                    span: Span | None = None) -> Finding:
    code = {Verdict.OK: "ARI003", Verdict.WARNING: "ARI002", Verdict.ERROR: "ARI001"}[j.verdict]
    said = stated_text or (stated.text if stated else "")
    if j.verdict is Verdict.OK:
        message = f"{message}: {said} is right within rounding"
    else:
        slip = "just outside" if j.verdict is Verdict.WARNING else "outside"
        message = f"{message}, not {said} ({slip} what the printed figures allow)"
    return finding(text, code, j.verdict, used, stated, j, unit, message, diag, figures,
                   span=span)


def finding(text: str, code: str, verdict: Verdict, used: list[Token], stated: Token | None,
            j: Judgement, unit: str | None, message: str, diag: tuple[str, str] | None,
            figures: dict[str, Any], span: Span | None = None) -> Finding:
    span = span or Span(min(t.start for t in used), max(t.end for t in used))
    return Finding(
        code=code, check=CHECK, verdict=verdict, message=message, span=span,
        text=text[span.start:span.end],
        expected=Expected(j.expected, j.low, j.high, unit,
                          show(j.expected, stated) if stated else wording.fmt(j.expected, 2)),
        deviation_pct=round_pct(fig.deviation_pct(stated.value, j.expected)) if stated else None,
        diagnosis=diag[0] if diag else None, detail=diag[1] if diag else None,
        figures=figure_quantities(figures),
    )


def figure_quantities(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures a claim used, by role, as quantities (words such as "doubled" are left to
    the message)."""
    out: dict[str, Any] = {}
    for role, t in figures.items():
        if isinstance(t, Token):
            out[role] = quantity(t)
        elif isinstance(t, list):
            out[role] = tuple(quantity(x) for x in t)
    return out


_KIND_UNIT = {"P": "%", "Q": "percentage points"}


def quantity(t: Token) -> Quantity:
    """A token as a typed figure."""
    r = t.reading
    return Quantity(t.text, Span(t.start, t.end), t.value, _KIND_UNIT.get(t.kind, t.unit or None),
                    t.step, qualifier=t.qualifier, unit_text=t.unit,
                    scale_text=r.scale_text if r else None, decimals=r.decimals if r else 0)


def unverifiable(text: str, used: list[Token], why: str, slug: str = "undefined") -> Finding:
    span = Span(min(t.start for t in used), max(t.end for t in used))
    return Finding(code="ARI005", check=CHECK, verdict=Verdict.UNVERIFIABLE,
                   message=f"cannot check: {why}", span=span, text=text[span.start:span.end],
                   diagnosis=slug)
