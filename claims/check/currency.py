"""Currency conversions: does the restated figure fit the reference rates of the story's date?

The model (after statcheck): a printed figure stands for an interval (half a unit in its last
printed digit; "about" widens it; "more than" bounds it). The original figure is taken as the
number the desk converted: its rounding counts, but at most ``ORIGINAL_CAP_PCT`` percent, so a
round "100 trillion" is no licence to accept anything. The expected converted figure spans the
reference rates of the window (the as-of date and ``window_days`` before it), widened by a
margin for a desk's market rate. Overlap is ``ok``; a gap of at most ``WARNING_BAND_PCT`` is a
``warning`` (rounding slop, a stale or different-source rate); more is an ``error``, with a
diagnosis (wrong scale, decimal slip, inverted rate, wrong currency, another period's rate).
Missing rates or unsure currencies are ``unverifiable``, never ``ok``. When the store's data
ends before the as-of date, small gaps are warnings that say the data is stale.

Codes: CUR001 error, CUR002 warning, CUR003 ok, CUR004 unverifiable, CUR005 stated rate vs
reference, CUR006 conversion vs the story's own stated rate, CUR007 conversions that disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal, localcontext
from typing import Literal

from claims.check.diagnose import diagnose
from claims.check.judge import (
    STALE_DRIFT_CAP_PCT,
    STALE_DRIFT_PCT_PER_DAY,
    STATED_MARGIN_PCT,
    WARNING_BAND_PCT,
    Fit,
    converted_interval,
    fit,
    original_interval,
)
from claims.check.rate_window import RateSource, RateWindow, rate_end_for
from claims.check.tolerance import HUNDRED, Interval
from claims.errors import RateError
from claims.model import (
    CurrencyConversion,
    Expected,
    Extraction,
    Finding,
    Quantity,
    Rate,
    StatedRate,
    Verdict,
    evolve,
    plain,
    round_pct,
)
from claims.rules import CURRENCY as CHECK
from claims.wording import format_rate, rate_phrase, write_like


def check_conversions(
    extraction: Extraction,
    store: RateSource,
    as_of: date,
    *,
    window_days: int = 7,
    margin_pct: Decimal = Decimal("1"),
) -> tuple[list[Finding], list[str]]:
    """Findings for every conversion and stated rate in one story, plus notes (stale data)."""
    notes: list[str] = []
    rate_end, stale_days = rate_end_for(store, as_of)
    if stale_days:
        notes.append(
            f"rate data ends {rate_end.isoformat()}, {stale_days} days before the as-of date "
            f"{as_of.isoformat()}; small deviations are reported as warnings. "
            "Run `claims rates update` for newer rates."
        )
    ctx = RateWindow(store, as_of, rate_end, stale_days, window_days, margin_pct)
    findings = [_check_stated_rate(ctx, sr) for sr in extraction.stated_rates]
    checked: list[tuple[CurrencyConversion, Fit]] = []
    stated = _stated_index(extraction.stated_rates)
    for conv in extraction.conversions:
        finding, judgement = _check_conversion(ctx, conv, stated, extraction.language)
        findings.append(finding)
        if judgement is not None and finding.verdict is Verdict.OK:
            checked.append((conv, judgement))
    findings.extend(_disagreements(checked, margin_pct))
    return findings, notes


# ------------------------------------------------------------------ one conversion


def _check_conversion(
    ctx: RateWindow,
    conv: CurrencyConversion,
    stated_rates: dict[tuple[str, str], StatedRate],
    language: str | None = None,
) -> tuple[Finding, Fit | None]:
    """One conversion; a currency read by default, or a figure that reads two ways, is tried
    on its other readings: a gap is reported only when it holds on every reading."""
    unknown = _unknown_currency(conv.original) or _unknown_currency(conv.converted)
    if unknown:
        return _finding(
            conv, "CUR004", Verdict.UNVERIFIABLE, unknown, diagnosis="ambiguous-currency"
        ), None
    finding, judgement = _check_pair(ctx, conv, stated_rates)
    guessed = [m for m in (conv.original, conv.converted) if m.unit_guessed]
    two_way = [m for m in (conv.original, conv.converted) if m.ambiguous]
    if two_way and finding.verdict in (Verdict.ERROR, Verdict.WARNING):
        other = _other_reading_fits(ctx, conv, stated_rates, language)
        if other is not False:
            return _on_a_guess(finding, two_way, "ambiguous-figure", other), None
        why = "; ".join(m.reading_note or "" for m in two_way)
        finding = replace(finding, message=f"{finding.message} [on every reading: {why}]")
    if not guessed or finding.verdict is Verdict.UNVERIFIABLE:
        return finding, judgement
    notes = "; ".join(m.unit_note or "" for m in guessed)
    if finding.verdict is not Verdict.OK:
        for money in guessed:
            for alt in money.unit_candidates:
                if alt == money.unit:
                    continue
                other_conv = _with_currency(conv, money, alt)
                alt_finding, _ = _check_pair(ctx, other_conv, stated_rates)
                if alt_finding.verdict is Verdict.OK:
                    return _finding(
                        conv,
                        "CUR004",
                        Verdict.UNVERIFIABLE,
                        f"ambiguous currency: {money.text!r} was read as {money.unit}, but "
                        f"the conversion fits {alt}; name the currency ({notes})",
                        diagnosis="ambiguous-currency",
                    ), None
        if not any(m.unit_candidates for m in guessed):  # nothing else to try
            return _on_a_guess(finding, guessed, "ambiguous-currency", None), None
        notes += "; it does not fit any of the other currencies either"
    return replace(finding, message=f"{finding.message} [{notes}]"), judgement


def _other_values(money: Quantity, language: str | None) -> list[Quantity] | None:
    """The figure on its other readings: the decimal mark taken the other way (``12.345``:
    12345 or 12.345), a scale word's other power of ten (``billion``: 10^9 or 10^12); None
    when the other reading cannot be told (a scale word left out)."""
    note = money.reading_note or ""
    factors: list[Decimal] = []
    if "depending on the language" in note and money.scale_text:
        from claims.extract.language import base_of
        from claims.extract.scales import scale_value

        try:
            used = scale_value(money.scale_text, base_of(language)).adjusted()
        except KeyError:
            return None
        factors = [
            Decimal(10) ** (int(e) - used) for e in re.findall(r"10\^(\d+)", note) if int(e) != used
        ]
    elif " read with " in note or " read as thousands" in note:
        factors = [Decimal(1000) if money.decimals >= 3 else Decimal("0.001")]
    if not factors:
        return None
    return [
        replace(
            money,
            value=money.value * f,
            step=money.step * f,
            high=money.high * f if money.high is not None else None,
            decimals=0 if f > 1 else money.decimals + 3,
        )
        for f in factors
    ]


def _other_reading_fits(
    ctx: RateWindow,
    conv: CurrencyConversion,
    stated_rates: dict[tuple[str, str], StatedRate],
    language: str | None,
) -> str | Literal[False] | None:
    """How a two-way conversion fits on another reading of its figures (a description), None
    when another reading cannot be told, False when no other reading fits either."""
    sides = []
    for money in (conv.original, conv.converted):
        if not money.ambiguous:
            sides.append([money])
            continue
        others = _other_values(money, language)
        if others is None:
            return None
        sides.append([money, *others])
    for orig in sides[0]:
        for converted in sides[1]:
            if orig is conv.original and converted is conv.converted:
                continue
            other = replace(conv, original=orig, converted=converted)
            found, _ = _check_pair(ctx, other, stated_rates)
            if found.verdict in (Verdict.OK, Verdict.WARNING):
                changed = [
                    f"{m.text!r} as {plain(m.value)}"
                    for m, was in ((orig, conv.original), (converted, conv.converted))
                    if m is not was
                ]
                return f"it fits with {' and '.join(changed)}"
    return False


def _on_a_guess(
    finding: Finding, guesses: Sequence[Quantity], diagnosis: str, other: str | None
) -> Finding:
    """A gap found on a guessed reading is not a verdict: ``unverifiable`` (CUR004), saying
    what was guessed and what the reading would have said; the expected figure and the rate
    stay as evidence. A false error built on a guess is worse than a miss (issue 10)."""
    if diagnosis == "ambiguous-figure":
        why = "; ".join(m.reading_note or f"{m.text!r} reads two ways" for m in guesses)
        head = "the figures read two ways"
    else:
        why = "; ".join(
            f"{m.text!r} read as {m.unit}: {m.unit_note or 'no cue in the story'}" for m in guesses
        )
        head = "the currency was guessed"
    said = (
        f"{finding.verdict.value} ({finding.diagnosis})"
        if finding.diagnosis
        else finding.verdict.value
    )
    fits = f"; {other}" if other else ""
    return replace(
        finding,
        code="CUR004",
        verdict=Verdict.UNVERIFIABLE,
        diagnosis=diagnosis,
        message=f"cannot verify: {head} ({why}); on that reading it would be "
        f"{said}: {finding.message}{fits}; set number_format/language or "
        "name the currency",
    )


def _with_currency(conv: CurrencyConversion, money: Quantity, code: str) -> CurrencyConversion:
    if money is conv.original:
        return replace(conv, original=replace(money, unit=code))
    return replace(conv, converted=replace(money, unit=code))


def _check_pair(
    ctx: RateWindow,
    conv: CurrencyConversion,
    stated_rates: dict[tuple[str, str], StatedRate],
) -> tuple[Finding, Fit | None]:
    orig, conv_m = conv.original, conv.converted
    try:
        rates = ctx.window(orig.unit, conv_m.unit)  # type: ignore[arg-type]
    except RateError as exc:
        return _finding(
            conv,
            "CUR004",
            Verdict.UNVERIFIABLE,
            f"no reference rate for {orig.unit}/{conv_m.unit}: {exc}",
            diagnosis="no-rate",
        ), None
    if not rates:
        return _finding(
            conv,
            "CUR004",
            Verdict.UNVERIFIABLE,
            f"no reference rate for {orig.unit}/{conv_m.unit} near {ctx.rate_end.isoformat()}",
            diagnosis="no-rate",
        ), None
    margin = coarse_margin(rates, ctx.margin_pct)  # issue 13 hook
    judgement = fit(orig, conv_m, rates, margin)
    stated = _matching_stated_rate(orig, conv_m, stated_rates)
    if stated is not None:
        own = fit(orig, conv_m, [stated], STATED_MARGIN_PCT)
        if own.gap_pct == 0:
            return _report(
                conv,
                judgement,
                Verdict.OK,
                "CUR003",
                f"fits the story's own rate ({stated_rate_text(own.rate)})",
                rate=own.rate,
                expected_from=own,
            ), own
        if judgement.gap_pct == 0:
            return _report(
                conv,
                judgement,
                Verdict.WARNING,
                "CUR006",
                f"does not fit the story's own rate ({stated_rate_text(own.rate)}) "
                f"but fits the reference rate",
                diagnosis="disagrees-with-stated-rate",
                expected_from=own,
            ), judgement
    if judgement.gap_pct == 0:
        verdict, code = Verdict.OK, "CUR003"
        return _report(
            conv, judgement, verdict, code, coarse_note(rates, margin) or "fits the reference rate"
        ), judgement
    diag = diagnose(ctx, orig, conv_m, judgement)
    allowed = WARNING_BAND_PCT
    if ctx.stale_days:
        allowed = max(
            allowed,
            min(STALE_DRIFT_CAP_PCT, WARNING_BAND_PCT + STALE_DRIFT_PCT_PER_DAY * ctx.stale_days),
        )
    if margin > ctx.margin_pct:  # issue 13 hook: a monthly rate's
        allowed = max(allowed, margin)  # warnings reach as far again
    gross = diag is not None and diag.gross
    settled = diag is not None and diag.settles_as_warning
    if (judgement.gap_pct <= allowed or settled) and not gross:
        reason = (
            diag.message
            if diag
            else (
                "stale rate data"
                if ctx.stale_days
                else coarse_note(rates, margin, outside=True)
                or "outside the reference window: rounding, a stale or a different source's rate"
            )
        )
        code_diag = diag.code if diag else ("stale-data" if ctx.stale_days else "off-window")
        return _report(
            conv, judgement, Verdict.WARNING, "CUR002", reason, diagnosis=code_diag
        ), judgement
    message = diag.message if diag else "does not fit the reference rates"
    return _report(
        conv,
        judgement,
        Verdict.ERROR,
        "CUR001",
        message,
        diagnosis=diag.code if diag else "mismatch",
    ), judgement


def _unknown_currency(money: Quantity) -> str | None:
    if money.unit is None:
        note = money.unit_note or "currency could not be told"
        return f"cannot verify {money.text!r}: {note}"
    return None


def _stated_index(stated: Sequence[StatedRate]) -> dict[tuple[str, str], StatedRate]:
    """The story's first stated rate for each pair, either way round (one lookup per
    conversion: scanning every stated rate for each made long stories quadratic)."""
    index: dict[tuple[str, str], StatedRate] = {}
    for sr in stated:
        index.setdefault((sr.base, sr.quote), sr)
        index.setdefault((sr.quote, sr.base), sr)
    return index


def _matching_stated_rate(
    orig: Quantity, conv: Quantity, stated: dict[tuple[str, str], StatedRate]
) -> Rate | None:
    """The story's own rate for this pair, as converted currency per 1 original currency."""
    sr = stated.get((orig.unit or "", conv.unit or "")) if orig.unit and conv.unit else None
    if sr is None:
        return None
    value = sr.value if (sr.base, sr.quote) == (orig.unit, conv.unit) else 1 / sr.value
    return Rate(
        orig.unit or "",
        conv.unit or "",
        value,
        date.min,
        date.min,
        source=f"stated in the story: {sr.text.strip()}",
        kind="stated",
    )


