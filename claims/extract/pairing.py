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
from dataclasses import replace
from decimal import Decimal

from claims.extract.currencies import DOLLAR
from claims.extract.lexicon import Lexicon, name_after
from claims.extract.money import Found
from claims.extract.numbers import NumberReading
from claims.extract.phrasing import gaps
from claims.extract.qualifiers import bound_of, qualifier_before
from claims.model import CurrencyConversion, Quantity, Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["pair"]

_MAX_GAP = 60

_GLOSS = r"(?:,[\x20\u00a0]or[\x20\u00a0][^\W\d_]+(?:[\x20\u00a0][^\W\d_]+)?,)?"  # , or crowns,

_PAREN_GAP = compile_pattern(
    r"""
    %(gloss)s                                   # optional gloss: , or crowns,
    [\x20\u00a0]?[(\[][\x20\u00a0]?            # the opening parenthesis (or bracket)
    (?:(?:or|i\.e\.|equivalent\sto|equal\sto|the\sequivalent\sof|roughly\sequal\sto
          |converted\sto|worth)[\x20\u00a0,]{1,2})?  # an optional lead-in word
    $
    """
    % {"gloss": _GLOSS},
    re.VERBOSE | re.IGNORECASE,
)

_PAREN_TAIL = compile_pattern(r"[^()\[\]（）【】]{0,120}?[)\]）】］]")  # the rest, closed

_HEDGED_GAP = compile_pattern(
    r"""
    (?:,|[\x20\u00a0]?[—–]|[\x20\u00a0]--)[\x20\u00a0]    # "X, about Y" / "X — about Y"
    (?:or[\x20\u00a0])?$                              # (or about Y)
    """,
    re.VERBOSE,
)

_OR_GAP = compile_pattern(
    r"""
    %(gloss)s                                   # optional gloss
    ,?[\x20\u00a0]
    (?:or(?:[\x20\u00a0]the[\x20\u00a0]equivalent[\x20\u00a0]of)?   # or / or the equivalent of
      |(?:the[\x20\u00a0])?equivalent[\x20\u00a0](?:to|of)          # equivalent to
      |equal[\x20\u00a0]to|i\.e\.,?|which[\x20\u00a0]is|that[\x20\u00a0]is,?
      |converted[\x20\u00a0]to|translating[\x20\u00a0]to|roughly)
    [\x20\u00a0]$
    """
    % {"gloss": _GLOSS},
    re.VERBOSE | re.IGNORECASE,
)

#: "HK$5,000 in consumption vouchers, or about US$640": a short phrase of what the money is,
#: then ", or" and a hedge word (the hedge is required: the converted figure is approximate).
_WHAT_GAP = compile_pattern(
    r"""
    [\x20\u00a0](?:in|of|for|on)(?:[\x20\u00a0][a-z]+(?:-[a-z]+)?){1,4}   # in consumption vouchers
    ,[\x20\u00a0]or[\x20\u00a0]$
    """,
    re.VERBOSE,
)

