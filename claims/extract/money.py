"""Quantity mentions: a number with a currency symbol, code or name beside it.

``find_money(text, readings, dollar)`` turns number readings into ``Found`` items (the Quantity and
where its lead-in qualifier starts). It reads a short window before each number (qualifier,
symbol or code) and after it (scale word is already in the reading; then a name, code or
symbol), joins money ranges written with the currency twice (``$8.1 billion to $11.6 billion``,
``between $10 and $20 million``) and settles ambiguous currencies from the story: a
currency written unambiguously elsewhere, then the nearest cue word (``Oslo``, ``Swedish``),
then the form's default, saying so in ``currency_note``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from claims.extract import currencies as cur
from claims.extract.lexicon import Lexicon, name_after, prefix_before
from claims.extract.numbers import NumberReading, rescale
from claims.extract.qualifiers import bound_of, normalise, qualifier_after, qualifier_before
from claims.model import Quantity, Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["Found", "find_money", "resolve_currencies"]

_CUE_BEFORE, _CUE_AFTER = 700, 300

_TRAILING_QUAL = compile_pattern(
    r"[\x20\u00a0](?P<q>approximately|approx\.?|roughly|or\sso|or\sthereabouts)(?![^\W\d_])",
    re.IGNORECASE,
)

_RANGE_GAP = compile_pattern(
    r"""
    [\x20\u00a0]?(?P<w>[-–—]|to|and)[\x20\u00a0]?$  # 'to', 'and' or a dash, alone between figures
    """,
    re.VERBOSE | re.IGNORECASE,
)

_LEAD_WORD = compile_pattern(r"\b(between|from)[\x20\u00a0]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A money mention and the offset where its qualifier (if any) begins."""

    money: Quantity
    lead: int
    elided: bool = False  # "78.759 de euros": a scale word left out


def _year_like(r: NumberReading) -> bool:
    return r.scale_text is None and r.text.isdigit() and 1900 <= r.value <= 2100


def _rank(form: cur.Form) -> int:
    """0 for a definite currency, 1 for a guess among candidates, 2 for '$' or unknown."""
    if form.code in (None, cur.DOLLAR):
        return 2
    return 1 if form.candidates else 0


@dataclass(frozen=True)
class _After:
    """What follows a figure: a currency form, where it ends, as written."""

    form: cur.Form
    end: int
    written: str
    name: str | None = None  # the name, lowercased (won, cents ...), if a name
    elided: bool = False  # "78.759 de euros": a connector where a scale word was
    mult: Decimal | None = None  # "7 682 M€": a scale written in the symbol


def _after_en(text: str, end: int) -> _After | None:
    m = cur.AFTER_RE.match(text, end)
    if m is None:
        return None
    name = " ".join(m.group("name").lower().split()) if m.group("name") else None
    return _After(cur.form_after(m), m.end(), m.group().strip(" \u00a0-"), name)


def _after(text: str, r: NumberReading, lex: Lexicon | None) -> _After | None:
    """The currency written after ``r``: the language's names, symbols, then English."""
    end = r.span.end
    en = _after_en(text, end)
    if (
        en is None
        and r.scale_text in cur.GLUED_AFTER_SCALES
        and end < len(text)
        and text[end] in "$€£"
    ):
        return _After(cur.form_before(text[end]), end + 1, text[end])  # 10k$, 5M€
    if lex is None or lex.empty:
        return en
    sm = cur.SCALED_SYMBOL_RE.match(text, end) if r.scale_text is None else None
    if sm is not None:
        return _After(
            cur.form_before(sm.group("sym")),
            sm.end(),
            sm.group().strip(),
            mult=Decimal(cur.SYMBOL_SCALES[sm.group("scale").lower()]),
        )
    found = name_after(text, end, lex, r.scale_text is not None)
    if found is not None and (en is None or found[1] >= en.end):
        form, stop, elided = found
        written = text[end:stop].strip(" \u00a0-")
        return _After(form, stop, written, written.lower(), elided)
    if en is None:
        sym = cur.AFTER_SYMBOL_RE.match(text, end)
        if sym is not None:
            return _After(cur.form_before(sym.group("sym")), sym.end(), sym.group("sym"))
    return en


