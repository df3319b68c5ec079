"""Conversions written the way desks write them, at the real ECB rate of a real day.

A fixed-seed generator picks a day, a currency pair and an amount, converts it at that day's
reference rate, rounds it as print does, and writes the sentence in one of several newsroom
styles. Through the whole pipeline (extraction, the rate store, the verdict) every such
sentence must come out `ok`; the same sentence with the converted figure moved a scale step
must be an `error`, and made 15% larger at least a `warning`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from claims.check import CheckOptions, check_document
from claims.documents import load_document
from claims.model import Verdict

#: currency -> ways a story writes an amount: "{n} {scale} won", "€{n} {scale}", ...
STYLES = {
    "KRW": ["{n} {s} won", "{n} {s} South Korean won"],
    "JPY": ["{n} {s} yen", "¥{n} {s}"],
    "NOK": ["{n} {s} Norwegian crowns", "{n} {s} Norwegian kroner", "NOK {n} {s}"],
    "SEK": ["{n} {s} Swedish crowns", "SEK {n} {s}", "{n} {s} Swedish kronor"],
    "INR": ["{n} {s} Indian rupees", "Rs {n} {s}", "₹{n} {s}"],
    "GBP": ["£{n} {s}", "{n} {s} pounds sterling"],
    "EUR": ["€{n} {s}", "{n} {s} euros", "EUR {n} {s}"],
    "CNY": ["{n} {s} yuan", "RMB {n} {s}", "{n} {s} Chinese yuan"],
    "BRL": ["{n} {s} reais", "R${n} {s}"],
    "ZAR": ["{n} {s} rand", "R{n} {s}"],
    "PLN": ["{n} {s} zlotys", "PLN {n} {s}"],
    "CZK": ["{n} {s} Czech crowns", "CZK {n} {s}"],
    "CHF": ["{n} {s} Swiss francs", "CHF {n} {s}"],
    "HKD": ["HK${n} {s}", "{n} {s} Hong Kong dollars"],
    "SGD": ["S${n} {s}", "{n} {s} Singapore dollars"],
    "AUD": ["A${n} {s}", "{n} {s} Australian dollars"],
    "CAD": ["C${n} {s}", "{n} {s} Canadian dollars"],
    "USD": ["${n} {s}", "US${n} {s}", "{n} {s} U.S. dollars"],
}
TARGETS = ("USD", "EUR")
PAIRS = [
    "{o} ({c})",
    "{o} (about {c})",
    "{o}, or {c},",
    "{o}, or about {c},",
    "{o} ({c} at current exchange rates)",
    "{o}, equivalent to {c},",
]
SCALES = [
    (Decimal(10) ** 6, "million"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 12, "trillion"),
]
#: every currency here has ECB fixings from 2009 on (INR starts 2009-01-02, BRL 2008).
SINCE = date(2009, 1, 2)


def _printed(value: Decimal, digits: int) -> tuple[Decimal, str, str]:
    """``value`` rounded to ``digits`` significant digits, in the scale print would use."""
    mult, word = next(((m, w) for m, w in reversed(SCALES) if value >= m), (Decimal(1), ""))
    number = value / mult
    places = max(0, digits - len(str(int(number))))
    shown = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return shown * mult, f"{shown:,.{places}f}" if not word else f"{shown:.{places}f}", word


def _cases(count: int, seed: int = 1129):
    rng = random.Random(seed)
    span = (date(2026, 10, 30) - SINCE).days
    for _ in range(count):
        day = SINCE + timedelta(days=rng.randrange(span))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        source = rng.choice(sorted(STYLES))
        if rng.random() < 0.3:  # "US$21 billion (188 billion Norwegian crowns)"
            source, target = rng.choice(TARGETS), source
            if source == target:
                target = "JPY"
        else:
            target = rng.choice([t for t in TARGETS if t != source])
        digits = rng.choice([2, 3, 3, 4])
        mantissa = Decimal(rng.randint(10, 999))
        scale, word = rng.choice(SCALES[:2] if source not in ("KRW", "JPY") else SCALES[1:])
        qualifier = rng.choice(["", "", "", "over ", "more than ", "nearly ", "about ", "some "])
        yield (
            day,
            source,
            target,
            mantissa * scale,
            word,
            digits,
            qualifier + rng.choice(STYLES[source]),
            rng.choice(STYLES[target]),
            rng.choice(PAIRS),
        )


def _story(
    day,
    source,
    target,
    amount,
    word,
    digits,
    o_style,
    c_style,
    pair,
    rate,
    factor=1,
    scale_slip=False,
):
    orig_n = f"{amount / dict((w, m) for m, w in SCALES)[word]:f}"
    orig_n = orig_n.rstrip("0").rstrip(".") if "." in orig_n else orig_n
    converted, number, cword = _printed(amount * rate * Decimal(factor), digits)
    if scale_slip:
        cword = {"million": "billion", "billion": "million", "trillion": "billion", "": "million"}[
            cword
        ]
    o = o_style.format(n=orig_n, s=word)
    c = c_style.format(n=number, s=cword).replace("  ", " ").strip()
    return f"{day:%B} {day.day}, {day.year} - The group said it would spend {pair.format(o=o, c=c)} on new plants."


CASES = list(_cases(300))


@pytest.fixture(scope="module")
def judged(rate_store):
    out = []
    for case in CASES:
        day, source, target = case[0], case[1], case[2]
        rate = rate_store.rate(source, target, day).value
        out.append((case, rate))
    return out


def _verdicts(text: str, store) -> list:
    doc = load_document("story.txt", text.encode())
    result = check_document(doc, store, CheckOptions(today=date(2026, 11, 29)))
    return [f for f in result.findings if f.check == "currency-conversion" and f.converted]


def test_desk_conversions_at_the_day_rate_are_ok(judged, rate_store):
    problems = []
    for case, rate in judged:
        text = _story(*case, rate)
        found = _verdicts(text, rate_store)
        if [f.verdict for f in found] != [Verdict.OK]:
            problems.append((text, [(f.verdict.value, f.message) for f in found]))
    assert not problems, f"{len(problems)} of {len(judged)}:\n" + "\n".join(map(str, problems[:10]))


def test_scale_slips_are_errors(judged, rate_store):
    problems = []
    for case, rate in judged:
        text = _story(*case, rate, scale_slip=True)
        found = _verdicts(text, rate_store)
        if [f.verdict for f in found] != [Verdict.ERROR]:
            problems.append((text, [(f.verdict.value, f.message) for f in found]))
    assert not problems, f"{len(problems)} of {len(judged)}:\n" + "\n".join(map(str, problems[:10]))


def test_fifteen_percent_slips_are_flagged(judged, rate_store):
    missed = []
    for case, rate in judged:
        text = _story(*case, rate, factor=Decimal("1.15"))
        found = _verdicts(text, rate_store)
        if not found or found[0].verdict not in (Verdict.WARNING, Verdict.ERROR):
            missed.append((text, [(f.verdict.value, f.message) for f in found]))
    assert len(missed) <= 0.05 * len(judged), "\n".join(map(str, missed[:10]))