def stated_rate_text(rate: Rate) -> str:
    """``1 USD = 1,388.15 KRW`` whichever way round the rate is held."""
    return rate_phrase(rate.base, rate.quote, rate.value)


# ------------------------------------------------------------------ stated rates


def _check_stated_rate(ctx: RateWindow, sr: StatedRate) -> Finding:
    """A printed rate such as ``($1 = 1,130.2900 won)`` against the reference window."""
    span_text = sr.text
    try:
        rates = ctx.window(sr.base, sr.quote)
    except RateError as exc:
        return Finding(
            "CUR004",
            CHECK,
            Verdict.UNVERIFIABLE,
            f"no reference rate to check the stated rate: {exc}",
            sr.span,
            span_text,
            diagnosis="no-rate",
            figures={"stated_rate": _rate_quantity(sr)},
        )
    if not rates:
        return Finding(
            "CUR004",
            CHECK,
            Verdict.UNVERIFIABLE,
            "no reference rate near the date",
            sr.span,
            span_text,
            diagnosis="no-rate",
            figures={"stated_rate": _rate_quantity(sr)},
        )
    values = [r.value for r in rates]
    margin = coarse_margin(rates, ctx.margin_pct)  # issue 13 hook
    window = Interval(min(values), max(values)).widened(margin)
    point = Interval(sr.value, sr.value)
    gap = window.gap_pct(point)
    ref = rates[-1]
    written = f"1 {sr.base} = {format_rate(ref.value)} {sr.quote}"  # the story's orientation
    expected = Expected(ref.value, window.low, window.high, sr.quote, written)
    deviation = float((sr.value - ref.value) / ref.value * HUNDRED)
    if gap == 0:
        verdict, code, msg = Verdict.OK, "CUR003", "stated rate fits the reference rate"
    elif gap <= max(WARNING_BAND_PCT, margin if margin > ctx.margin_pct else 0) or ctx.stale_days:
        verdict, code, msg = (
            Verdict.WARNING,
            "CUR005",
            "stated rate is outside the reference window",
        )
    else:
        verdict, code, msg = Verdict.ERROR, "CUR005", "stated rate does not fit the reference rate"
    return Finding(
        code,
        CHECK,
        verdict,
        f"{msg}: reference {written} on {ref.date.isoformat()} "
        f"({ref.source}), range {format_rate(window.low)}-{format_rate(window.high)}",
        sr.span,
        span_text,
        expected=expected,
        deviation_pct=round_pct(deviation),
        rate=ref,
        figures={"stated_rate": _rate_quantity(sr)},
        diagnosis=None if gap == 0 else "stated-rate-off",
    )


