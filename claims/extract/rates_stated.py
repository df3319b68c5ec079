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
from claims.extract.money import Found
from claims.model import Span, StatedRate

__all__ = ["find_stated_rates"]

_UNIT_FIRST = re.compile(r"[\x20\u00a0]?[=:][\x20\u00a0]?$")            # $1 = 74.8 rupees
_UNIT_LAST = re.compile(r"[\x20\u00a0]?(?:[-–—=:/]|per)[\x20\u00a0]?$")  # 29.25 rubles - U.S. $1
_PER_NAME = re.compile(
    r"""
    [\x20\u00a0](?:per|to\sthe|against\sthe|for\severy|for\seach|for\sone)   # 1,350 won per
    [\x20\u00a0](?:(?:one|each|every)[\x20\u00a0])?                        # (one)
    (?=\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_OPEN = re.compile(r"\([\x20\u00a0]?$")
_CLOSE = re.compile(r"[\x20\u00a0]?\)")


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


def find_stated_rates(text: str, found: list[Found],
                      dollar: str = "USD") -> tuple[list[StatedRate], list[Found]]:
    """Stated rates in ``text`` and the mentions that are not legs of one."""
    rates: list[StatedRate] = []
    used: set[int] = set()
    for i in range(len(found) - 1):
        if i in used:
            continue
        a, b = found[i], found[i + 1]
        gap_ok = b.lead == b.money.span.start
        if gap_ok and _is_unit(a) and _UNIT_FIRST.match(text, a.money.span.end, b.lead):
            base, quote = a, b
        elif gap_ok and _is_unit(b) and not _is_unit(a) and \
                _UNIT_LAST.match(text, a.money.span.end, b.lead):
            base, quote = b, a
        else:
            continue
        if base.money.unit == quote.money.unit or quote.money.high is not None:
            continue
        span = _span(text, a, b)
        rates.append(StatedRate(base.money.unit or "", quote.money.unit or "",
                                quote.money.value, span, text[span.start:span.end]))
        used.update((i, i + 1))
    for i, f in enumerate(found):
        if i in used or f.money.scale_text is not None or f.money.high is not None:
            continue
        per = _PER_NAME.match(text, f.money.span.end)
        if not per:
            continue
        name = cur.AFTER_RE.match(text, per.end() - 1)
        if name is None or name.group("name") is None:
            continue
        if name.group("name").lower().startswith("pound"):
            continue                                  # $3 per pound is a price by weight
        form = cur.form_after(name)
        base = dollar if form.code == cur.DOLLAR else form.code
        if base and f.money.unit and base != f.money.unit:
            span = Span(f.money.span.start, name.end())
            rates.append(StatedRate(base, f.money.unit, Decimal(f.money.value), span,
                                    text[span.start:span.end]))
            used.add(i)
    rates.sort(key=lambda r: r.span.start)
    return rates, [f for i, f in enumerate(found) if i not in used]

