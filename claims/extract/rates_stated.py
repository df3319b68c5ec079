"""Exchange rates printed in the story: ``($1 = 1,130.2900 won)``, ``(29.2550 rubles - U.S. $1)``.

``find_stated_rates(text, found)`` returns the ``StatedRate``s and the money mentions left over
(the two legs of a rate are not figures of the story). ``value`` is QUOTE per 1 BASE, the base
being the side written as one unit. Also read: ``$1 = 3.3013 reais`` (no parentheses),
``(1 euro = $1.08)``, ``1,350 won per dollar``, ``at 1,300 won to the dollar``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claims.extract import currencies as cur
from claims.extract.lexicon import Lexicon, name_after
from claims.extract.money import Found
from claims.model import Span, StatedRate
from claims.pattern_cache import compile as compile_pattern

__all__ = ["find_stated_rates"]

_UNIT_FIRST = compile_pattern(  # $1 = 74.8 rupees
    r"[\x20\u00a0]?(?:[=:＝]|約合|约合|兑|兌|は|相当于|相當於)[\x20\u00a0]?(?:約|约)?$"
)
_UNIT_LAST = compile_pattern(
    r"[\x20\u00a0]?(?:[-–—=:/]|per)[\x20\u00a0]?$"
)  # 29.25 rubles - U.S. $1
_PER_NAME = compile_pattern(
    r"""
    [\x20\u00a0](?:per|to\sthe|against\sthe|for\severy|for\seach|for\sone)   # 1,350 won per
    [\x20\u00a0](?:(?:one|each|every)[\x20\u00a0])?                        # (one)
    (?=\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: Words read as a qualifier of the quote that belong to the rate: 1美元約合0.88歐元, 1ポンドは約140円
_RATE_WORDS = frozenset({"約合", "约合", "約", "约"})
_OPEN = compile_pattern(r"\([\x20\u00a0]?$")
_CLOSE = compile_pattern(r"[\x20\u00a0]?\)")


def _is_unit(f: Found) -> bool:
    m = f.money
    return m.value == 1 and m.scale_text is None and m.high is None and m.unit is not None


def _span(text: str, a: Found, b: Found) -> Span:
    """From the first leg (or its opening parenthesis) to the last (or the closing one)."""
    start, end = a.money.span.start, b.money.span.end
    op = _OPEN.search(text, max(0, start - 2), start)
    cl = _CLOSE.match(text, end)
    if op and cl:
        start, end = op.start(), cl.end()
    return Span(start, end)


def find_stated_rates(
    text: str, found: list[Found], dollar: str = "USD", lex: Lexicon | None = None
) -> tuple[list[StatedRate], list[Found]]:
    """Stated rates in ``text`` and the mentions that are not legs of one."""
    rates: list[StatedRate] = []
    used: set[int] = set()
    for i in range(len(found) - 1):
        if i in used:
            continue
        a, b = found[i], found[i + 1]
        gap_ok = b.lead == b.money.span.start
        if (
            _is_unit(a)
            and (gap_ok or b.money.qualifier in _RATE_WORDS)
            and _UNIT_FIRST.match(text, a.money.span.end, b.money.span.start)
        ):
            base, quote = a, b
        elif (
            gap_ok
            and _is_unit(b)
            and not _is_unit(a)
            and _UNIT_LAST.match(text, a.money.span.end, b.lead)
        ):
            base, quote = b, a
        else:
            continue
        if base.money.unit == quote.money.unit or quote.money.high is not None:
            continue
        span = _span(text, a, b)
        rates.append(
            StatedRate(
                base.money.unit or "",
                quote.money.unit or "",
                quote.money.value,
                span,
                text[span.start : span.end],
            )
        )
        used.update((i, i + 1))
    for i, f in enumerate(found):
        if (
            i in used
            or f.money.high is not None
            or (f.money.scale_text is not None and f.money.value >= 10**6)
        ):
            continue  # Rp 15 ribu per dolar: a scaled rate
        per = _PER_NAME.match(text, f.money.span.end) or (
            _per_words(lex).match(text, f.money.span.end) if lex is not None and lex.per else None
        )
        if not per:
            continue
        named = _name_after(text, per.end() - 1, lex)
        if named is None:
            continue
        form, name_end, written = named
        if written.lower().startswith("pound"):
            continue  # $3 per pound is a price by weight
        base_code = dollar if form.code == cur.DOLLAR else form.code
        if base_code and f.money.unit and base_code != f.money.unit:
            span = Span(f.money.span.start, name_end)
            rates.append(
                StatedRate(
                    base_code,
                    f.money.unit,
                    Decimal(f.money.value),
                    span,
                    text[span.start : span.end],
                )
            )
            used.add(i)
    rates.extend(_to_one(text, dollar, {r.span.start for r in rates}))
    rates.sort(key=lambda r: r.span.start)
    return rates, [f for i, f in enumerate(found) if i not in used]


def _name_after(text: str, pos: int, lex: Lexicon | None) -> tuple[cur.Form, int, str] | None:
    """The currency name at ``pos``: the story language's, else English (``dolar AS``)."""
    if lex is not None and not lex.empty:
        found = name_after(text, pos, lex, True)
        if found is not None:
            return found[0], found[1], text[pos : found[1]].strip()
    m = cur.AFTER_RE.match(text, pos)
    if m is None or m.group("name") is None:
        return None
    return cur.form_after(m), m.end(), m.group("name")


_PER_CACHE: dict[str | None, re.Pattern[str]] = {}


def _per_words(lex: Lexicon) -> re.Pattern[str]:
    """``1,350 won por dólar`` in the story's language (``por``, ``pour``, ``je``, ``per``)."""
    pattern = _PER_CACHE.get(lex.lang)
    if pattern is None:
        words = "|".join(re.escape(w).replace(r"\ ", r"[\x20\u00a0]") for w in lex.per)
        pattern = _PER_CACHE[lex.lang] = compile_pattern(
            rf"[\x20\u00a0](?:{words})[\x20\u00a0](?=\S)", re.IGNORECASE
        )
    return pattern


#: ``N305 to $1``, ``Rs 83 to the dollar`` is read above; this is a short prefix (too short to
#: be a money mention unscaled) before a figure, then "to"/"against" and a one-unit figure.
_TO_ONE = compile_pattern(
    r"""
    (?P<cur>[N₦RPWK](?<![^\W\d_].)(?:(?<=R)(?:s\.?|p))?)  # a letter first: a fast scan
    [\x20\u00a0]?(?P<n>\d[\d,]*(?:\.\d+)?)
    [\x20\u00a0](?:to|against|per)[\x20\u00a0](?:the[\x20\u00a0])?
    (?P<base>US\$|\$|€|£)1(?![\d.,]\d)
    """,
    re.VERBOSE,
)


def _to_one(text: str, dollar: str, taken: set[int]) -> list[StatedRate]:
    """Rates written ``N305 to $1`` (the naira, rand, peso prefixes of African and Asian
    copy)."""
    if "1" not in text or " to " not in text and " against " not in text:
        return []
    out = []
    for m in _TO_ONE.finditer(text):
        if m.start() in taken:
            continue
        quote = cur.form_before(m.group("cur")).code
        base_form = cur.form_before(m.group("base"))
        base = dollar if base_form.code == cur.DOLLAR else base_form.code
        if not quote or not base or quote == base:
            continue
        out.append(
            StatedRate(
                base,
                quote,
                Decimal(m.group("n").replace(",", "")),
                Span(m.start(), m.end()),
                m.group(),
            )
        )
    return out