# ------------------------------------------------------------------ conversions that disagree


def _disagreements(
    checked: list[tuple[CurrencyConversion, Fit]], margin_pct: Decimal
) -> list[Finding]:
    """Two conversions of one currency pair in a story at rates that cannot both hold.

    Only conversions that each fit the reference window are compared (one already flagged
    needs no second finding): two desks' different rates, each plausible alone.
    """
    out: list[Finding] = []
    seen: dict[frozenset[str], tuple[CurrencyConversion, Interval]] = {}
    for conv, _ in checked:
        pair = (conv.original.unit or "", conv.converted.unit or "")
        implied = _implied_rates(conv, pair)
        key = frozenset(pair)
        if key in seen:
            first, first_rates = seen[key]
            if not first_rates.widened(margin_pct).overlaps(implied):
                out.append(
                    Finding(
                        "CUR007",
                        CHECK,
                        Verdict.WARNING,
                        f"converted at a rate ({_interval_rate_text(implied, pair)}) that disagrees "
                        f"with {first.text!r} earlier in the story ({_interval_rate_text(first_rates, pair)})",
                        conv.span,
                        conv.text,
                        original=conv.original,
                        converted=conv.converted,
                        diagnosis="inconsistent-rates",
                    )
                )
        else:
            seen[key] = (conv, implied)
    return out


