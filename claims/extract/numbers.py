"""Read the numbers in news text: digits, grouping, decimal marks, scale words, ranges.

Public API
----------
``parse_number(s, *, decimal_comma=None) -> Decimal``
    The value of one printed number without scale word: ``"1,234.5"`` -> 1234.5,
    ``"5,91,61,730"`` -> 59161730, ``"1.234,5"`` -> 1234.5, ``"677-point-four"`` -> 677.4.
    ``decimal_comma=True`` reads a lone comma as the decimal mark (``"4,031"`` -> 4.031) and a
    lone dot followed by three digits as grouping; ``None`` guesses (English conventions).
    Raises ``ValueError`` when ``s`` is not a number.

``read_numbers(text, *, letters=True, glued=False, words=False) -> list[NumberReading]``
    Every number in ``text``, left to right, with its scale word and ranges joined.
    ``NumberReading(value, high, step, decimals, scale_text, span, text)``:
    ``value`` the (low end) value, ``high`` the upper end of a range or None, ``step`` the value
    of one unit in the last printed digit -- all three already multiplied by the scale word
    (``"8.1 trillion"`` -> value 8.1e12, step 1e11, decimals 1, scale_text ``"trillion"``).
    ``span``/``text`` cover the digits through the scale word (the whole range for ranges).
    ``letters`` applies the one-letter abbreviations k, m, b, t (and K, M, B, T, MM) -- only when
    glued to the digits (``$5m``, ``¥2.8t``); pass False when reading physical units (``100m``).
    ``glued`` also reads numbers glued to a preceding letter (``DKr14bn``, ``Rs800``); off by
    default so that ``A380`` or ``G7`` are not figures. ``words`` also reads numbers spelled out
    before million/billion/trillion (``three billion``, ``twenty-five million``, ``half a
    billion``, ``a billion``), found from the scale word with ``str.find``.

``read_at(text, start, *, letters=True) -> NumberReading | None``
    The single number (no range joining) whose digits begin exactly at ``start``.

Recognised: ``,`` ``.`` space (two or more groups), no-break/thin space and apostrophe grouping;
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
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from claims.model import Span

__all__ = ["NumberReading", "parse_number", "read_numbers", "read_at", "SCALES", "FOREIGN_SCALES"]


@dataclass(frozen=True)
class NumberReading:
    """One number as printed, scaled: ``"20-25 billion"`` -> value 2e10, high 2.5e10, step 1e9."""

    value: Decimal
    high: Decimal | None
    step: Decimal
    decimals: int
    scale_text: str | None
    span: Span
    text: str
    mult: Decimal | None = None       # the scale's multiplier when the word alone misleads

    @property
    def scale(self) -> Decimal:
        """The multiplier of the scale word (1 when there is none)."""
        if self.mult is not None:
            return self.mult
        return scale_value(self.scale_text) if self.scale_text else Decimal(1)


# ---------------------------------------------------------------- data

#: English (and Indian English) scale words and abbreviations -> multiplier.
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3, "thousands": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "trillions": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
    "mln": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mio": Decimal(10) ** 6,
    "bln": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bil": Decimal(10) ** 9,
    "trln": Decimal(10) ** 12, "trn": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
    "tril": Decimal(10) ** 12,
    "lakh crore": Decimal(10) ** 12, "lakh crores": Decimal(10) ** 12,
    "thousand crore": Decimal(10) ** 10, "thousand crores": Decimal(10) ** 10,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7, "cr": Decimal(10) ** 7,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "lac": Decimal(10) ** 5,
    "lacs": Decimal(10) ** 5,
}

#: Scale words of languages that write a decimal comma (pt, es, da/no, sv, de, fr, it, nl).
FOREIGN_SCALES: dict[str, Decimal] = {
    "mil milhões": Decimal(10) ** 9, "mil millones": Decimal(10) ** 9,
    "milhões": Decimal(10) ** 6, "milhão": Decimal(10) ** 6,
    "millones": Decimal(10) ** 6, "millón": Decimal(10) ** 6,
    "bilhões": Decimal(10) ** 9, "bilhão": Decimal(10) ** 9,
    "trilhões": Decimal(10) ** 12, "trilhão": Decimal(10) ** 12,
    "billones": Decimal(10) ** 12, "billón": Decimal(10) ** 12,
    "milliarder": Decimal(10) ** 9, "milliarden": Decimal(10) ** 9,
    "milliards": Decimal(10) ** 9, "milliard": Decimal(10) ** 9,
    "miljarder": Decimal(10) ** 9, "miljard": Decimal(10) ** 9, "miliardi": Decimal(10) ** 9,
    "millioner": Decimal(10) ** 6, "millionen": Decimal(10) ** 6, "miljoner": Decimal(10) ** 6,
    "miljoen": Decimal(10) ** 6, "milioni": Decimal(10) ** 6,
    "mrd": Decimal(10) ** 9, "mia": Decimal(10) ** 9, "mld": Decimal(10) ** 9,
    "mil": Decimal(10) ** 3,
}

#: One-letter (and MM) abbreviations; read only when glued to the digits.
LETTER_SCALES: dict[str, Decimal] = {
    "MM": Decimal(10) ** 6,
    "k": Decimal(10) ** 3, "K": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "M": Decimal(10) ** 6,
    "b": Decimal(10) ** 9, "B": Decimal(10) ** 9,
    "t": Decimal(10) ** 12, "T": Decimal(10) ** 12,
}

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def scale_value(scale_text: str) -> Decimal:
    """The multiplier of a scale word as written (``"Bn"`` -> 1e9); KeyError if unknown."""
    if scale_text in LETTER_SCALES:
        return LETTER_SCALES[scale_text]
    key = " ".join(scale_text.lower().split())
    return SCALES[key] if key in SCALES else FOREIGN_SCALES[key]


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of blanks."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[\x20\u00a0]+") for w in ordered)


# ---------------------------------------------------------------- patterns

_NUMBER = re.compile(
    r"""
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
    """ % {"digits": "|".join(_DIGIT_WORDS)},
    re.VERBOSE | re.IGNORECASE,
)

_SCALE = re.compile(
    r"""
    (?:
        (?P<sep>[\x20\u00a0]|-)?                    # one blank or hyphen, or glued
        (?P<word>%(words)s)                         # a scale word, longest first
      | (?P<letter>(?-i:%(letters)s))               # a glued one-letter abbreviation
    )
    (?![^\W\d_])                                    # the word ends here
    """ % {
        "words": _alternation(list(SCALES) + list(FOREIGN_SCALES)),
        "letters": _alternation(list(LETTER_SCALES)),
    },
    re.VERBOSE | re.IGNORECASE,
)

_RANGE_JOIN = re.compile(
    r"""
    (?: \x20?[-–—]\x20?                             # 20-25, 20 – 25
      | \x20(?:to|and)\x20 )                        # 20 to 25, (between) 20 and 25
    (?=\d)                                          # the high end follows at once
    """,
    re.VERBOSE | re.IGNORECASE,
)

_BETWEEN_FROM = re.compile(r"\b(between|from)\s$", re.IGNORECASE)   # on the 9 chars before

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
    if commas and dots:                               # the later mark is the decimal one
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


def read_at(text: str, start: int, *, letters: bool = True) -> NumberReading | None:
    """The number whose digits begin at ``start`` (no range joining), or None."""
    m = _NUMBER.match(text, start)
    if m is None or m.start() != start:
        return None
    return _reading(text, m, letters)


def _reading(text: str, m: re.Match[str], letters: bool) -> NumberReading | None:
    """Build a reading from a number match: resolve the decimal mark, attach the scale."""
    raw, end = m.group(), m.end()
    scale_m = _SCALE.match(text, end)
    if scale_m and scale_m.group("letter") and not letters:
        scale_m = None
    scale_text = None
    foreign = False
    if scale_m:
        scale_text = scale_m.group("word") or scale_m.group("letter")
        foreign = " ".join(scale_text.lower().split()) in FOREIGN_SCALES and not (
            scale_m.group("sep") is None and scale_text.lower() == "mil")
    decimal_comma: bool | None = True if foreign else None
    if m.group("point") is None and "," in raw and "." not in raw and raw.count(",") == 1:
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
        return None                                   # a digit run, not a figure
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    step = Decimal(1).scaleb(-decimals)
    own = None
    if scale_m and scale_text:
        mult = scale_value(scale_text)
        if scale_m.group("sep") is None and scale_text.lower() == "mil":
            mult = own = _MILLION                     # RM500mil, US$106mil (Malaysian press)
        value, step, end = value * mult, step * mult, scale_m.end()
    return NumberReading(value, None, step, decimals, scale_text, Span(m.start(), end),
                         text[m.start():end], own)


_MILLION = Decimal(10) ** 6
#: More digits than any figure in print (1946's pengő notes had 21 zeros): a serial number,
#: a hash or a run of digits, never read as a figure.
MAX_DIGITS = 40


_DIGITS = re.compile(r"\d+")


def _next_number(text: str, pos: int) -> re.Match[str] | None:
    """``_NUMBER.search(text, pos)``, fast: its leading lookbehinds defeat re's literal scan, so
    find each run of digits (~100 MB/s) and try the full pattern only at the run's start (the
    lookbehinds rule out every later position in the run)."""
    while True:
        run = _DIGITS.search(text, pos)
        if run is None:
            return None
        m = _NUMBER.match(text, run.start())
        if m is not None:
            return m
        pos = run.end()


def _iter_single(text: str, letters: bool, glued: bool):
    """Every single number (no ranges) left to right."""
    pos, n = 0, len(text)
    while pos < n:
        m = _next_number(text, pos)
        if m is None:
            return
        pos = m.end()
        before = text[m.start() - 1] if m.start() else ""
        if before.isalpha() and not glued:
            continue
        r = _reading(text, m, letters)
        if r is not None:
            yield r
            pos = max(pos, r.span.end)


def _looks_like_year(r: NumberReading) -> bool:
    return r.scale_text is None and r.decimals == 0 and 1800 <= r.value <= 2100 \
        and r.text.isdigit()


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
    return NumberReading(value, high.value, step, low.decimals, high.scale_text or low.scale_text,
                         Span(low.span.start, high.span.end),
                         text[low.span.start:high.span.end], high.mult or low.mult)


_UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TEN_WORDS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}

#: A number written in words right before a big scale word: "three billion", "half a billion",
#: "twenty-five million", "a billion". Searched (with endpos) in a short window before the
#: scale word found by ``str.find``, so it only ever runs where a scale word is.
_WORD_NUMBER = re.compile(
    r"""
    (?<![^\W\d_])
    (?:
        (?P<half>half[\x20\u00a0]an?|a[\x20\u00a0]half)         # half a billion
      | (?P<a>an?)                                             # a billion
      | (?P<tens>%(tens)s)(?:-(?P<tu>%(units)s))?              # twenty(-five)
      | (?P<unit>%(units)s)                                    # three
    )
    [\x20\u00a0-]$                                           # a half-billion
    """ % {"tens": "|".join(k for k in _TEN_WORDS),
           "units": "|".join(sorted((k for k in _UNIT_WORDS if k != "zero"),
                                    key=lambda w: -len(w)))},
    re.VERBOSE | re.IGNORECASE,
)
_WORD_SCALE = re.compile(r"(?:m|b|tr)illion(?![^\W\d_])", re.IGNORECASE)


def _find_all(text: str, word: str) -> list[int]:
    """Every offset of ``word`` in ``text`` (str.find: a C-speed scan)."""
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + len(word))
    return out


def _word_numbers(text: str) -> list[NumberReading]:
    """Numbers spelled out before million, billion or trillion (``three billion``)."""
    out: list[NumberReading] = []
    hits = _find_all(text, "illion")
    if "ILLION" in text:
        hits = sorted(hits + _find_all(text, "ILLION"))
    for k in hits:
        start = k - 2 if text[k - 2:k].lower() == "tr" else k - 1
        if start < 2 or not text[start - 2].isalpha():
            continue                                  # "5 billion": digits, read already
        sm = _WORD_SCALE.match(text, start)
        if sm is None:
            continue
        m = _WORD_NUMBER.search(text, max(0, start - 24), start)
        if m is None:
            continue
        if m.group("half"):
            n = Decimal("0.5")
        elif m.group("a"):
            n = Decimal(1)
        elif m.group("tens"):
            n = Decimal(_TEN_WORDS[m.group("tens").lower()] +
                        (_UNIT_WORDS[m.group("tu").lower()] if m.group("tu") else 0))
        else:
            n = Decimal(_UNIT_WORDS[m.group("unit").lower()])
        scale_text = sm.group()
        mult = scale_value(scale_text)
        out.append(NumberReading(n * mult, None, mult, 0, scale_text, Span(m.start(), sm.end()),
                                 text[m.start():sm.end()]))
    return out


def read_numbers(text: str, *, letters: bool = True, glued: bool = False,
                 words: bool = False) -> list[NumberReading]:
    """Every number in ``text`` with scales applied and ranges joined; see the module docstring.

    ``words`` also reads numbers spelled out before a big scale word (``three billion``,
    ``half a billion``), merged in text order."""
    out = _read_digits(text, letters, glued)
    if words:
        spelled = _word_numbers(text)
        if spelled:
            out = sorted(out + spelled, key=lambda r: r.span.start)
    return out


def _read_digits(text: str, letters: bool, glued: bool) -> list[NumberReading]:
    singles = list(_iter_single(text, letters, glued))
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
                ok = (word == "and" and lead_word == "between") or \
                     (word != "and" and lead_word != "from" and lead_word != "between")
                joined = _join(text, r, nxt) if ok else None
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
        out.append(r)
        i += 1
    return out


def rescale(r: NumberReading, scale_text: str) -> NumberReading:
    """``r`` (read without scale) multiplied by ``scale_text`` (for ``between $10 and $20 million``)."""
    mult = scale_value(scale_text)
    return replace(r, value=r.value * mult, step=r.step * mult,
                   high=r.high * mult if r.high is not None else None, scale_text=scale_text,
                   mult=None)