def _one(text: str, r: NumberReading, dollar: str, lex: Lexicon | None = None) -> Found | None:
    """The money mention built on reading ``r``, or None when no currency is beside it."""
    start, end = r.span.start, r.span.end
    before = cur.symbol_before(text, start)
    after = _after(text, r, lex)
    prefix = prefix_before(text, start, lex) if lex is not None and before is None else None
    if (
        start
        and text[start - 1].isalpha()
        and before is None
        and prefix is None
        and not _cjk(text[start - 1])
    ):
        return None  # A380, G7: letters glued, no prefix
    if after is not None and after.name == "won" and _year_like(r):
        after = None  # "In 2019 won ..." is not money
    if before is not None and before.group("cur") in cur.NEEDS_SCALE and r.scale_text is None:
        before = None  # P5, R2: too short to trust unscaled
    if before is not None and before.group("cur") in cur.NOT_BEFORE_YEAR and _year_like(r):
        before = None  # LE 2024 campaign
    if before is None and after is None and prefix is None:
        return None
    form_b = cur.form_before(before.group("cur")) if before else prefix[0] if prefix else None
    form_a = after.form if after else None
    if prefix is not None and after is not None and after.written in cur.YUAN_UNITS:
        form_a = None  # 日幣150億元: 元 only counts the yen
    form: cur.Form | None
    if form_b is not None and form_a is not None:
        form = form_a if _rank(form_a) <= _rank(form_b) else form_b
        if _rank(form_a) == 0 and _rank(form_b) == 0 and form_a.code != form_b.code:
            if form is form_a:  # R$ 726 milhões de euros: the name wins
                before, prefix = None, None
            else:
                after = None
    else:
        form = form_b or form_a
    assert form is not None
    adj = (
        cur.dollar_adjective(text, after.end if after else end)
        if form.code == cur.DOLLAR and form is form_b
        else None
    )
    if adj is not None:
        form, after = cur.Form(adj[0]), _After(cur.Form(adj[0]), adj[1], text[end : adj[1]].strip())
    m_start = before.start() if before else prefix[1] if prefix else start
    m_end = after.end if after else end
    lead = m_start
    qual = None
    qm = qualifier_before(text, m_start) or (qualifier_before(text, start) if prefix else None)
    if qm:
        qual, lead = qm
        lead = min(lead, m_start)
    else:
        tq = _TRAILING_QUAL.match(text, m_end)
        if tq:
            qual = normalise(tq.group("q"))
    if qual is None:
        aq = qualifier_after(text, m_end)
        if aq is not None:
            qual, m_end = aq
    code = form.code
    candidates = form.candidates
    note = r.note
    if code == cur.DOLLAR:
        code = dollar
        candidates = ()
    currency_text = (
        before.group("cur")
        if before is not None and form is form_b
        else text[prefix[1] : start].strip()
        if prefix is not None and form is form_b
        else after.written
        if after is not None
        else ""
    )
    amount, step, high = r.value, r.step, r.high
    if form is form_a and after is not None and after.name in cur.SUBUNITS:
        amount, step = amount / 100, step / 100  # 67 cents -> 0.67
        high = high / 100 if high is not None else None
    scale_text = r.scale_text
    if after is not None and after.mult is not None:
        amount, step = amount * after.mult, step * after.mult
        high = high * after.mult if high is not None else None
        scale_text = after.written
    money = Quantity(
        text=text[m_start:m_end],
        span=Span(m_start, m_end),
        value=amount,
        unit=code,
        step=step,
        high=high,
        qualifier=qual,
        bound=bound_of(qual),
        unit_text=currency_text,
        unit_before=form is form_b and (before is not None or prefix is not None),
        scale_text=scale_text,
        decimals=r.decimals,
        unit_candidates=candidates,
        unit_note=None,
        ambiguous=note is not None or (after is not None and after.elided),
        reading_note=note
        if not (after is not None and after.elided)
        else (
            f"'{text[r.span.start : m_end]}' has no scale word before "
            f"'{after.written}' (one was left out)"
        ),
        number_format=_format_of(r),
    )
    return Found(money, lead, after is not None and after.elided)