def _implied_rates(conv: CurrencyConversion, pair: tuple[str, str]) -> Interval:
    """The rates (in the sorted pair's direction) that the printed figures allow."""
    o, c = original_interval(conv.original), converted_interval(conv.converted)
    if c.low <= 0 or o.low <= 0:
        return Interval(Decimal(0), Decimal("Infinity"))
    per_orig = Interval(c.low / o.high, c.high / o.low)
    if pair[0] <= pair[1]:
        return per_orig
    return Interval(1 / per_orig.high, 1 / per_orig.low)


def _interval_rate_text(iv: Interval, pair: tuple[str, str]) -> str:
    base, quote = sorted(pair)
    return f"1 {base} = {format_rate(iv.mid)} {quote}"


# ------------------------------------------------------------------ building findings


def _report(
    conv: CurrencyConversion,
    j: Fit,
    verdict: Verdict,
    code: str,
    reason: str,
    *,
    diagnosis: str | None = None,
    rate: Rate | None = None,
    expected_from: Fit | None = None,
) -> Finding:
    src = expected_from or j
    rate = rate or j.rate
    conv_m = conv.converted
    expected_text = write_like(conv_m, src.central)
    range_text = (
        f"{write_like(conv_m, src.expected.low, extra_decimals=1)} to "
        f"{write_like(conv_m, src.expected.high, extra_decimals=1)}"
    )
    expected = Expected(
        src.central, src.expected.low, src.expected.high, conv_m.unit, expected_text, range_text
    )
    deviation = (conv_m.value - src.central) / src.central * HUNDRED if src.central else None
    cite = (
        f"{stated_rate_text(_display_rate(rate))} on {rate.date.isoformat()} ({rate.source})"
        if rate.kind != "stated"
        else f"{stated_rate_text(_display_rate(rate))} ({rate.source})"
    )
    if verdict is Verdict.OK:
        message = f"{conv_m.text} {reason}: {cite}"
    else:
        message = f"{conv_m.text} should be about {expected_text}: {reason}; rate {cite}"
    return Finding(
        code,
        CHECK,
        verdict,
        message,
        conv.span,
        conv.text,
        original=conv.original,
        converted=conv_m,
        expected=expected,
        deviation_pct=round_pct(deviation),
        diagnosis=diagnosis,
        rate=_display_rate(rate),
    )


