"""Pair a money figure with the conversion printed beside it.

Forms read (original first, either currency direction):

* ``X (Y)``, ``X (about Y)``, ``X (Y at current rates)``, ``X (Rs 285 crore approximately)``,
  ``X (or Y)``, ``X (equivalent to Y)``;
* ``X, or Y``, ``X, or about Y``, ``X or Y``, ``X, equivalent to Y``, ``X, the equivalent of Y``,
  ``X, about Y`` and ``X — about Y`` (a hedge word is required without ``or``); ``X [Y]``;
* with a gloss between: ``30.5 billion Czech koruna, or crowns, ($1.32 billion)``, and
  ``HK$5,000 in consumption vouchers, or about US$640`` (a hedge word required);
* a second conversion of the same original: ``£2bn ($2.5bn; €2.3bn)``,
  ``5,000 won (about $3.70, or £2.90)``, ``1.4 trillion yen ($9.3 billion), or roughly 8.6
  billion euros``;
* ranges on either side (``14 billion reais to 20 billion reais ($8.1 billion to $11.6 billion)``);
* an original whose currency is not written (``2,102 mil milhões (470 mil milhões de euros)``):
  the currency is taken from the nearest earlier mention, and ``currency_note`` says so.

Not paired: the same currency restated (``16,433 million CZK (16.4 billion CZK)``), a unit
price after a total (``HK$9.99 million, or HK$14,588 per square foot``), per-share against
per-ADR figures, parentheses that hold no money (``$5 billion (2023)``, ``€3m (up 12%)``), and a
difference (``€2 billion, or $1 billion more than Washington``).
"""

from __future__ import annotations

import re

from claims.extract.money import Found
from claims.extract.numbers import NumberReading
from claims.extract.qualifiers import bound_of
from claims.model import CurrencyConversion, Quantity, Span

__all__ = ["pair"]

_MAX_GAP = 60

_GLOSS = r"(?:,[\x20\u00a0]or[\x20\u00a0][^\W\d_]+(?:[\x20\u00a0][^\W\d_]+)?,)?"  # , or crowns,

_PAREN_GAP = re.compile(
    r"""
    %(gloss)s                                   # optional gloss: , or crowns,
    [\x20\u00a0]?[(\[][\x20\u00a0]?            # the opening parenthesis (or bracket)
    (?:(?:or|i\.e\.|equivalent\sto|equal\sto|the\sequivalent\sof|roughly\sequal\sto
          |converted\sto|worth)[\x20\u00a0,]{1,2})?  # an optional lead-in word
    $
    """ % {"gloss": _GLOSS},
    re.VERBOSE | re.IGNORECASE,
)

_PAREN_TAIL = re.compile(r"[^()\[\]]{0,120}?[)\]]")   # the rest of the parenthesis, closed

_HEDGED_GAP = re.compile(
    r"""
    (?:,|[\x20\u00a0]?[—–]|[\x20\u00a0]--)[\x20\u00a0]    # "X, about Y" / "X — about Y"
    (?:or[\x20\u00a0])?$                              # (or about Y)
    """,
    re.VERBOSE,
)

_OR_GAP = re.compile(
    r"""
    %(gloss)s                                   # optional gloss
    ,?[\x20\u00a0]
    (?:or(?:[\x20\u00a0]the[\x20\u00a0]equivalent[\x20\u00a0]of)?   # or / or the equivalent of
      |(?:the[\x20\u00a0])?equivalent[\x20\u00a0](?:to|of)          # equivalent to
      |equal[\x20\u00a0]to|i\.e\.,?|which[\x20\u00a0]is|that[\x20\u00a0]is,?
      |converted[\x20\u00a0]to|translating[\x20\u00a0]to|roughly)
    [\x20\u00a0]$
    """ % {"gloss": _GLOSS},
    re.VERBOSE | re.IGNORECASE,
)

#: "HK$5,000 in consumption vouchers, or about US$640": a short phrase of what the money is,
#: then ", or" and a hedge word (the hedge is required: the converted figure is approximate).
_WHAT_GAP = re.compile(
    r"""
    [\x20\u00a0](?:in|of|for|on)(?:[\x20\u00a0][a-z]+(?:-[a-z]+)?){1,4}   # in consumption vouchers
    ,[\x20\u00a0]or[\x20\u00a0]$
    """,
    re.VERBOSE,
)

