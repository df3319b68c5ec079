"""Which mark is the decimal one: the story's number style, and how a two-way figure is read.

``12.345`` and ``1,500`` read two ways: twelve thousand or twelve point three, fifteen hundred
or one and a half. ``story_style(text, language, number_format)`` settles the story's decimal
mark, in order, from the ``number_format`` option (``"1.234,5"``, ``"1,234.5"``,
``"1 234,5"``, ``"1'234.5"``, ``"decimal-comma"``, ``"decimal-point"``), the story's own
unambiguous figures (``1.234.567``, ``3,5%``, ``1,234.5``, ``2.000``), then the language
(and region: ``es-MX`` writes ``1,234.5``). ``decide(...)`` reads one two-way figure: its own
trailing zeros first (``318,000 millones`` and ``$ 25.000`` group thousands whatever the
style: nobody prints three decimals of zeros), then the story's style (a scale word of a language with one convention comes first: ``3.800
billion`` is English). When the reading rests on a guess -- a language that writes the mark both ways
(Spanish), an unknown language, figures that disagree -- the figure is flagged with a note so
that a check can say ok or unverifiable, never an error built on a guessed reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.extract._lang import LANGUAGES
from claims.extract.language import StoryLanguage
from claims.extract.scales import FOREIGN_SCALES
from claims.pattern_cache import compile as compile_pattern

__all__ = ["NumberStyle", "story_style", "decide", "read_mark", "parse_number_format", "ENGLISH"]


@dataclass(frozen=True)
class NumberStyle:
    """A story's number conventions."""

    decimal: str | None  # "," or "."; None when nothing tells
    source: str  # option | story | language | default
    varies: bool = False  # decided by a language written both ways, or by a guess
    space_group: bool = False  # a single plain space groups thousands: "7 682 M€"
    lang: str | None = None  # base language of the story (scale words, homographs)
    region: str | None = None
    sure: bool = True  # the language is known for sure (option, document, evidence)


ENGLISH = NumberStyle(".", "language", lang="en")

_FORMATS = {
    "1,234.5": ".",
    "1 234.5": ".",
    "1'234.5": ".",
    "1’234.5": ".",
    "decimal-point": ".",
    "decimal-dot": ".",
    "point": ".",
    "dot": ".",
    "1.234,5": ",",
    "1 234,5": ",",
    "1'234,5": ",",
    "decimal-comma": ",",
    "comma": ",",
}


def parse_number_format(value: str | None) -> str | None:
    """The decimal mark a ``number_format`` setting names; None for ``auto``/None.

    Raises ``ValueError`` (with the accepted forms) for anything else."""
    if value is None or value.strip().lower() in ("", "auto"):
        return None
    key = value.strip().replace("\u00a0", " ").lower()
    if key in _FORMATS:
        return _FORMATS[key]
    raise ValueError(
        f"number_format must be auto, 1,234.5, 1.234,5, 1 234,5, 1'234.5, "
        f"decimal-point or decimal-comma (got {value!r})"
    )


