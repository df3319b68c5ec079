"""The one table of scale words: English, every language's (``data/lang``), one-letter; and
``NumberReading``, a number as printed with its scale applied.

``SCALES`` (English and Indian English), ``FOREIGN_SCALES`` (other languages' words read in any
story: long or well known, and one value in every language that writes them),
``LANGUAGE_SCALES`` (each language's own words, read in a story of that language: ``mi`` is
Portuguese millions but English miles; German ``Billion`` is 10**12), ``LETTER_SCALES`` (``k``,
``m``, ``bn`` glued to digits). ``scale_value(word, lang)`` reads one in the story's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claims.extract._lang import LANGUAGES as _LANGUAGES
from claims.model import Span

__all__ = [
    "SCALES",
    "FOREIGN_SCALES",
    "LANGUAGE_SCALES",
    "LETTER_SCALES",
    "scale_value",
    "NumberReading",
]

#: English (and Indian English) scale words and abbreviations -> multiplier.
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "thousands": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "trillions": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mio": Decimal(10) ** 6,
    "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bil": Decimal(10) ** 9,
    "trln": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "tril": Decimal(10) ** 12,
    "lakh crore": Decimal(10) ** 12,
    "lakh crores": Decimal(10) ** 12,
    "thousand crore": Decimal(10) ** 10,
    "thousand crores": Decimal(10) ** 10,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "lac": Decimal(10) ** 5,
    "lacs": Decimal(10) ** 5,
}

#: Scale words of languages that write a decimal comma (pt, es, da/no, sv, de, fr, it, nl).
FOREIGN_SCALES: dict[str, Decimal] = {
    "mil milhões": Decimal(10) ** 9,
    "mil millones": Decimal(10) ** 9,
    "milhões": Decimal(10) ** 6,
    "milhão": Decimal(10) ** 6,
    "millones": Decimal(10) ** 6,
    "millón": Decimal(10) ** 6,
    "bilhões": Decimal(10) ** 9,
    "bilhão": Decimal(10) ** 9,
    "trilhões": Decimal(10) ** 12,
    "trilhão": Decimal(10) ** 12,
    "billones": Decimal(10) ** 12,
    "billón": Decimal(10) ** 12,
    "milliarder": Decimal(10) ** 9,
    "milliarden": Decimal(10) ** 9,
    "milliards": Decimal(10) ** 9,
    "milliard": Decimal(10) ** 9,
    "miljarder": Decimal(10) ** 9,
    "miljard": Decimal(10) ** 9,
    "miliardi": Decimal(10) ** 9,
    "millioner": Decimal(10) ** 6,
    "millionen": Decimal(10) ** 6,
    "miljoner": Decimal(10) ** 6,
    "miljoen": Decimal(10) ** 6,
    "milioni": Decimal(10) ** 6,
    "mrd": Decimal(10) ** 9,
    "mia": Decimal(10) ** 9,
    "mld": Decimal(10) ** 9,
    "mil": Decimal(10) ** 3,
}


def _language_scales() -> dict[str, dict[str, Decimal]]:
    """Every language's scale words from ``data/lang`` (CJK myriad units are ``myriad.py``'s)."""
    out: dict[str, dict[str, Decimal]] = {}
    for code, info in _LANGUAGES.items():
        words = {
            w: Decimal(10) ** p
            for w, p in info["scales"].items()
            if not ("\u3000" <= w[0] <= "\u9fff" or "\uac00" <= w[0] <= "\ud7a3")
        }
        out[code] = words
    return out


#: language -> its scale words (``data/lang/*.toml``): ``"billones"`` 10**12, ``"Mrd."`` 10**9.
LANGUAGE_SCALES: dict[str, dict[str, Decimal]] = _language_scales()

#: Short words active only in a story of their language (``mi`` is miles in English copy).
_GLOBAL_SHORT = frozenset(
    {
        "mil",
        "mrd",
        "mia",
        "mld",
        "mln",
        "млн",
        "млрд",
        "трлн",
        "тыс",
        "тис",
        "млн.",
        "млрд.",
        "трлн.",
        "mrd.",
        "mia.",
        "mld.",
        "mln.",
        "mio.",
        "tys.",
        "tys",
        "mdr",
        "mdr.",
    }
)
_NOT_GLOBAL = frozenset({"mill", "mill."})  # English words: Norwegian copy only


def _global_foreign() -> dict[str, Decimal]:
    """Language scale words read in any story: long or well-known, and the same value in every
    language that writes them (``billion`` is 10**12 in German and French: not global)."""
    values: dict[str, set[Decimal]] = {}
    for words in LANGUAGE_SCALES.values():
        for w, v in words.items():
            values.setdefault(w, set()).add(v)
    return {
        w: next(iter(vs))
        for w, vs in values.items()
        if len(vs) == 1
        and w not in SCALES
        and w not in _NOT_GLOBAL
        and (len(w) >= 4 or w in _GLOBAL_SHORT)
    }


FOREIGN_SCALES.update({w: v for w, v in _global_foreign().items() if w not in FOREIGN_SCALES})

#: One-letter (and MM) abbreviations; read only when glued to the digits.
LETTER_SCALES: dict[str, Decimal] = {
    "MM": Decimal(10) ** 6,
    "k": Decimal(10) ** 3,
    "K": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "M": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "B": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
    "T": Decimal(10) ** 12,
}


def scale_value(scale_text: str, lang: str | None = None) -> Decimal:
    """The multiplier of a scale word as written (``"Bn"`` -> 1e9), in the story's language
    when given (German ``Billion`` is 10**12); KeyError if unknown or not read in ``lang``."""
    if scale_text in LETTER_SCALES:
        return LETTER_SCALES[scale_text]
    key = " ".join(scale_text.lower().split())
    own = LANGUAGE_SCALES.get(lang or "")
    if own and key in own:
        return own[key]
    return SCALES[key] if key in SCALES else FOREIGN_SCALES[key]


def _homographs() -> dict[str, list[Decimal]]:
    out: dict[str, set[Decimal]] = {}
    for words in [SCALES, *LANGUAGE_SCALES.values()]:
        for w, v in words.items():
            out.setdefault(w.lower(), set()).add(v)
    return {w: sorted(vs) for w, vs in out.items() if len(vs) > 1}


_HOMOGRAPHS = _homographs()


_MILLION = Decimal(10) ** 6


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
    mult: Decimal | None = None  # the scale's multiplier when the word alone misleads
    note: str | None = None  # set when the reading rests on a guess (12.345, 1,500)
    decimal_mark: str | None = None  # the decimal mark as read ("," for 1.234,5), if printed

    @property
    def scale(self) -> Decimal:
        """The multiplier of the scale word (1 when there is none)."""
        if self.mult is not None:
            return self.mult
        return scale_value(self.scale_text) if self.scale_text else Decimal(1)