def _format_of(r: NumberReading) -> str:
    """How the figure writes numbers: '1,234.5', '1.234,5', '1 234,5', '万' (myriad units)."""
    digits = r.text
    if r.mult is not None and r.scale_text and r.scale_text[-1] in _MYRIAD:
        return r.scale_text[-1]
    if r.decimal_mark is None and "." not in digits and not _BLANK_GROUP.search(digits):
        return "1,234.5"  # 1,234 / 500 / 72 billion: nothing says
    comma = r.decimal_mark == "," or (
        r.decimal_mark is None and "." in digits and "," not in digits
    )
    if _BLANK_GROUP.search(digits):
        return "1 234,5" if r.decimal_mark != "." else "1 234.5"
    if "'" in digits or "’" in digits:
        return "1'234.5"
    return "1.234,5" if comma else "1,234.5"


_BLANK_GROUP = compile_pattern(r"\d[\x20\u00a0\u202f\u2009]\d{3}")
_MYRIAD = frozenset("万萬億亿憶兆京만억조경")


def _cjk(ch: str) -> bool:
    """CJK and Hangul: figures are written glued to the words before them (約33億ドル)."""
    return "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" or ch in "（"


def _merge_ranges(text: str, found: list[Found]) -> list[Found]:
    """Join ``$8.1 billion to $11.6 billion`` and ``between $10 and $20 million`` into one."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            ma, mb = a.money, b.money
            gap = _RANGE_GAP.match(text, ma.span.end, b.lead) if b.lead == mb.span.start else None
            lead_m = _LEAD_WORD.search(text, max(0, a.lead - 10), a.lead)
            lead_word = lead_m.group(1).lower() if lead_m else None
            word = gap.group("w").lower() if gap else None
            ok = (
                gap is not None
                and ma.high is None
                and mb.high is None
                and ma.unit == mb.unit
                and (
                    ma.unit_text == mb.unit_text
                    or (ma.unit is not None and not ma.unit_candidates and not mb.unit_candidates)
                )
                and ((word == "and") == (lead_word == "between"))
                and lead_word != "from"
            )
            if (
                ok
                and ma.scale_text is None
                and mb.scale_text is not None
                and ma.decimals == 0
                and ma.value < 1000
            ):
                sa = rescale(
                    NumberReading(ma.value, None, ma.step, ma.decimals, None, ma.span, ma.text),
                    mb.scale_text,
                )
                ma = replace(ma, value=sa.value, step=sa.step, scale_text=mb.scale_text)
            if ok and mb.value > ma.value:
                span = Span(ma.span.start, mb.span.end)
                merged = replace(
                    ma,
                    span=span,
                    text=text[span.start : span.end],
                    high=mb.value,
                    scale_text=ma.scale_text or mb.scale_text,
                )
                out.append(Found(merged, a.lead))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def find_money(
    text: str, readings: list[NumberReading], dollar: str, lex: Lexicon | None = None
) -> list[Found]:
    """Every money mention among ``readings``, ranges joined, in text order; ``lex`` adds the
    story language's currency words."""
    found = [f for r in readings if (f := _one(text, r, dollar, lex)) is not None]
    return _merge_ranges(text, found)


def resolve_currencies(
    text: str, found: list[Found], known: set[str], lang: str | None = None
) -> list[Found]:
    """Settle ambiguous currencies: the story's unambiguous ones, then cue words, then default.

    ``known`` holds codes written unambiguously elsewhere (mentions and stated rates); ``lang``
    (the story's language tag) picks the default of a bare 元 (TWD in traditional Chinese) and
    reads a bare ``$`` in Spanish copy that names pesos as the peso.
    """
    out = _resolve(text, found, known, lang)
    if lang and lang.split("-")[0] == "es":
        out = _peso_sign(out)
    return out