_PER = re.compile(
    r"""
    [\x20\u00a0]?(?:
        (?:per|/)[\x20\u00a0]?(?P<u1>[^\W\d_]+(?:[\x20\u00a0](?:foot|feet|metre|meter|mile))?)
      | (?:a|an|each)[\x20\u00a0](?P<u2>share|ADR|ADS|unit|barrel|tonne|ton|ounce|month|year
                                  |day|week|hour|head|person|night|litre|liter|gallon)\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: A comparison right after the second figure: "€2 billion, or $1 billion more than ..." states a
#: difference, not a conversion.
_COMPARED = re.compile(
    r"[\x20\u00a0]+(?:more|less|fewer|higher|lower|above|below|greater|smaller|bigger|larger"
    r"|cheaper|dearer|than|short\sof)(?![^\W\d_])",
    re.IGNORECASE,
)

#: Between two figures inside one parenthesis: ($2.5bn; €2.3bn), (US$1.3 billion or 1.2 billion
#: euros).
_LIST_GAP = re.compile(
    r"(?:[\x20\u00a0]?[;,/](?:[\x20\u00a0]or)?|[\x20\u00a0]or)[\x20\u00a0]?$")


def _per(text: str, end: int) -> str | None:
    """The unit of a per-phrase right after a figure (``per share`` -> ``share``), or None."""
    m = _PER.match(text, end)
    if not m:
        return None
    return (m.group("u1") or m.group("u2")).lower()


def _same_currency(a: Quantity, b: Quantity) -> bool:
    if a.unit is not None or b.unit is not None:
        return a.unit == b.unit
    return a.unit_text.lower() == b.unit_text.lower()


def _try(text: str, a: Found, b: Found) -> CurrencyConversion | None:
    """``a`` and its stated conversion ``b``, or None."""
    ma, mb = a.money, b.money
    if b.lead - ma.span.end > _MAX_GAP or _same_currency(ma, mb):
        return None
    end = None
    per_m = _PER.match(text, ma.span.end, b.lead)     # 10 yen per share ($0.07 per share)
    gap_start = per_m.end() if per_m else ma.span.end
    if _PAREN_GAP.match(text, gap_start, b.lead):
        tail = _PAREN_TAIL.match(text, mb.span.end)
        if tail is None:
            return None
        end = tail.end()
    elif _OR_GAP.match(text, gap_start, b.lead):
        end = mb.span.end
    elif mb.qualifier is not None and bound_of(mb.qualifier) == "approx" and (
            _HEDGED_GAP.match(text, gap_start, b.lead)
            or _WHAT_GAP.match(text, gap_start, b.lead)):
        end = mb.span.end
    else:
        return None
    if _COMPARED.match(text, mb.span.end):
        return None
    per_a, per_b = _per(text, ma.span.end), _per(text, mb.span.end)
    if per_b is not None and per_a != per_b:
        return None
    span = Span(ma.span.start, end)
    return CurrencyConversion(ma, mb, span, text[span.start:span.end])


def _another(text: str, first: CurrencyConversion, b: Found, c: Found) -> CurrencyConversion | None:
    """A second conversion of ``first.original`` printed beside the first one:
    ``£2bn ($2.5bn; €2.3bn)`` or ``1.4 trillion yen ($9.3 billion), or roughly 8.6 billion
    euros``; None when ``c`` is not one."""
    ma, mb, mc = first.original, first.converted, c.money
    if _same_currency(ma, mc) or _same_currency(mb, mc) or mc.high is not None and \
            ma.high is None:
        return None
    if c.lead < first.span.end:                       # inside the parenthesis
        if not _LIST_GAP.match(text, mb.span.end, c.lead):
            return None
        end = first.span.end
    elif c.lead - first.span.end <= 16 and (
            _OR_GAP.match(text, first.span.end, c.lead) or (
                mc.qualifier is not None and bound_of(mc.qualifier) == "approx"
                and _HEDGED_GAP.match(text, first.span.end, c.lead))):
        end = mc.span.end
    else:
        return None
    if _COMPARED.match(text, mc.span.end) or _per(text, mc.span.end) != _per(text, mb.span.end):
        return None
    span = Span(ma.span.start, end)
    return CurrencyConversion(ma, mc, span, text[span.start:span.end])


def _implicit(text: str, r: NumberReading, b: Found, earlier: Quantity | None) -> Found | None:
    """A figure with no currency written, converted in parentheses right after."""
    if earlier is None or earlier.unit is None or earlier.unit == b.money.unit:
        return None
    if r.scale_text is None and (r.value < 1000 or (r.text.isdigit() and r.value <= 2100)):
        return None
    if not _PAREN_GAP.match(text, r.span.end, b.lead) or b.lead - r.span.end > 4:
        return None
    note = f"currency not written; taken from the earlier '{earlier.text}'"
    money = Quantity(text=r.text, span=r.span, value=r.value, unit=earlier.unit,
                  step=r.step, high=r.high, unit_text="", unit_before=False,
                  scale_text=r.scale_text, decimals=r.decimals, unit_note=note)
    return Found(money, r.span.start)


def pair(text: str, found: list[Found],
         readings: list[NumberReading]) -> tuple[list[CurrencyConversion], list[Found]]:
    """Conversions among ``found`` (plus implicit originals from bare ``readings``).

    Returns the conversions and the mentions (``found`` plus any implicit originals added).
    """
    covered = [f.money.span for f in found]
    starts = {f.lead: f for f in found}
    extra: list[Found] = []
    ci = 0
    for r in readings:
        while ci < len(covered) and covered[ci].end <= r.span.start:
            ci += 1
        if ci < len(covered) and covered[ci].start <= r.span.start:
            continue                                  # part of a money mention
        nxt = _next_found(text, r.span.end, starts)
        if nxt is None:
            continue
        earlier = next((f.money for f in reversed(found[:ci])
                        if f.money.unit not in (None, nxt.money.unit)), None)
        imp = _implicit(text, r, nxt, earlier)
        if imp is not None:
            extra.append(imp)
    items = sorted(found + extra, key=lambda f: f.money.span.start)
    conversions: list[CurrencyConversion] = []
    i = 0
    while i < len(items) - 1:
        conv = _try(text, items[i], items[i + 1])
        if conv is not None:
            conversions.append(conv)
            i += 2
            if i < len(items):
                more = _another(text, conv, items[i - 1], items[i])
                if more is not None:
                    conversions.append(more)
                    i += 1
        else:
            i += 1
    return conversions, items


def _next_found(text: str, end: int, starts: dict[int, Found]) -> Found | None:
    """The mention whose lead begins within a few characters after ``end``."""
    for pos in range(end, min(end + 4, len(text)) + 1):
        if pos in starts:
            return starts[pos]
    return None