#: A mark between digits (found with a charset scan), then the whole figure around it.
_MARK = compile_pattern(r"[.,]\d")
_MARKED = compile_pattern(r"\d+(?:[.,]\d+)+")
_DOT_GROUPS = compile_pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234,567 / 1,234.5
_COMMA_GROUPS = compile_pattern(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567 / 1.234,5
_FOLLOWED = compile_pattern(r"[\x20\u00a0]?(?:%|[^\W\d_])")  # 3,5 % / 3.5 million


def _votes(text: str) -> tuple[int, int]:
    """How many unambiguous figures write a decimal point, and how many a decimal comma:
    ``1,234.5`` and ``1,234,567`` point; ``1.234,5``, ``1.234.567`` comma; ``3,5 %``, ``5,3761``
    comma and ``3.5 million``, ``1.0875`` point (two-way ``12.345`` and ``1,500`` say nothing)."""
    dot = comma = 0
    pos = 0
    while True:
        hit = _MARK.search(text, pos)
        if hit is None:
            break
        start = hit.start()
        if not start or not text[start - 1].isdigit():
            pos = hit.end()
            continue
        while start and text[start - 1].isdigit():
            start -= 1
        m = _MARKED.match(text, start)
        pos = m.end() if m else hit.end()
        if m is None or (start and text[start - 1] in ".,"):
            continue
        tok = m.group()
        commas, dots = tok.count(","), tok.count(".")
        if commas and dots:
            if _DOT_GROUPS.fullmatch(tok) and tok.rfind(".") > tok.rfind(","):
                dot += 1
            elif _COMMA_GROUPS.fullmatch(tok) and tok.rfind(",") > tok.rfind("."):
                comma += 1
            continue
        if commas > 1 or dots > 1:
            if _DOT_GROUPS.fullmatch(tok):
                dot += 1
            elif _COMMA_GROUPS.fullmatch(tok):
                comma += 1
            continue
        tail = len(tok) - max(tok.find(","), tok.find(".")) - 1
        if tail != 3 and _FOLLOWED.match(text, m.end()):
            if commas:
                comma += 1
            else:
                dot += 1
    return dot, comma


def story_style(
    text: str, language: StoryLanguage, number_format: str | None = None
) -> NumberStyle:
    """The story's decimal mark and where it comes from (see the module docstring)."""
    base = language.base
    info = LANGUAGES.get(base or "")
    space = bool(info and info["space_group"]) or base not in (None, "en")
    mark = parse_number_format(number_format)
    common: dict[str, Any] = {
        "space_group": space and base != "en",
        "lang": base,
        "region": language.region,
        "sure": language.confident,
    }
    if mark is not None:
        return NumberStyle(mark, "option", **common)
    dot, comma = _votes(text)
    if base == "en":  # English copy quoting 1.234.567 pesos: still '.',
        return NumberStyle(".", "language", varies=comma > dot, **common)  # two-way flagged
    if dot and comma:
        if dot >= 3 * comma:
            comma = 0
        elif comma >= 3 * dot:
            dot = 0
    if dot and not comma:
        return NumberStyle(".", "story", **common)
    if comma and not dot:
        return NumberStyle(",", "story", **common)
    mixed = bool(dot and comma)
    if info is not None:
        decimal = info["decimal"]
        region = language.region
        if region and region in info["other_decimal_regions"]:
            return NumberStyle("." if decimal == "," else ",", "language", varies=mixed, **common)
        return NumberStyle(decimal, "language", varies=mixed or info["decimal_varies"], **common)
    return NumberStyle(None, "default", varies=True, **common)


#: scale word -> the decimal marks of the languages that write it (one mark: a local cue)
def _scale_marks() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for info in LANGUAGES.values():
        for word in info["scales"]:
            out.setdefault(word, set()).add("varies" if info["decimal_varies"] else info["decimal"])
    for word in (
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "thousand",
        "bn",
        "mn",
        "tn",
    ):
        out.setdefault(word, set()).add(".")
    return out


_SCALE_MARKS = _scale_marks()
_ENGLISH_WORDS = frozenset(
    {
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "thousand",
        "bn",
        "mn",
        "tn",
        "mln",
        "bln",
        "trn",
        "crore",
        "lakh",
    }
)


def _marks_of(scale_word: str, lang: str | None) -> set[str] | None:
    """The decimal marks a scale word implies: the story language's own when it writes the
    word (German 'Billion', English 'billion'), else every language's that does."""
    word = " ".join(scale_word.lower().split())
    if lang == "en" and word in _ENGLISH_WORDS:
        return {"."}
    info = LANGUAGES.get(lang or "")
    if info is not None and word in info["scales"]:
        return {"varies" if info["decimal_varies"] else info["decimal"]}
    return _SCALE_MARKS.get(word)


def decide(
    raw: str, mark: str, scale_word: str | None, style: NumberStyle
) -> tuple[bool, str | None]:
    """Read a two-way figure (one ``mark``, three digits after it): whether the mark is the
    decimal one, and a note when that rests on a guess (None when it does not)."""
    if style.source == "option":
        return style.decimal == mark, None
    marks = _marks_of(scale_word, style.lang) if scale_word else None
    if marks and len(marks) == 1 and "varies" not in marks:
        (local,) = marks  # 3.800 billion, 3.000 Milliarden
        return local == mark, None
    if raw.endswith("00"):
        said = style.decimal == mark and style.source in ("story", "language") and not style.varies
        note = (
            (
                f"'{raw}' read as thousands (round figure), though the story writes '{mark}' "
                f"as its decimal mark"
            )
            if said or style.source == "default"
            else None
        )
        return False, note
    if style.decimal is not None and not style.varies:
        return style.decimal == mark, None
    decimal = style.decimal or "."
    read, alt = (
        ("a decimal mark", "thousands") if decimal == mark else ("thousands", "a decimal mark")
    )
    why = (
        f"the {style.lang} convention, which varies by country"
        if style.decimal
        else "no language or figure in the story tells"
    )
    return decimal == mark, f"'{raw}' read with '{mark}' as {read} ({why}); it may be {alt}"


def read_mark(
    raw: str, scale_text: str | None, style: NumberStyle
) -> tuple[bool | None, str | None, str]:
    """``raw``'s decimal mark read in the story's style: (decimal comma?, note, raw as kept);
    ``raw`` is cut at a comma that is punctuation in English copy (``1,2345``)."""
    commas, dots = raw.count(","), raw.count(".")
    if commas + dots != 1:
        return None, None, raw  # 1,234.5 / 1.234.567 / 1234: one reading
    mark = "," if commas else "."
    head, _, tail = raw.partition(mark)
    if _GROUP_BLANKS.search(head):
        return mark == ",", None, raw  # 1 234,5 / 1'234.50: blanks group
    if len(tail) == 3 and 1 <= len(head) <= 3 and head[0] != "0":
        is_decimal, note = decide(raw, mark, scale_text, style)
        return (is_decimal if mark == "," else not is_decimal), note, raw
    if mark == ".":
        return False, None, raw  # 3.5, 1234.567, 0.125: a decimal point
    if style.decimal == "," or _is_foreign(scale_text) or (scale_text and len(tail) <= 2):
        return True, None, raw  # 3,5 millones / 0,20 euros / 5,3761
    if len(tail) == 3:
        return False, None, raw  # 1234,567 in English copy: as before
    return None, None, head  # "1,2345" in English copy: punctuation


_GROUP_BLANKS = compile_pattern(r"[\x20\u00a0\u202f\u2009'’]")


def _is_foreign(scale_text: str | None) -> bool:
    if not scale_text:
        return False
    return " ".join(scale_text.lower().split()) in FOREIGN_SCALES