_PER = compile_pattern(
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
_COMPARED = compile_pattern(
    r"[\x20\u00a0]+(?:more|less|fewer|higher|lower|above|below|greater|smaller|bigger|larger"
    r"|cheaper|dearer|than|short\sof)(?![^\W\d_])",
    re.IGNORECASE,
)

#: Between two figures inside one parenthesis: ($2.5bn; €2.3bn), (US$1.3 billion or 1.2 billion
#: euros).
_LIST_GAP = compile_pattern(
    r"(?:[\x20\u00a0]?[;,/](?:[\x20\u00a0]or)?|[\x20\u00a0]or)[\x20\u00a0]?$"
)


def _per(text: str, end: int) -> str | None:
    """The unit of a per-phrase right after a figure (``per share`` -> ``share``), or None."""
    m = _PER.match(text, end)
    if not m:
        return None
    return (m.group("u1") or m.group("u2")).lower()


def _same_currency(a: Quantity, b: Quantity) -> bool:
    if a.unit is not None or b.unit is not None:
        return a.unit == b.unit
    if a.unit_candidates and a.unit_candidates == b.unit_candidates:
        return True  # pesos ($7 billones): the peso sign
    return a.unit_text.lower() == b.unit_text.lower()


def _gap_end(text: str, ma: Quantity, b: Found, gap_start: int, lex: Lexicon | None) -> int | None:
    """Where the conversion ends when the gap before ``b`` introduces one, else None."""
    mb = b.money
    g = gaps(lex) if lex is not None and not lex.empty else None
    if _PAREN_GAP.match(text, gap_start, b.lead) or (
        g is not None and g.paren.match(text, gap_start, b.lead)
    ):
        tail = _PAREN_TAIL.match(text, mb.span.end)
        return tail.end() if tail is not None else None
    if _OR_GAP.match(text, gap_start, b.lead) or (
        g is not None and g.join is not None and g.join.match(text, gap_start, b.lead)
    ):
        return mb.span.end
    bound = bound_of(mb.qualifier) if mb.qualifier is not None else None
    if bound == "approx" and (
        _HEDGED_GAP.match(text, gap_start, b.lead) or _WHAT_GAP.match(text, gap_start, b.lead)
    ):
        return mb.span.end
    if g is not None and bound is not None and g.hedged.match(text, gap_start, b.lead):
        return mb.span.end  # - unos 106.000 millones de euros -
    if g is not None and g.free is not None and g.free.match(text, gap_start, b.lead):
        return mb.span.end  # ...했습니다. 우리 돈 약 2경 9천조 원
    return None


def _try(text: str, a: Found, b: Found, lex: Lexicon | None = None) -> CurrencyConversion | None:
    """``a`` and its stated conversion ``b``, or None."""
    ma, mb = a.money, b.money
    if b.lead - ma.span.end > _MAX_GAP or _same_currency(ma, mb):
        return None
    per_m = _PER.match(text, ma.span.end, b.lead)  # 10 yen per share ($0.07 per share)
    gap_start = per_m.end() if per_m else ma.span.end
    end = _gap_end(text, ma, b, gap_start, lex)
    if end is None:
        return None
    mb = _unelide(mb, ma, b)
    if _COMPARED.match(text, mb.span.end):
        return None
    per_a, per_b = _per(text, ma.span.end), _per(text, mb.span.end)
    if per_b is not None and per_a != per_b:
        return None
    span = Span(ma.span.start, end)
    return CurrencyConversion(ma, mb, span, text[span.start : span.end])


def _unelide(mb: Quantity, ma: Quantity, b: Found) -> Quantity:
    """``267.000 de euros`` converting ``320.000 millones de dólares``: the scale word left out
    of the restated figure is the original's (the reading stays flagged as ambiguous)."""
    if not b.elided or not ma.scale_text or mb.scale_text:
        return mb
    mult = ma.step * Decimal(10) ** ma.decimals if ma.step else Decimal(1)
    if mult <= 1:
        return mb
    return replace(
        mb,
        value=mb.value * mult,
        step=mb.step * mult,
        high=mb.high * mult if mb.high is not None else None,
        scale_text=ma.scale_text,
        reading_note=f"'{mb.text}' leaves out its scale word; read as "
        f"'{ma.scale_text}' like the '{ma.text}' it converts",
    )


def _another(text: str, first: CurrencyConversion, b: Found, c: Found) -> CurrencyConversion | None:
    """A second conversion of ``first.original`` printed beside the first one:
    ``£2bn ($2.5bn; €2.3bn)`` or ``1.4 trillion yen ($9.3 billion), or roughly 8.6 billion
    euros``; None when ``c`` is not one."""
    ma, mb, mc = first.original, first.converted, c.money
    if _same_currency(ma, mc) or _same_currency(mb, mc) or mc.high is not None and ma.high is None:
        return None
    if c.lead < first.span.end:  # inside the parenthesis
        if not _LIST_GAP.match(text, mb.span.end, c.lead):
            return None
        end = first.span.end
    elif c.lead - first.span.end <= 16 and (
        _OR_GAP.match(text, first.span.end, c.lead)
        or (
            mc.qualifier is not None
            and bound_of(mc.qualifier) == "approx"
            and _HEDGED_GAP.match(text, first.span.end, c.lead)
        )
    ):
        end = mc.span.end
    else:
        return None
    if _COMPARED.match(text, mc.span.end) or _per(text, mc.span.end) != _per(text, mb.span.end):
        return None
    span = Span(ma.span.start, end)
    return CurrencyConversion(ma, mc, span, text[span.start : span.end])


def _implicit(
    text: str,
    r: NumberReading,
    b: Found,
    earlier: Quantity | None,
    lex: Lexicon | None,
    dollar: str,
) -> Found | None:
    """A figure with no currency written, converted in parentheses right after: the currency
    is named after the bracket (``66.000 millones (52.000 millones de euros) de dólares``),
    else taken from the nearest earlier figure, else (a flagged guess) the story language's
    home currency (``0,20 (US$0,24)`` in Italian copy)."""
    if not _PAREN_GAP.match(text, r.span.end, b.lead) or b.lead - r.span.end > 4:
        return None
    small = r.scale_text is None and (r.value < 1000 or (r.text.isdigit() and r.value <= 2100))
    if small and not (r.decimals and b.lead - r.span.end <= 2 and b.money.unit_before):
        return None
    unit, note, guessed = None, None, False
    tail = _PAREN_TAIL.match(text, b.money.span.end)
    after = name_after(text, tail.end(), lex, True) if tail and lex and not lex.empty else None
    if tail is not None and after is not None and after[0].code is not None:
        unit = dollar if after[0].code == DOLLAR else after[0].code
        note = f"currency written after the bracket: '{text[tail.end() : after[1]].strip()}'"
    elif earlier is not None and earlier.unit is not None and not small:
        unit, note = earlier.unit, f"currency not written; taken from the earlier '{earlier.text}'"
    elif earlier is None and lex is not None and lex.home:
        unit, guessed = lex.home, True
        note = f"currency not written; {lex.home} is the usual currency of the story's language"
    if unit is None or unit == b.money.unit:
        return None
    money = Quantity(
        text=r.text,
        span=r.span,
        value=r.value,
        unit=unit,
        step=r.step,
        high=r.high,
        unit_text="",
        unit_before=False,
        scale_text=r.scale_text,
        decimals=r.decimals,
        unit_note=note,
        unit_guessed=guessed,
        ambiguous=r.note is not None,
        reading_note=r.note,
    )
    return Found(money, r.span.start)


def _home_converted(text: str, r: NumberReading, prev: Found | None, lex: Lexicon) -> Found | None:
    """``2억1100만 달러(약2300억)``: a myriad figure in brackets right after a foreign-currency
    figure, with no currency word, is the story's own currency (won in Korean copy); the
    reading is marked as guessed."""
    if prev is None or r.mult is None or prev.money.unit in (None, lex.home):
        return None
    qm = qualifier_before(text, r.span.start)
    lead = qm[1] if qm else r.span.start
    if not _PAREN_GAP.match(text, prev.money.span.end, lead) and not (
        gaps(lex).paren.match(text, prev.money.span.end, lead)
    ):
        return None
    if not _PAREN_TAIL.match(text, r.span.end) or text[r.span.end : r.span.end + 1] not in ")）]":
        return None
    note = f"no currency written; read as {lex.home}, the story's own currency"
    money = Quantity(
        text=r.text,
        span=r.span,
        value=r.value,
        unit=lex.home,
        step=r.step,
        high=r.high,
        qualifier=qm[0] if qm else None,
        bound=bound_of(qm[0]) if qm else None,
        scale_text=r.scale_text,
        decimals=r.decimals,
        unit_note=note,
        unit_guessed=True,
        ambiguous=r.note is not None,
        reading_note=r.note,
    )
    return Found(money, lead)


def pair(
    text: str,
    found: list[Found],
    readings: list[NumberReading],
    lex: Lexicon | None = None,
    dollar: str = "USD",
) -> tuple[list[CurrencyConversion], list[Found]]:
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
            continue  # part of a money mention
        nxt = _next_found(text, r.span.end, starts)
        if nxt is None:
            conv = (
                _home_converted(text, r, found[ci - 1] if ci else None, lex)
                if lex is not None and lex.cjk and lex.home
                else None
            )
            if conv is not None:
                extra.append(conv)
            continue
        earlier = next(
            (f.money for f in reversed(found[:ci]) if f.money.unit not in (None, nxt.money.unit)),
            None,
        )
        imp = _implicit(text, r, nxt, earlier, lex, dollar)
        if imp is not None:
            extra.append(imp)
    items = sorted(found + extra, key=lambda f: f.money.span.start)
    conversions: list[CurrencyConversion] = []
    i = 0
    while i < len(items) - 1:
        pair = _try(text, items[i], items[i + 1], lex)
        if pair is not None:
            conversions.append(pair)
            i += 2
            if i < len(items):
                more = _another(text, pair, items[i - 1], items[i])
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
