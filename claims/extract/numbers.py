"""Read the numbers in news text: digits, grouping, decimal marks, scale words, ranges.

Public API
----------
``parse_number(s, *, decimal_comma=None) -> Decimal``
    The value of one printed number without scale word: ``"1,234.5"`` -> 1234.5,
    ``"5,91,61,730"`` -> 59161730, ``"1.234,5"`` -> 1234.5, ``"677-point-four"`` -> 677.4.
    ``decimal_comma=True`` reads a lone comma as the decimal mark (``"4,031"`` -> 4.031) and a
    lone dot followed by three digits as grouping; ``None`` guesses (English conventions).
    Raises ``ValueError`` when ``s`` is not a number.

``read_numbers(text, *, letters=True, glued=False, words=False, style=None)``
    Every number in ``text``, left to right, with its scale word and ranges joined.
    ``NumberReading(value, high, step, decimals, scale_text, span, text, mult, note,
    decimal_mark)``:
    ``value`` the (low end) value, ``high`` the upper end of a range or None, ``step`` the value
    of one unit in the last printed digit -- all three already multiplied by the scale word
    (``"8.1 trillion"`` -> value 8.1e12, step 1e11, decimals 1, scale_text ``"trillion"``).
    ``span``/``text`` cover the digits through the scale word (the whole range for ranges).
    ``letters`` applies the one-letter abbreviations k, m, b, t (and K, M, B, T, MM) -- only when
    glued to the digits (``$5m``, ``¥2.8t``); pass False when reading physical units (``100m``).
    ``glued`` also reads numbers glued to a preceding letter (``DKr14bn``, ``Rs800``); off by
    default so that ``A380`` or ``G7`` are not figures. ``words`` also reads numbers spelled out
    before million/billion/trillion (``three billion``, ``twenty-five million``, ``half a
    billion``, ``a billion``), found from the scale word with ``str.find`` (``spelled.py``).
    ``style`` (a story's ``NumberStyle``, ``number_style.py``) reads two-way figures
    (``12.345``, ``1,500``) the story's way and sets ``note`` when that rests on a guess; it
    also reads one plain-space group in copy that groups with spaces (``7 682``), a leading
    decimal point (``.5 billion``), falling-scale chains (``1 trilyon 421,2 milyar``), the
    story language's scale words (``mi``, German ``Billion`` = 10**12) and number words, and
    CJK myriad numbers (``myriad.py``). None keeps the English conventions of old.

``read_at(text, start, *, letters=True) -> NumberReading | None``
    The single number (no range joining) whose digits begin exactly at ``start``.

Scale words are ``scales.py``'s one table. Recognised: ``,`` ``.`` space (two or more
groups), no-break/thin space and apostrophe grouping;
Indian grouping ``12,34,567``; decimal commas when the scale word is non-English
(``1,57 mil milhões``, ``3,5 milliarder``), when dot groups precede (``1.234,5``) or when one or
two digits follow the comma before a scale word (``1,5 million``); glued and hyphenated scales
(``230million``, ``3.5-billion``; a glued ``mil`` is the Malaysian press's million:
``RM500mil``); ranges ``20-25 billion``, ``20 to 25 billion``,
``8.1 billion to 11.6 billion``, ``between 10 and 20 million`` (a trailing scale applies to both
ends). Not joined: ``from X to Y`` (a change, not a range), year spans ``2019-2020``, and
``2022-23`` (the high end would be lower).

Every pattern is linear-time; scanning anchors on digits and reads a short window after them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from claims.extract._regex import alternation, trie
from claims.extract.number_style import NumberStyle, read_mark
from claims.extract.scales import (
    _HOMOGRAPHS,
    _MILLION,
    FOREIGN_SCALES,
    LANGUAGE_SCALES,
    LETTER_SCALES,
    SCALES,
    NumberReading,
    scale_value,
)
from claims.model import Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["NumberReading", "parse_number", "read_numbers", "read_at", "SCALES", "FOREIGN_SCALES"]


# ---------------------------------------------------------------- data

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


# ---------------------------------------------------------------- patterns

_NUMBER_SRC = r"""
    (?<!\d)(?<!\d[.,])                              # not inside another number
    (?!0\d)                                         # nor a run of zeros: 1 500 000 -> "000"
    (?:
        (?P<point>\d+[-\x20]point                   # 677-point-four: spelled decimals
            (?:[-\x20](?:%(digits)s))+ (?![^\W\d_]) )
      | \d{1,3}(?:\.\d{3})+,\d+(?!\d)               # 1.234.567,89  dot groups, decimal comma
      | \d{1,3}(?:\.\d{3}){2,}(?![\d])              # 1.234.567     dot groups (two or more)
      | \d{1,2},(?:\d{2},)+\d{3}(?:\.\d+)?(?!\d)    # 12,34,567.8   Indian lakh/crore grouping
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)          # 1,234,567.89  comma groups
      | \d{1,3}[\u00a0\u202f\u2009'’]\d{3}          # 1 234 567 thin/nbsp/' (then plain
            (?:[\x20\u00a0\u202f\u2009'’]\d{3})*(?:[.,]\d+)?(?!\d)  # spaces may follow)
      | \d{1,3}(?:\x20\d{3}){2,}(?:[.,]\d+)?(?!\d)  # 1 234 567     plain spaces, two+ groups
      | \d+(?:[.,]\d+)?                             # 1234.5 / 1234,5 (mark decided later)
    )
    """ % {"digits": "|".join(_DIGIT_WORDS)}
_NUMBER = compile_pattern(_NUMBER_SRC, re.VERBOSE | re.IGNORECASE)


#: In copy that groups thousands with spaces (French, Swedish, Polish ...), one plain space
#: group is enough: 7 682 M€, 500 000 miljoner.
@lru_cache(maxsize=1)
def _number_spaced() -> re.Pattern[str]:
    return compile_pattern(
        _NUMBER_SRC.replace(
            r"\d{1,3}(?:\x20\d{3}){2,}(?:[.,]\d+)?(?!\d)",
            r"\d{1,3}(?:\x20\d{3})+(?:[.,]\d+)?(?![\d.,]?\d)",
        ),
        re.VERBOSE | re.IGNORECASE,
    )


def _pattern(style: NumberStyle | None) -> re.Pattern[str]:
    """The number pattern of a story's style (compiled on first need)."""
    return _number_spaced() if style is not None and style.space_group else _NUMBER


_SCALE = compile_pattern(
    r"""
    (?:
        (?P<sep>[\x20\u00a0]|-)?                    # one blank or hyphen, or glued
        (?P<word>%(words)s)                         # a scale word, longest first
      | (?P<letter>(?-i:%(letters)s))               # a glued one-letter abbreviation
    )
    (?![^\W\d_])                                    # the word ends here
    """
    % {
        "words": trie(
            [
                w.lower()
                for w in list(SCALES)
                + list(FOREIGN_SCALES)
                + [w for ws in LANGUAGE_SCALES.values() for w in ws if len(w) > 1]
            ]
        ),
        "letters": alternation(list(LETTER_SCALES)),
    },
    re.VERBOSE | re.IGNORECASE,
)

_RANGE_JOIN = compile_pattern(
    r"""
    (?: \x20?[-–—]\x20?                             # 20-25, 20 – 25
      | \x20(?:to|and)\x20 )                        # 20 to 25, (between) 20 and 25
    (?=\d)                                          # the high end follows at once
    """,
    re.VERBOSE | re.IGNORECASE,
)

_BETWEEN_FROM = compile_pattern(r"\b(between|from)\s$", re.IGNORECASE)  # on the 9 chars before

_DIGIT_WORD_VALUE = {w: str(i) for i, w in enumerate(_DIGIT_WORDS)}


# ---------------------------------------------------------------- reading


def parse_number(s: str, *, decimal_comma: bool | None = None) -> Decimal:
    """The value of a printed number without scale; see the module docstring."""
    digits, _ = _normalise(s.strip(), decimal_comma)
    try:
        return Decimal(digits)
    except InvalidOperation:
        raise ValueError(f"not a number: {s!r}") from None


def _normalise(s: str, decimal_comma: bool | None) -> tuple[str, int]:
    """``s`` as plain digits with a dot decimal mark, and the count of decimals printed."""
    if s.isdigit():
        return s, 0
    low = s.lower()
    if "point" in low:
        head, _, tail = low.partition("point")
        whole = head.strip(" -")
        frac = "".join(_DIGIT_WORD_VALUE[w] for w in re.split(r"[-\x20]+", tail.strip(" -")) if w)
        return f"{whole}.{frac}", len(frac)
    s = re.sub(r"[\x20\u00a0\u202f\u2009'’]", "", s)
    commas, dots = s.count(","), s.count(".")
    if commas and dots:  # the later mark is the decimal one
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif commas == 1 and (decimal_comma or (decimal_comma is None and not _three_after(s, ","))):
        s = s.replace(",", ".")
    elif commas:
        s = s.replace(",", "")
    elif dots == 1 and decimal_comma and _three_after(s, "."):
        s = s.replace(".", "")
    elif dots > 1:
        s = s.replace(".", "")
    decimals = len(s) - s.index(".") - 1 if "." in s else 0
    return s, decimals


def _three_after(s: str, mark: str) -> bool:
    """Whether exactly three digits follow the last ``mark`` (a grouping, in English)."""
    return len(s) - s.rfind(mark) - 1 == 3


def read_at(
    text: str, start: int, *, letters: bool = True, style: NumberStyle | None = None
) -> NumberReading | None:
    """The number whose digits begin at ``start`` (no range joining), or None."""
    m = _pattern(style).match(text, start)
    if m is None or m.start() != start:
        return None
    return _reading(text, m, letters, style)


def _scale_at(
    text: str, end: int, letters: bool, style: NumberStyle | None
) -> tuple[re.Match[str] | None, str | None, Decimal | None, Decimal | None]:
    """The scale word right after the digits, its text, multiplier, and that multiplier again
    when the word alone would mislead (German ``Billion``, a glued ``mil``); None when there is
    no scale or it is another language's word (``mi`` is Portuguese millions, English miles)."""
    if end >= len(text) or not (text[end].isalpha() or text[end] in " \u00a0-"):
        return None, None, None, None
    scale_m = _SCALE.match(text, end)
    if scale_m is None or (scale_m.group("letter") and not letters):
        return None, None, None, None
    scale_text = scale_m.group("word") or scale_m.group("letter")
    own = None
    try:
        mult = scale_value(scale_text, style.lang if style else None)
        if (
            style is not None
            and style.lang
            and style.lang != "en"
            and scale_text.lower() in LANGUAGE_SCALES.get(style.lang, ())
        ):
            own = mult  # German "Billion": 10**12
    except KeyError:
        return None, None, None, None
    if scale_m.group("sep") is None and scale_text.lower() == "mil":
        mult = own = _MILLION  # RM500mil, US$106mil (Malaysian press)
    return scale_m, scale_text, mult, own


def _homograph_note(
    scale_text: str | None,
    style: NumberStyle | None,
    mark: str | None = None,
    number: Decimal | None = None,
) -> str | None:
    """A note when a scale word means another power of ten in another language (``Billion``:
    10**12 in German, 10**9 in English) and the story's language was not known for sure.

    The languages that read these words as 10**12 (French, German, Polish) write a decimal
    comma, French makes two or more ``billions`` plural and German capitalises its nouns, so
    ``2.8 billion`` (a decimal point) and ``3 billion`` (lower case, two or more, singular) are
    read the English way without a note."""
    if not scale_text or style is None or style.sure:
        return None
    values = _HOMOGRAPHS.get(scale_text.lower())
    if values is None or mark == ".":
        return None
    if scale_text == "billion" and number is not None and number >= 2:
        return None
    return (
        f"'{scale_text}' means "
        + " or ".join(f"10^{v.adjusted()}" for v in values)
        + " depending on the language, and the story's language is not certain"
    )


def _reading(
    text: str, m: re.Match[str], letters: bool, style: NumberStyle | None = None
) -> NumberReading | None:
    """Build a reading from a number match: resolve the decimal mark, attach the scale."""
    raw, end = m.group(), m.end()
    scale_m, scale_text, mult, own = _scale_at(text, end, letters, style)
    foreign = False
    if scale_m and scale_text:
        foreign = " ".join(scale_text.lower().split()) in FOREIGN_SCALES and not (
            scale_m.group("sep") is None and scale_text.lower() == "mil"
        )
    decimal_comma: bool | None = True if foreign else None
    note = None
    if style is not None and m.group("point") is None:
        decimal_comma, note, raw = read_mark(raw, scale_text, style)
        if raw != m.group():
            end = m.start() + len(raw)
            scale_m, scale_text, mult, own = _scale_at(text, end, letters, style)
    elif m.group("point") is None and "," in raw and "." not in raw and raw.count(",") == 1:
        after = len(raw) - raw.index(",") - 1
        if not foreign and not (after <= 2 and scale_text) and after != 3:
            # "1,2345" or "3,5" with no scale in English copy: the comma is punctuation
            raw = raw[: raw.index(",")]
            end = m.start() + len(raw)
            scale_m, scale_text = None, None
        elif not foreign and after == 3:
            decimal_comma = False
    digits, decimals = _normalise(raw, decimal_comma)
    if len(digits) > MAX_DIGITS:
        return None  # a digit run, not a figure
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    step = Decimal(1).scaleb(-decimals)
    number = value
    if scale_m and scale_text and mult is not None:
        value, step, end = value * mult, step * mult, scale_m.end()
    else:
        own = None
    mark = None
    if decimals:
        mark = (
            ","
            if decimal_comma or (decimal_comma is None and "," in raw and "." not in raw)
            else "."
        )
        if "," in raw and "." in raw:
            mark = "," if raw.rfind(",") > raw.rfind(".") else "."
    note = note or _homograph_note(scale_text, style, mark, number)
    return NumberReading(
        value,
        None,
        step,
        decimals,
        scale_text,
        Span(m.start(), end),
        text[m.start() : end],
        own,
        note,
        mark,
    )


#: More digits than any figure in print (1946's pengő notes had 21 zeros): a serial number,
#: a hash or a run of digits, never read as a figure.
MAX_DIGITS = 40

_DIGITS = compile_pattern(r"\d+")


def _next_number(text: str, pos: int, pattern: re.Pattern[str] = _NUMBER) -> re.Match[str] | None:
    """``_NUMBER.search(text, pos)``, fast: its leading lookbehinds defeat re's literal scan, so
    find each run of digits (~100 MB/s) and try the full pattern only at the run's start (the
    lookbehinds rule out every later position in the run)."""
    while True:
        run = _DIGITS.search(text, pos)
        if run is None:
            return None
        m = pattern.match(text, run.start())
        if m is not None:
            return m
        pos = run.end()


def _iter_single(text: str, letters: bool, glued: bool, style: NumberStyle | None = None):
    """Every single number (no ranges) left to right."""
    pos, n = 0, len(text)
    pattern = _pattern(style)
    while pos < n:
        m = _next_number(text, pos, pattern)
        if m is None:
            return
        pos = m.end()
        before = text[m.start() - 1] if m.start() else ""
        if before.isalpha() and not glued:
            continue
        if _section_code(text, m.start(), m.end()):
            continue
        r = _reading(text, m, letters, style)
        if r is None:
            continue
        if (
            style is not None
            and before == "."
            and _LEAD_DOT.search(text, max(0, m.start() - 2), m.start())
        ):
            r = _leading_dot(text, r)
        yield r
        pos = max(pos, r.span.end)


#: A lettered part glued to a number names a plan or a section, not a figure: ``401(k)``,
#: ``403(b)``, ``501(c)(3)``, ``230(c)``; so does a number in a code's own brackets (the
#: ``3`` of ``501(c)(3)``).
_LETTERED_PART = compile_pattern(r"\((?:[a-z]{1,2}|[ivx]{1,4})\)")


def _section_code(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``text[start:end]`` are part of a code like ``401(k)``."""
    if text.startswith("(", end) and _LETTERED_PART.match(text, end):
        return True
    return text.startswith(")(", start - 2) and text.startswith(")", end)


#: ".5 billion", "$.5": a decimal point with no digit before it (a blank, $ or bracket before)
_LEAD_DOT = compile_pattern(r"(?:^|[\x20\u00a0($€£¥])\.$")


def _leading_dot(text: str, r: NumberReading) -> NumberReading:
    """``r`` read after a bare decimal point: ``.5 billion`` -> 0.5 billion."""
    digits = re.match(r"\d+", r.text)
    if digits is None or r.decimals or not r.value or "," in r.text:
        return r
    n = len(digits.group())
    mult = r.scale
    return replace(
        r,
        value=Decimal(digits.group()).scaleb(-n) * mult,
        step=Decimal(1).scaleb(-n) * mult,
        decimals=n,
        decimal_mark=".",
        span=Span(r.span.start - 1, r.span.end),
        text="." + r.text,
    )


def _looks_like_year(r: NumberReading) -> bool:
    return r.scale_text is None and r.decimals == 0 and 1800 <= r.value <= 2100 and r.text.isdigit()


def _join(text: str, low: NumberReading, high: NumberReading) -> NumberReading | None:
    """``low``-``high`` as one range reading if the join makes sense, else None."""
    if low.scale_text and not high.scale_text:
        return None
    if _looks_like_year(low) and (_looks_like_year(high) or len(high.text) == 2):
        return None
    value, step = low.value, low.step
    if high.scale_text and not low.scale_text:
        value, step = value * high.scale, step * high.scale
    if high.value < value:
        return None
    return NumberReading(
        value,
        high.value,
        step,
        low.decimals,
        high.scale_text or low.scale_text,
        Span(low.span.start, high.span.end),
        text[low.span.start : high.span.end],
        high.mult or low.mult,
    )


def read_numbers(
    text: str,
    *,
    letters: bool = True,
    glued: bool = False,
    words: bool = False,
    style: NumberStyle | None = None,
) -> list[NumberReading]:
    """Every number in ``text`` with scales applied and ranges joined; see the module docstring.

    ``words`` also reads numbers spelled out before a big scale word (``three billion``,
    ``half a billion``), merged in text order. ``style`` (the story's number style, see
    ``number_style``) reads two-way figures (``12.345``) the story's way and also reads CJK
    myriad numbers (``7兆9914億``) and chains (``1 trilyon 421,2 milyar``); None keeps the
    English conventions."""
    out = _read_digits(text, letters, glued, style)
    if style is not None:
        from claims.extract.myriad import merge_myriad

        out = merge_myriad(text, _chains(text, out))
    if words:
        from claims.extract.spelled import foreign_word_numbers, word_numbers

        spelled = word_numbers(text)
        if style is not None and style.lang:
            spelled += foreign_word_numbers(text, style.lang, out)
        if spelled:
            out = sorted(out + spelled, key=lambda r: r.span.start)
    return out


def _read_digits(
    text: str, letters: bool, glued: bool, style: NumberStyle | None = None
) -> list[NumberReading]:
    singles = list(_iter_single(text, letters, glued, style))
    out: list[NumberReading] = []
    i = 0
    while i < len(singles):
        r = singles[i]
        if i + 1 < len(singles):
            nxt = singles[i + 1]
            j = _RANGE_JOIN.match(text, r.span.end)
            if j and j.end() == nxt.span.start:
                word = j.group().strip().lower()
                lead = _BETWEEN_FROM.search(text, max(0, r.span.start - 9), r.span.start)
                lead_word = lead.group(1).lower() if lead else None
                ok = (word == "and" and lead_word == "between") or (
                    word != "and" and lead_word != "from" and lead_word != "between"
                )
                joined = _join(text, r, nxt) if ok else None
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
        out.append(r)
        i += 1
    return out


_CHAIN_GAP = compile_pattern(r"[\x20\u00a0]")


def _chains(text: str, readings: list[NumberReading]) -> list[NumberReading]:
    """Join ``1 trilyon 421,2 milyar`` and ``214 milyar 543 milyon`` (falling scales) into one."""
    out: list[NumberReading] = []
    for r in readings:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.scale_text
            and r.scale_text
            and prev.high is None
            and r.high is None
            and prev.decimals == 0
            and r.scale < prev.scale
            and r.value < prev.scale
            and _CHAIN_GAP.fullmatch(text, prev.span.end, r.span.start)
        ):
            span = Span(prev.span.start, r.span.end)
            out[-1] = replace(
                r,
                value=prev.value + r.value,
                span=span,
                text=text[span.start : span.end],
                note=prev.note or r.note,
            )
            continue
        out.append(r)
    return out


def rescale(r: NumberReading, scale_text: str) -> NumberReading:
    """``r`` (read without scale) multiplied by ``scale_text`` (for ``between $10 and $20 million``)."""
    mult = scale_value(scale_text)
    return replace(
        r,
        value=r.value * mult,
        step=r.step * mult,
        high=r.high * mult if r.high is not None else None,
        scale_text=scale_text,
        mult=None,
    )