_MAJORS = ("USD", "EUR", "GBP", "JPY", "CHF")


def _display_rate(rate: Rate) -> Rate:
    """The rate the way desks write it: 1 USD = 1,388.15 KRW rather than 1 KRW = 0.00072 USD."""
    if rate.quote in _MAJORS and (rate.base not in _MAJORS or rate.value < 1):
        return evolve(rate, base=rate.quote, quote=rate.base, value=_cite(1 / rate.value))
    return evolve(rate, value=_cite(rate.value))


def _cite(value: Decimal) -> Decimal:
    """A derived rate to 10 significant digits: enough to cite, free of division noise."""
    with localcontext() as ctx:
        ctx.prec = 10
        return (+value).normalize()


def _rate_quantity(sr: StatedRate) -> Quantity:
    """A stated rate as a figure: ``1,130.29`` KRW per USD."""
    return Quantity(sr.text, sr.span, sr.value, f"{sr.quote} per {sr.base}")


def _finding(
    conv: CurrencyConversion,
    code: str,
    verdict: Verdict,
    message: str,
    *,
    diagnosis: str | None = None,
) -> Finding:
    return Finding(
        code,
        CHECK,
        verdict,
        message,
        conv.span,
        conv.text,
        original=conv.original,
        converted=conv.converted,
        diagnosis=diagnosis,
    )


# ------------------------------------------------------------------ coarse rates (issue 13 hook)


def coarse_margin(rates: Sequence[Rate], margin_pct: Decimal) -> Decimal:
    """max(option margin, the margin a coarse (monthly) source gives its rates)."""
    return max([margin_pct] + [r.margin_pct for r in rates if r.margin_pct is not None])


def coarse_note(rates: Sequence[Rate], margin: Decimal, outside: bool = False) -> str | None:
    """How a verdict against a monthly rate is worded (None for daily rates)."""
    coarse = [r for r in rates if r.margin_pct is not None]
    if not coarse:
        return None
    what = f"{coarse[-1].frequency} rate"
    if outside:
        return (
            f"outside the {margin}% margin of a {what}, which is fixed before its period "
            "starts and cannot tell a few percent; check the day's rate"
        )
    return f"fits the {what} within its {margin}% margin"


__all__ = ["check_conversions", "CHECK"]