def _peso_sign(found: list[Found]) -> list[Found]:
    """In Spanish copy that writes pesos, a bare '$' is the peso sign ($7 billones)."""
    pesos = [f.money for f in found if "peso" in f.money.unit_text.lower()]
    if not pesos:
        return found
    peso = pesos[0]
    what = peso.unit or "the peso"
    return [
        Found(
            replace(
                f.money,
                unit=peso.unit,
                unit_candidates=peso.unit_candidates,
                unit_guessed=peso.unit_guessed,
                unit_note=f"'$' read as {what}: Spanish copy that names pesos writes "
                f"the peso sign as '$'",
            ),
            f.lead,
            f.elided,
        )
        if f.money.unit_text == "$" and f.money.unit_before
        else f
        for f in found
    ]


def _resolve(text: str, found: list[Found], known: set[str], lang: str | None) -> list[Found]:
    known = known | {f.money.unit for f in found if f.money.unit and not f.money.unit_candidates}
    cues = _CueIndex(text, [f.money.span for f in found if f.money.unit_candidates])
    out = []
    for f in found:
        m = f.money
        if not m.unit_candidates:
            out.append(f)
            continue
        cands = m.unit_candidates
        written = m.unit_text or "the symbol"
        in_story = [c for c in cands if c in known]
        code, note, guessed = m.unit, None, False
        if lang == "zh-Hant" and m.unit_text in cur.YUAN_UNITS and "TWD" in cands:
            code = "TWD"
        if len(in_story) == 1:
            code = in_story[0]
            note = f"'{written}' read as {code}: the story names {code} elsewhere"
        else:
            best = cues.nearest(m.span, cands)
            if best is not None:
                code, cue = best
                note = f"'{written}' read as {code}: '{cue}' nearby"
            elif code is not None:
                note = f"'{written}' may be {', '.join(cands)}; no cue in the story, guessed {code}"
                guessed = True
            else:
                note = f"'{written}' may be {', '.join(cands)}; no cue in the story"
        out.append(Found(replace(m, unit=code, unit_note=note, unit_guessed=guessed), f.lead))
    return out


class _CueIndex:
    """Cue words in the windows around the ambiguous figures, each window scanned once."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.hits: list[tuple[int, int, str, str]] = []  # start, end, code, word
        lo_prev = hi_prev = -1
        windows: list[tuple[int, int]] = []
        for s in spans:  # merge overlapping windows
            lo, hi = max(0, s.start - _CUE_BEFORE), min(len(text), s.end + _CUE_AFTER)
            if windows and lo <= hi_prev:
                windows[-1] = (lo_prev, max(hi_prev, hi))
                hi_prev = windows[-1][1]
            else:
                windows.append((lo, hi))
                lo_prev, hi_prev = lo, hi
        for lo, hi in windows:
            for m in cur.CUE_RE.finditer(text, lo, hi):
                code = cur.cue_code(m.group())
                if code is not None:
                    self.hits.append((m.start(), m.end(), code, m.group()))
        self.starts = [h[0] for h in self.hits]

    def nearest(self, span: Span, cands: tuple[str, ...]) -> tuple[str, str] | None:
        """The candidate whose cue sits nearest ``span`` within the window, with the cue."""
        lo = bisect_left(self.starts, span.start - _CUE_BEFORE)
        hi = bisect_right(self.starts, span.end + _CUE_AFTER)
        best: tuple[int, str, str] | None = None
        for start, end, code, word in self.hits[lo:hi]:
            if code in cands:
                dist = span.start - end if end <= span.start else start - span.end
                if best is None or dist < best[0]:
                    best = (dist, code, word)
        return (best[1], best[2]) if best else None
