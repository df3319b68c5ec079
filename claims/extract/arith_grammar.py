"""A phrase grammar for stated arithmetic: a cue, then the figures that can fill its roles.

The shapes of ``arith_patterns`` read one word order each. This module reads the rest by role:
each figure of a sentence is typed (``arith_tokens``) and given what is written around it --
the unit noun after it (``units``, ``acres``, ``kgs``), the words before it (``from``, ``as
against``, ``of the``, ``up``) and after it (``fewer``, ``more than``, ``a year earlier``).
A **cue** names the relation and the stated figure:

- a percent with a change word (``increased 20.04%``, ``a 15.6% decrease``, ``a decline of
  5.38%``, ``26.2 per cent lower than``, ``Shortfall: 33.0%``, ``45.7% year on year drop``):
  a **change** between two comparable figures, or one figure and the stated amount of change
  (``246,512 ... up 64,699 ..., an increase of almost 36 percent``: ``change-by-amount``);
- percentage points with a change or gap word: a **change** between two percentages;
- a percent with a share word (``P of the N``, ``a recovery rate at P``, ``making up P``,
  ``Turnout: P``): a **share** of a larger figure by a smaller one;
- a figure with a difference word (``23,313 more cases``, ``off by 6,186 units``, ``30 lbs``
  after ``outweigh ... by``, ``12 kgs heavier``): a **difference** of two comparable figures;
- a figure with a total word (``a total of``, ``totalled``, ``combined``, ``cumulative
  count at``): a **total** of the other comparable figures;
- a multiplier word (``twice``, ``more than doubled``, ``nearly treble``, ``1.8 times``,
  ``half``): a **multiple** of one comparable figure by another;
- money ``per acre``/``an acre``/``/ha``: a **per-unit** figure, a money total over a count
  of that noun (``$1.78 million, or $11,974 per acre`` for a 148.65-acre farm);
- a table row ``| old | new | change |`` (a difference or a percent change, whichever fits),
  percentages that add up to 100 (``... left the undecided at 17 per cent``), and a figure
  followed by smaller ones that add up to it (``handled 93,861,671 passengers: JFK took 37.5
  million, ...``): guesses only.

Measures of one dimension compare across units (``12 kgs heavier`` with ``113 kgs`` and
``222 pounds``); a figure glued to letters before it (``Q1``, ``FY18``), a date, an ordinal,
a score (``14-7``), a model number (``737 MAX 8``) is not a figure here.

Which figure is old and which new follows from the direction and the sizes (a rise goes from
the smaller to the larger) unless a marker names the old one (``from``, ``against``, ``as
against``, ``versus``, ``compared to``, ``year-ago``, ``a year earlier``).

**Certainty** (see ``ArithmeticClaim``): ``stated`` when exactly the figures the relation
needs are the sentence's comparable figures and, where the relation compares with something,
the comparand is a figure (not ``heavier than in their last meeting``); ``guess`` otherwise
(several readings are kept as ``alternatives``, and the claim is reported only when one fits).
So a sentence that states a relation plainly gets a verdict, and one where the roles are a
guess can only be confirmed, never flagged: a false error is worse than a miss.

A claim whose parts are in two sentences is read by ``arithmetic._across``, which hands this
module the two as one window (and keeps only a stated reading with figures in both, as
``inferred``); ``arith_context`` reads shares with an earlier base. ``read`` reads the last
sentence of the windows it is given. Each reader's guess is checked by
``claims.check.arithmetic`` only when its figures pin the stated one down (``INFORMATIVE``).

Cost: one pass over the tokens of a sentence, pairs of at most ``MAX_FIGURES`` figures;
nothing compares a figure with findings elsewhere in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from claims.extract._regex import trie
from claims.extract.arith_tokens import Token
from claims.extract.qualifiers import QUALIFIERS, bound_of
from claims.model import ArithmeticClaim, Quantity, Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["read", "cued", "MAX_FIGURES"]

MIN_SUM = 100  # an unworded sum of smaller figures is too easily a coincidence
MAX_FIGURES = 8  # comparable figures tried in pairs; more: the sentence is a table

#: Any word that can start a claim here, as lowercase substrings (a cheap superset test
#: before a sentence is tokenized: ``in`` on a lowercased sentence is C speed, a regex
#: alternation of fifty words is not).
CUE_WORDS = (
    "%",
    "per cent",
    "percent",
    "pc",
    "point",
    "more",
    "fewer",
    " less",
    "heavier",
    "lighter",
    "taller",
    "shorter",
    "shortfall",
    "ahead",
    "advantage",
    "outweigh",
    "off by",
    "higher",
    "lower",
    "above",
    "below",
    "increase",
    "decrease",
    "of whom",
    "of these",
    "of those",
    "of which",
    "made up",
    "total",
    "combined",
    "cumulative",
    "altogether",
    "in all",
    "twice",
    "doubl",
    "trebl",
    "tripl",
    "quadrupl",
    "half",
    "halved",
    "times",
    "fold",
    "per ",
    "acre",
    "hectare",
    "/ha",
    "/ac",
    "gap",
    "surplus",
    "deficit",
    "majority",
    "|",
)
#: Cues that need a closer look: "all 157 passengers", a list after a colon.
_CUE_MORE = compile_pattern(r"\ball\s+\d|\d[^\n.;:]{0,30}:\s")


#: Any cue word, as a substring of the lowercased sentence: a trie (one search; an
#: alternation or a test per word costs ~5x more).
_CUE_ANY = compile_pattern(trie(list(CUE_WORDS), space=" "))


def cued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a word a claim of this module starts from."""
    low = text[start:end].lower()
    if _CUE_ANY.search(low) is not None:
        return True
    return ("all" in low or ":" in low) and _CUE_MORE.search(low) is not None


# ------------------------------------------------------------------ words

_UP_V = (
    r"rose|risen|rises|rising|increased|increases|increasing|grew|grown|grows|climbed|"
    r"jumped|gained|surged|soared|advanced|expanded|rocketed|spiked|went\s+up|gone\s+up|"
    r"(?<!making\s)(?<!made\s)(?<!muster\s)(?<!ended\s)(?<!set\s)(?<!picked\s)up|higher|more|over|above|improved|swelled|leapt|leaped|boosted"
)
_DN_V = (
    r"fell|fallen|falls|dropped|declined|decreased|slipped|slid|shrank|shrunk|dipped|"
    r"plunged|tumbled|sank|eased|contracted|went\s+down|gone\s+down|down|lower|less|fewer|"
    r"below|under|reduced|cut|lost|slumped|plummeted|shed|weaker|worse|off"
)
_UP_N = (
    r"increase|rise|gain|jump|growth|climb|surge|hike|uptick|improvement|upswing|spike|"
    r"rebound|advance|expansion"
)
_DN_N = (
    r"decrease|decline|drop|fall|dip|slump|reduction|cut|plunge|loss|contraction|slide|"
    r"shortfall|shrinkage|downturn|slowdown|deficit"
)
_ANY_N = r"difference|change|gap|variation|swing|margin|deviation"

_YOY = (
    r"(?:\s*(?:year[\s-]on[\s-]year|y-?o-?y|year[\s-]over[\s-]year|annual|yearly|sequential|"
    r"quarter[\s-]on[\s-]quarter|month[\s-]on[\s-]month|on[\s-]year)\b(?:\s*\([^()⟦]{0,12}\))?)?"
)
#: After a percent: ``P decrease``, ``P year on year (Y-o-Y) drop``, ``P lower than``.
_AFTER_P = compile_pattern(
    rf"\A\s*{_YOY}\s*(?:(?P<nu>{_UP_N})|(?P<nd>{_DN_N})|(?P<n0>{_ANY_N}))s?\b"
    rf"|\A\s*(?:(?P<au>higher|more|over|above|up|better|faster|bigger|larger)|"
    rf"(?P<ad>lower|less|fewer|below|under|down|worse|smaller|slower|short)(?:\s+than)?)\b",
    re.IGNORECASE,
)
#: Before a percent: ``increased P``, ``went down by P``, ``a decline of P``, ``Shortfall: P``.
_BEFORE_P = compile_pattern(
    rf"(?:\b(?:(?P<vu>{_UP_V})|(?P<vd>{_DN_V}))(?:\s+(?:by|of|some|nearly|almost|about|"
    rf"around|more\s+than|over|just|only|a\s+further|another|in\s+\w+|year[\s-]on[\s-]year))*"
    rf"|\b(?:(?P<nu>{_UP_N})|(?P<nd>{_DN_N})|(?P<n0>{_ANY_N}))s?\s*(?:of|at|was|is|by|:)"
    rf"(?:\s+(?:some|nearly|almost|about|around|more\s+than|over|just|only))*)\s*\Z",
    re.IGNORECASE,
)
#: Words that name a figure as the whole of a share: "of the 2,30,545", "Electorate: 856".
_WHOLE_MARK = compile_pattern(
    r"(?:\b(?:of|out\s+of|among)\s+(?:the\s+|all\s+|its\s+|a\s+|an\s+)?"
    r"(?:total\s+)?|\b(?:electorate|registered\s+voters)\b[:\s]*)\Z",
    re.IGNORECASE,
)
_OF_TOTAL = compile_pattern(r"\A\s*of\s+(?:the|all)\s+(?:total|combined|overall)\b", re.IGNORECASE)
_SHARE_AFTER = compile_pattern(r"\A\s*(?:\)\s*)?(?:of|out\s+of)\b", re.IGNORECASE)
#: A share named after its percent: "a 68 percent voter turnout", "a 72% pass rate".
_SHARE_NAMED_AFTER = compile_pattern(
    r"\A\s*(?:voter\s+|electoral\s+|overall\s+)?(?:turnout|pass\s+(?:rate|percentage))\b",
    re.IGNORECASE,
)
_SHARE_BEFORE = compile_pattern(
    r"(?:\b(?:rate|percentage|share|proportion|turnout|ratio)\b[^⟦.;]{0,30}?"
    r"(?:\bat|\bof|\bwas|\bis|\bto|\bcame\s+to|\bstood\s+at|:)"
    r"|\b(?:making\s+up|made\s+up|accounting\s+for|accounted\s+for|representing|represented|"
    r"represents|comprising|constituting|or)|[—–(]\s*or|\()"
    r"(?:\s+(?:some|nearly|almost|about|around|more\s+than|over|just|only|roughly|a\s+mere))*"
    r"\s*\Z",
    re.IGNORECASE,
)
#: Words before a figure that make it the old value of a change or the compared one.
_OLD_BEFORE = compile_pattern(
    r"\b(?:from|against|versus|vs\.?|compared\s+(?:to|with)|as\s+compared\s+(?:to|with)|"
    r"in\s+comparison\s+(?:to|with)|over|on|than|year-ago|year\s+ago|year\s+earlier|"
    r"year\s+before|previous\s+year|last\s+year's|had\s+been|stood\s+at|a\s+year\s+earlier)"
    r"(?:\s+(?!(?:to|and|but|while|with)\b)[\w'’-]+){0,5}[\s(:,]*\Z",
    re.IGNORECASE,
)
_OLD_AFTER = compile_pattern(
    r"\A[^⟦.;]{0,25}?\b(?:a\s+year\s+(?:earlier|before|ago)|in\s+the\s+year-ago|"
    r"in\s+the\s+same\s+(?:quarter|period|month)|the\s+previous\s+(?:year|month|quarter)|"
    r"last\s+year|year-ago)\b",
    re.IGNORECASE,
)
#: A figure that is an amount of change: ``up 64,699``, ``rocketed by more than 30,000``.
_AMOUNT_UP = (
    r"rose|risen|rises|increased|grew|grown|climbed|jumped|gained|surged|soared|"
    r"advanced|rocketed|went\s+up|gone\s+up|(?<!muster\s)up"
)
_AMOUNT_DN = (
    r"fell|fallen|dropped|declined|decreased|slipped|slid|shrank|dipped|plunged|"
    r"tumbled|sank|eased|went\s+down|gone\s+down|down|lost|shed|cut"
)
_AMOUNT_BEFORE = compile_pattern(
    rf"\b(?:(?P<u>{_AMOUNT_UP})|(?P<d>{_AMOUNT_DN}))\s+(?:by\s+)?(?:(?:some|nearly|almost|about|around|"
    rf"more\s+than|over|just|only)\s+)*\Z",
    re.IGNORECASE,
)
_AMOUNT_AFTER = compile_pattern(
    r"\A\s*(?:[a-z]+\s+){0,1}(?:(?P<u>more)|(?P<d>fewer|less))\b", re.IGNORECASE
)
#: A stated difference: ``23,313 more cases``, ``12 kgs heavier``, ``a 28-horse advantage``.
_DIFF_AFTER = compile_pattern(
    r"\A[\"”″']?(?:[\s-]*[a-z]+){0,2}?[\s-]*(?:more|fewer|less|higher|lower|heavier|lighter|taller|"
    r"shorter|ahead|behind|above|below|bigger|smaller|larger|advantage|increase|decrease|"
    r"gap|difference|lead)\b",
    re.IGNORECASE,
)
_DIFF_BEFORE = compile_pattern(
    r"\b(?:off\s+by|outweigh\w*\s+\w+\s+by|by\s+a\s+margin\s+of|a\s+gap\s+of|"
    r"gap\s+(?:\w+\s+){0,2}to|difference\s+of|margin\s+of|surplus\s+(?:\w+\s+){0,2}(?:to|of|at)|"
    r"deficit\s+(?:\w+\s+){0,2}(?:to|of|at)|majority\s+of|lead\s+of|advantage\s+of)"
    r"(?:\s+(?:some|nearly|almost|about|around|more\s+than|over|just|only))*\s*\Z",
    re.IGNORECASE,
)
_MORE_THAN = compile_pattern(r"\b(?:more|fewer|less)\s+than\s*\Z", re.IGNORECASE)
#: A stated total: ``a total of``, ``totalled``, ``combined``, ``cumulative count at``.
_TOTAL_BEFORE = compile_pattern(
    r"\b(?:total(?:l?ed|l?ing)?|combined|cumulative|aggregate|altogether|sum|tally|"
    r"bringing\b[^⟦]{0,40}?\bto)\b[^⟦.;]{0,30}?\s*\Z",
    re.IGNORECASE,
)
_TOTAL_AFTER = compile_pattern(
    r"\A\s*(?:[a-z]+\s+)?(?:in\s+all|altogether|in\s+total|combined)\b", re.IGNORECASE
)
#: What introduces a total's parts: ``of whom``, ``of these``, ``made up of``.
_PARTS_LINK = compile_pattern(
    r"\b(?:of\s+(?:whom|these|those|which|them)|made\s+up|split|"
    r"broken\s+down|comprising|consisting|divided)\b",
    re.IGNORECASE,
)
#: A whole named before its parts: ``16,54,171 students, of whom``; ``Of those 527,180``.
_WHOLE_AFTER = compile_pattern(r"\A[^⟦.;]{0,30}?\bof\s+(?:whom|which|these|them)\b", re.IGNORECASE)
_WHOLE_BEFORE = compile_pattern(r"\b(?:of|among)\s+(?:those|these|the|all)\s*\Z", re.IGNORECASE)
_MULT = compile_pattern(
    r"(?P<q>(?:(?:well|just|far|much)\s+)?(?:more\s+than|over|nearly|almost|about|around|"
    r"roughly|close\s+to|less\s+than|under|at\s+least|some)\s+)?"
    r"(?:(?<!and\sa\s)(?<!-and-a-)"  # "59 and a half": a fraction, not a multiple
    r"\b(?P<w>doubled|double|doubling|twice|trebled|treble|tripled|triple|tripling|"
    r"quadrupled|quadruple|halved|half)\b(?![-‐])|(?P<tw>\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten)|⟦N(?P<f>\d+)⟧)[\s-]*(?:times|fold)\b)",
    re.IGNORECASE,
)
_MULT_KEYS = ("doubl", "twice", "trebl", "tripl", "quadrupl", "half", "halved", "times", "fold")
_MULT_VALUE = {
    "doubled": "2",
    "double": "2",
    "doubling": "2",
    "twice": "2",
    "trebled": "3",
    "treble": "3",
    "tripled": "3",
    "triple": "3",
    "tripling": "3",
    "quadrupled": "4",
    "quadruple": "4",
    "halved": "0.5",
    "half": "0.5",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_PER = compile_pattern(r"\A\s*(?:(?:per|an?|each)\s+|/\s*)(?P<noun>[a-z]+)\b", re.IGNORECASE)
_PER_BEFORE = compile_pattern(
    r"\bper\s+(?P<noun>[a-z]+)\s+(?:at|was|is|of|came\s+to|stood\s+at|:)"
    r"(?:\s+(?:more\s+than|over|about|around|nearly|almost|some))?\s*\Z",
    re.IGNORECASE,
)

#: Unit nouns as written -> one name; a figure with one of these compares only with its own.
_MEASURE = {
    **dict.fromkeys("lb lbs pound pounds".split(), "lb"),
    **dict.fromkeys("kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes".split(), "kg"),
    **dict.fromkeys("acre acres ac".split(), "acre"),
    **dict.fromkeys("ha hectare hectares".split(), "ha"),
    **dict.fromkeys("m metre metres meter meters".split(), "m"),
    **dict.fromkeys("cm cms centimetre centimetres centimeter centimeters".split(), "cm"),
    **dict.fromkeys("mm millimetre millimetres millimeter millimeters".split(), "mm"),
    **dict.fromkeys("km kms kilometre kilometres kilometer kilometers".split(), "km"),
    **dict.fromkeys("ft feet foot".split(), "ft"),
    **dict.fromkeys('in inch inches "'.split(), "in"),
    **dict.fromkeys("mile miles mi".split(), "mi"),
    **dict.fromkeys("ton tons".split(), "ton"),
    **dict.fromkeys("tonne tonnes t".split(), "tonne"),
    **dict.fromkeys("gallon gallons".split(), "gal"),
    **dict.fromkeys("litre litres liter liters l".split(), "l"),
    **dict.fromkeys("barrel barrels bpd".split(), "bbl"),
    **dict.fromkeys("mpg".split(), "mpg"),
    **dict.fromkeys("mph".split(), "mph"),
    **dict.fromkeys("horsepower hp horse bhp".split(), "hp"),
    **dict.fromkeys("day days".split(), "day"),
    **dict.fromkeys("year years".split(), "year"),
    **dict.fromkeys("hour hours".split(), "hour"),
    **dict.fromkeys("minute minutes".split(), "minute"),
    **dict.fromkeys("euro euros".split(), "EUR"),
    **dict.fromkeys("dollar dollars".split(), "USD"),
    **dict.fromkeys("point points".split(), "point"),
}
_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "Rs": "INR",
    "Rs.": "INR",
    "₹": "INR",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "R": "ZAR",
    "₩": "KRW",
}
_GLUED_ONLY = frozenset({"in", "m", "t", "l", "ac", "mi"})  # words too: "694 in Gujarat"
_WORD = compile_pattern(r"[\s-]*(?:U\.S\.\s+)?(?P<w>[A-Za-z\"]+)")
_DATEISH = compile_pattern(r"[A-Za-z]\Z")  # Q1, FY18: a figure glued to letters before it
_ORDINAL = compile_pattern(r"\A(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b|\A:⟦", re.IGNORECASE)
_FISCAL = compile_pattern(r"⟦Y\d+⟧[-–/]\Z")  # 2016-17: the 17 is a year
#: A model or flight number: "737 MAX 8", "ET302" (capital words of three letters or more).
_MODEL_BEFORE = compile_pattern(r"\b[A-Z]{3,}\s\Z")
_MODEL_AFTER = compile_pattern(r"\A\s[A-Z]{3,}\b(?!\s*[:|])")
#: Words between a change and its figures that hand the change to another subject.
_OTHER_SUBJECT = compile_pattern(
    r"\b(?:national|average|than|while|whereas|but|compared|"
    r"versus|rate\s+of)\b",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DATE_BEFORE = compile_pattern(rf"\b{_MONTHS}\s*\Z", re.IGNORECASE)
_DATE_AFTER = compile_pattern(rf"\A\s*{_MONTHS}(?:\s|,|\Z)", re.IGNORECASE)


_NAMED_PERCENT = compile_pattern(
    r"\b(?:percentage|per\s?cent|percent)\s+(?:of|at|was|is|to|:)\s*\Z", re.IGNORECASE
)


@dataclass(frozen=True)
class Fig:
    """One figure of the window with what is written around it."""

    tok: Token
    kind: str  # N or P (a bare number beside a percent counts as P)
    unit: str  # currency code, unit name or ""
    noun: str  # the word after it, lowercased ("units", "acre")
    before: str  # skeleton text since the previous figure (at most 60 chars)
    after: str  # skeleton text up to the next figure (at most 60 chars)
    sentence: int  # 0 this sentence, 1 the one before
    spelled: bool = False  # a spelled count ("one patient"): a part of a total only


def read(
    text: str, windows: Sequence[tuple[int, str, list[Token]]], used: set[int]
) -> list[ArithmeticClaim]:
    """The claims of the last sentence of ``windows`` (start, skeleton, tokens; earlier
    sentences of the paragraph first) whose figures ``used`` (token indices of that sentence)
    does not hold."""
    start, skeleton, tokens = windows[-1]
    figs = _figures(skeleton, tokens, 0, used)
    if len(figs) < 2 and not any(f.tok.kind == "Q" for f in figs):
        return []
    with_spelled = figs + _spelled(text, skeleton, tokens)
    claims: list[ArithmeticClaim] = []
    taken: set[int] = set()
    for reader in (
        _table_rows,
        _changes,
        _points,
        _shares,
        _differences,
        _totals,
        _multiples,
        _per_unit,
        _sums,
        _remainders,
    ):
        given = with_spelled if reader in (_totals, _sums) else figs
        for claim, roles in reader(text, skeleton, tokens, given, taken):
            claims.append(claim)
            if claim.certainty != "guess":  # a guess holds its figures only if it fits
                taken |= roles
    return claims


def _figures(skeleton: str, tokens: list[Token], back: int, used: set[int]) -> list[Fig]:
    out: list[Fig] = []
    for i, t in enumerate(tokens):
        if t.kind == "Y" or t.idx in used:
            continue
        prev_end = tokens[i - 1].skel_end if i else 0
        next_start = tokens[i + 1].skel_start if i + 1 < len(tokens) else len(skeleton)
        before = skeleton[max(prev_end, t.skel_start - 60) : t.skel_start]
        after = skeleton[t.skel_end : min(next_start, t.skel_end + 60)]
        if (
            _DATEISH.search(before)
            or _FISCAL.search(before)
            or _ORDINAL.match(after)
            or after.startswith(("-⟦", "–⟦"))
            or before.endswith(":")
            or before.endswith(("-", "–"))
            and i
            and tokens[i - 1].skel_end == t.skel_start - 1
            or _DATE_BEFORE.search(before)
            or _DATE_AFTER.match(after)
            or (
                t.kind == "N"
                and "." not in t.text
                and not t.unit
                and (_MODEL_BEFORE.search(before) or _MODEL_AFTER.match(after))
            )
        ):
            continue  # Q1, FY18, 28th, 9am, 0-8, 14:26, May 26
        unit = _CURRENCY.get(t.unit, t.unit) if t.unit else ""
        if unit == "m" and t.reading is not None and t.reading.scale_text:
            unit = "m?"  # 1.99m: metres or million, unsure
        m = _WORD.match(after)
        noun = m["w"].lower() if m else ""
        if not unit and t.kind == "N":
            glued = t.text[len(t.text.rstrip('abcdefghijklmnopqrstuvwxyz"')) :]
            unit = _MEASURE.get(glued.lower(), "") if glued else ""
            if (
                not unit
                and m
                and (m.start("w") == 0 or (m.start("w") == 1 and noun not in _GLUED_ONLY))
            ):
                unit = _MEASURE.get(noun, "")
            if unit == "point":
                continue  # points: a score or an index, not a count
        out.append(Fig(t, t.kind, unit, noun, before, after, back))
    # a bare figure named a percentage is one: "a pass percentage of 78.88"
    for i, f in enumerate(out):
        if f.kind == "N" and not f.unit and f.tok.value <= 100 and _NAMED_PERCENT.search(f.before):
            out[i] = Fig(f.tok, "P", "", f.noun, f.before, f.after, f.sentence)
    # a bare figure beside a percentage is one: "75.26 against 53.67 per cent"
    for i, f in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (
            f.kind == "N"
            and not f.unit
            and nxt.kind == "P"
            and f.tok.value <= 100
            and f.tok.reading is not None
            and f.tok.reading.decimals
            and re.fullmatch(r"\s*(?:,|against|and|to|versus|vs\.?|from)\b[^⟦]{0,25}", f.after)
        ):
            out[i] = Fig(f.tok, "P", "", f.noun, f.before, f.after, f.sentence)
    return out


def _comparable(a: Fig, b: Fig, loose: bool = False) -> bool:
    """Same kind and unit; ``loose``: a figure with no unit written may be one with a
    measure unit (``63.2mpg ... its official figure of 85.6``), never money."""
    if a.kind != b.kind:
        return False
    if a.unit == b.unit:
        return True
    money = set(_CURRENCY.values())
    return loose and not (a.unit in money or b.unit in money) and not (a.unit and b.unit)


#: Measures a comparison may mix (``113 kgs`` against ``222 pounds``): unit -> (dimension,
#: size in its base unit). "tons" are short tons of 2,000 lb, as in US copy.
_SIZE = {
    "kg": ("mass", Decimal(1)),
    "lb": ("mass", Decimal("0.45359237")),
    "ton": ("mass", Decimal("907.18474")),
    "tonne": ("mass", Decimal(1000)),
    "m": ("length", Decimal(1)),
    "cm": ("length", Decimal("0.01")),
    "mm": ("length", Decimal("0.001")),
    "km": ("length", Decimal(1000)),
    "ft": ("length", Decimal("0.3048")),
    "in": ("length", Decimal("0.0254")),
    "mi": ("length", Decimal("1609.344")),
}


def _convertible(a: Fig, b: Fig) -> bool:
    """Comparable, or two measures of one dimension (kg and lb, m and cm)."""
    if _comparable(a, b):
        return True
    return (
        a.kind == b.kind == "N"
        and a.unit in _SIZE
        and b.unit in _SIZE
        and _SIZE[a.unit][0] == _SIZE[b.unit][0]
    )


def _q(f: Fig, to: str = "") -> Quantity:
    """The figure as a quantity; ``to``: in that unit (a figure in another unit of the same
    dimension is converted, its text kept)."""
    q = f.tok.quantity()
    if to and f.unit and f.unit != to and f.unit in _SIZE and to in _SIZE:
        k = _SIZE[f.unit][1] / _SIZE[to][1]
        return Quantity(
            q.text,
            q.span,
            q.value * k,
            to,
            q.step * k,
            qualifier=q.qualifier,
            bound=q.bound,
            decimals=q.decimals + 2,
        )
    return (
        q
        if f.kind == f.tok.kind
        else Quantity(
            q.text,
            q.span,
            q.value,
            "%",
            q.step,
            qualifier=q.qualifier,
            bound=q.bound,
            decimals=q.decimals,
        )
    )


def _span(*figs: Fig) -> Span:
    return Span(min(f.tok.start for f in figs), max(f.tok.end for f in figs))


def _claim(
    text: str,
    relation: str,
    stated: Quantity,
    figures: dict,
    span: Span,
    certainty: str,
    alternatives: Iterable[ArithmeticClaim] = (),
    **extra: object,
) -> ArithmeticClaim:
    return ArithmeticClaim(
        relation,
        stated,
        figures,
        span,
        text[span.start : span.end],
        certainty=certainty,
        alternatives=tuple(alternatives),
        **extra,  # type: ignore[arg-type]
    )


def _direction(m: re.Match[str] | None) -> int | None:
    """+1, -1, 0 (a change of unknown sign) or None (no change word)."""
    if m is None:
        return None
    g = {k: v for k, v in m.groupdict().items() if v}
    if g.keys() & {"vu", "nu", "au", "u"}:
        return 1
    if g.keys() & {"vd", "nd", "ad", "d"}:
        return -1
    return 0 if g.keys() & {"n0"} else None


def _is_old(f: Fig) -> bool:
    return _OLD_BEFORE.search(f.before) is not None or _OLD_AFTER.match(f.after) is not None


# ------------------------------------------------------------------ readers

Found = Iterable[tuple[ArithmeticClaim, set[int]]]


def _printed(figs: list[Fig]) -> list[Fig]:
    return [f for f in figs if not f.spelled]


def _changes(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """A percent with a change word, between two comparable figures (or from an amount)."""
    for p in figs:
        if p.kind != "P" or p.tok.kind != "P" or p.tok.idx in taken:
            continue
        sign = _direction(_AFTER_P.match(p.after))
        if sign is None:
            sign = _direction(_BEFORE_P.search(p.before))
        if sign is None:
            continue
        others = [f for f in figs if f is not p and f.tok.idx not in taken and f.kind == "N"]
        if not others:  # a change between percentages, with a "from"
            others = [
                f
                for f in figs
                if f is not p
                and f.tok.idx not in taken
                and f.kind == "P"
                and _BEFORE_P.search(f.before) is None
                and _AFTER_P.match(f.after) is None
            ]
            if not any(_OLD_BEFORE.search(f.before) for f in others):
                continue
        found = _change_readings(text, skeleton, p, others, sign)
        if found:
            yield found


def _change_readings(
    text: str, skeleton: str, p: Fig, others: list[Fig], sign: int
) -> tuple[ArithmeticClaim, set[int]] | None:
    amounts = []
    for f in others:
        m = _AMOUNT_BEFORE.search(f.before) or _AMOUNT_AFTER.match(f.after)
        if m is not None:
            amounts.append((f, _direction(m)))
    levels = [f for f in others if all(f is not a for a, _ in amounts)]
    readings: list[tuple[ArithmeticClaim, set[int]]] = []
    for group in _groups(levels, loose=True):
        for a, b in combinations(group, 2):
            for old, new, s in _orientations(a, b, sign):
                span = _span(p, a, b)
                claim = _claim(
                    text,
                    "change",
                    _q(p),
                    {"old": _q(old), "new": _q(new)},
                    span,
                    "stated",
                    direction=s,
                )
                readings.append((claim, {p.tok.idx, a.tok.idx, b.tok.idx}))
    for d, way in amounts:
        if not sign or way != sign:
            continue
        for b in levels:
            if _comparable(d, b, loose=True) and b.tok.value > d.tok.value:
                span = _span(p, d, b)
                claim = _claim(
                    text,
                    "change-by-amount",
                    _q(p),
                    {"amount": _q(d), "level": _q(b)},
                    span,
                    "stated",
                    direction=way,
                )
                readings.append((claim, {p.tok.idx, d.tok.idx, b.tok.idx}))
    if not readings:
        return None
    marked = any(_is_old(f) for f in levels) or bool(amounts)
    lo = min(f.tok.skel_start for f in [p, *others])
    hi = max(f.tok.skel_end for f in [p, *others])
    if _MULT.search(skeleton, lo, hi):  # "from 110 to 219 ... six times ... up 17%"
        marked = False
    if levels:  # "... far above the national rate, up 17%"
        first = min(f.tok.skel_start for f in levels)
        last = max(f.tok.skel_end for f in levels)
        between = (
            skeleton[last : p.tok.skel_start]
            if p.tok.skel_start > last
            else skeleton[p.tok.skel_end : first]
            if p.tok.skel_end < first
            else ""
        )
        if _OTHER_SUBJECT.search(between):
            marked = False
    plain = len(readings) == 1 and len(levels) + len(amounts) == len(readings[0][1]) - 1 and marked
    return _bundle(readings, plain)


def _orientations(a: Fig, b: Fig, sign: int) -> list[tuple[Fig, Fig, int]]:
    """(old, new, sign) readings of a change between ``a`` and ``b``: the marked old one,
    else the one the direction and the sizes give; an unsigned change either way."""
    marked = [f for f in (a, b) if _is_old(f)]
    if len(marked) == 1:
        old = marked[0]
        new = b if old is a else a
        if sign:
            return [(old, new, sign)]
        return [(old, new, 1 if new.tok.value >= old.tok.value else -1)]
    small, big = (a, b) if a.tok.value <= b.tok.value else (b, a)
    if sign > 0:
        return [(small, big, 1)]
    if sign < 0:
        return [(big, small, -1)]
    return [(small, big, 1), (big, small, -1)]


def _groups(figs: list[Fig], loose: bool = False) -> list[list[Fig]]:
    """The figures in groups of comparable ones, each at most ``MAX_FIGURES``."""
    groups: list[list[Fig]] = []
    for f in figs:
        for g in groups:
            if all(_comparable(x, f, loose) for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    return [g for g in groups if len(g) <= MAX_FIGURES]


def _bundle(
    readings: list[tuple[ArithmeticClaim, set[int]]], plain: bool
) -> tuple[ArithmeticClaim, set[int]]:
    """One claim for a cue: the only reading (``stated`` when ``plain``), or the first with the
    others as alternatives (a guess)."""
    from dataclasses import replace

    first, roles = readings[0]
    if len(readings) == 1:
        return (first if plain else replace(first, certainty="guess")), roles
    alts = tuple(r for r, _ in readings[1:])
    every = set().union(*(r for _, r in readings))
    return replace(first, certainty="guess", alternatives=alts), every


def _points(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """Percentage points with a change or gap word, between two percentages."""
    for q in figs:
        if q.tok.kind != "Q" or q.tok.idx in taken:
            continue
        sign = _direction(_AFTER_P.match(q.after))
        if sign is None:
            sign = _direction(_BEFORE_P.search(q.before))
        if sign is None and re.search(
            r"\b(?:gap|difference|margin|lead)\b", q.before, re.IGNORECASE
        ):
            sign = 0  # "the gap had reduced to 16.68 percentage points"
        if sign is None:
            continue
        ps = [f for f in figs if f.kind == "P" and f.tok.idx not in taken]
        found = _change_readings(text, skeleton, q, ps, sign)
        if found:
            yield found


def _shares(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """A percent with a share word: a smaller comparable figure over a larger one."""
    for p in figs:
        if p.kind != "P" or p.tok.kind == "Q" or p.tok.idx in taken or not 0 < p.tok.value <= 100:
            continue
        if (
            _SHARE_AFTER.match(p.after) is None
            and _SHARE_BEFORE.search(p.before) is None
            and not re.search(r"\bturnout\b", p.before, re.IGNORECASE)
            and _SHARE_NAMED_AFTER.match(p.after) is None
        ):
            continue
        if _direction(_AFTER_P.match(p.after)) is not None and _SHARE_AFTER.match(p.after) is None:
            continue
        ns = [f for f in figs if f.kind == "N" and f.tok.idx not in taken]
        readings = []
        for group in _groups(ns):
            for a, b in combinations(group, 2):
                part, whole = (a, b) if a.tok.value < b.tok.value else (b, a)
                if part.tok.value == whole.tok.value:
                    continue
                claim = _claim(
                    text,
                    "share",
                    _q(p),
                    {"part": _q(part), "whole": _q(whole)},
                    _span(p, a, b),
                    "stated",
                )
                readings.append((claim, {p.tok.idx, a.tok.idx, b.tok.idx}))
                if _OF_TOTAL.match(p.after):  # "or 15 percent of the total": part + rest
                    listed = (_q(part), _q(whole))
                    readings.append(
                        (
                            _claim(
                                text,
                                "vote-share",
                                _q(p),
                                {"part": _q(part), "listed": listed},
                                _span(p, a, b),
                                "guess",
                            ),
                            {p.tok.idx, a.tok.idx, b.tok.idx},
                        )
                    )
        if readings:
            whole_named = (
                _SHARE_AFTER.match(p.after) is not None
                and re.match(
                    r"\A\s*(?:\)\s*)?(?:out\s+)?of\s+(?:the\s+|a\s+|an\s+|all\s+|its\s+|"
                    r"their\s+)?(?:total\s+)?\Z",
                    p.after,
                )
                is None
            )
            whole_q = readings[0][0].figures["whole"]
            assert isinstance(whole_q, Quantity)
            marked = any(
                f.tok.start == whole_q.span.start and _WHOLE_MARK.search(f.before) for f in ns
            )
            in_paren = p.before.rstrip().endswith("(")  # "360 (14%)": a weak cue
            plain = (
                len(readings) == 1 and len(ns) == 2 and not whole_named and marked and not in_paren
            )
            yield _bundle(readings, plain)


def _differences(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """A figure with a difference word: the gap between two comparable figures."""
    for d in figs:
        if d.kind != "N" or d.tok.idx in taken:
            continue
        if (
            _DIFF_AFTER.match(d.after) is None
            and _DIFF_BEFORE.search(d.before) is None
            and not (_MORE_THAN.search(d.before) and re.search(r"\bthan\b", d.after))
        ):
            continue  # "more than 56 thousand units were sold than a year before"
        others = [
            f
            for f in figs
            if f is not d
            and f.tok.idx not in taken
            and _convertible(d, f)
            and _AMOUNT_BEFORE.search(f.before) is None
        ]
        readings = []
        for a, b in combinations(others, 2):
            if not _convertible(a, b):
                continue
            qa, qb = _q(a, d.unit), _q(b, d.unit)
            (big, qbig), (small, qsmall) = sorted([(a, qa), (b, qb)], key=lambda x: -x[1].value)
            claim = _claim(
                text,
                "difference",
                _q(d),
                {"first": qbig, "second": qsmall},
                _span(d, a, b),
                "stated",
            )
            readings.append((claim, {d.tok.idx, a.tok.idx, b.tok.idx}))
        if readings:
            # "heavier than in their last meeting": the comparand is not a figure
            loose = (
                re.search(r"\bthan\b(?![^⟦]{0,40}⟦)", d.after) is not None
                or re.search(
                    r"\bthan\s+(?:in|at|on|during|the\s+previous|last|a\s+year)\b", d.after
                )
                is not None
            )
            paired = any(_OLD_BEFORE.search(f.before) for f in others)
            plain = len(readings) == 1 and len(others) == 2 and not loose and paired
            yield _bundle(readings, plain)


def _totals(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """A figure with a total word: the sum of the other comparable figures."""
    for t in figs:
        if t.kind != "N" or t.tok.idx in taken or t.spelled:
            continue
        if (
            _TOTAL_BEFORE.search(t.before) is None
            and _TOTAL_AFTER.match(t.after) is None
            and _WHOLE_AFTER.match(t.after) is None
            and not (_WHOLE_BEFORE.search(t.before) and _PARTS_LINK.search(skeleton))
        ):
            continue
        parts = [
            f
            for f in figs
            if f is not t
            and f.tok.idx not in taken
            and _comparable(t, f)
            and f.tok.value < t.tok.value
        ]
        if len(parts) < 2 or len(parts) > MAX_FIGURES:
            continue
        readings = []
        for chosen in _part_sets(parts, t):
            claim = _claim(
                text,
                "total",
                _q(t),
                {"parts": tuple(_q(f) for f in chosen)},
                _span(t, *chosen),
                "stated",
            )
            readings.append((claim, {t.tok.idx} | {f.tok.idx for f in chosen}))
        linked = _PARTS_LINK.search(skeleton) is not None
        others = [f for f in figs if f is not t and f.kind == "N" and f not in parts]
        plain = linked and not others and len(readings) == 1
        yield _bundle(readings, plain)


def _part_sets(parts: list[Fig], total: Fig) -> list[list[Fig]]:
    """Every part, then those after the total, then those before (when they differ)."""
    sets = [parts]
    after = [f for f in parts if f.tok.start > total.tok.start]
    before = [f for f in parts if f.tok.start < total.tok.start]
    for s in (after, before):
        if len(s) >= 2 and s != parts:
            sets.append(s)
    return sets


def _multiples(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """A multiplier word between two comparable figures."""
    low = skeleton.lower()
    if not any(w in low for w in _MULT_KEYS):
        return
    for m in _MULT.finditer(skeleton):
        f_idx = int(m["f"]) if m["f"] else None
        cands = [f for f in figs if f.tok.idx not in taken and f.tok.idx != f_idx]
        if m["w"]:
            word = m["w"].lower()
            value = Decimal(_MULT_VALUE[word])
            at_start, at_end = m.start("w"), m.end("w")
        elif f_idx is not None:
            ft = tokens[f_idx]
            if ft.kind != "N" or ft.idx in taken:
                continue
            value, word = ft.value, f"{ft.text} times"
            at_start, at_end = m.start("tw"), m.end()
        else:
            word = f"{m['tw'].lower()} times"
            value = Decimal(_MULT_VALUE[m["tw"].lower()])
            at_start, at_end = m.start("tw"), m.end()
        qual = " ".join(m["q"].split()).lower() if m["q"] else None
        if qual and qual not in QUALIFIERS:
            qual = qual.split(" ", 1)[-1] if qual.split(" ", 1)[-1] in QUALIFIERS else None
        readings = []
        for a, b in combinations(cands, 2):
            if not _convertible(a, b):
                continue
            to = a.unit if a.unit in _SIZE else ""
            qa, qb = _q(a, to), _q(b, to)
            if True:
                (small, qs), (big, qbg) = sorted([(a, qa), (b, qb)], key=lambda x: x[1].value)
                if not qs.value:
                    continue
                base, compared = (qs, qbg) if value >= 1 else (qbg, qs)
                stated = _factor(text, tokens, m, at_start, at_end, value, qual, f_idx)
                said = f"{m['q'].strip()} {word}".strip() if m["q"] else word
                claim = _claim(
                    text,
                    "multiple",
                    stated,
                    {"base": base, "compared": compared},
                    _span(a, b),
                    "stated",
                    word=said,
                )
                readings.append((claim, {a.tok.idx, b.tok.idx} | ({f_idx} if f_idx else set())))
        # "Going from 110 to 219, the jump was almost six times the national rate, up 17%":
        # the change from A to B as a multiple of a stated rate
        rates = [f for f in cands if f.kind == "P"]
        counts = [f for f in cands if f.kind == "N"]
        if (
            len(rates) == 1
            and len(counts) == 2
            and value >= 1
            and re.search(r"\bfrom\s*\Z", counts[0].before)
            and re.fullmatch(r"\s*to\s*", counts[0].after)
            and _comparable(counts[0], counts[1])
        ):
            stated = _factor(text, tokens, m, at_start, at_end, value, qual, f_idx)
            said = f"{m['q'].strip()} {word}".strip() if m["q"] else word
            claim = _claim(
                text,
                "multiple-of-change",
                stated,
                {"old": _q(counts[0]), "new": _q(counts[1]), "base": _q(rates[0])},
                _span(*counts, rates[0]),
                "stated",
                word=said,
            )
            readings = [(claim, {f.tok.idx for f in cands})]
        if readings:
            sides = {f.tok.skel_start < m.start() for f in cands}
            # "twice as big as the estimated drop": compared with something not a figure
            loose = (
                re.match(r"\s+(?:as\s+\w+\s+as|than)\b(?![^⟦]{0,30}⟦)", skeleton[m.end() :])
                is not None
            )
            paired = not loose and (
                sides == {True, False} or any(_OLD_BEFORE.search(f.before) for f in cands)
            )
            plain = len(readings) == 1 and len(cands) == 2 and paired
            yield _bundle(readings, plain)


def _factor(
    text: str,
    tokens: list[Token],
    m: re.Match[str],
    at_start: int,
    at_end: int,
    value: Decimal,
    qual: str | None,
    f_idx: int | None,
) -> Quantity:
    """The stated multiplier as a figure: a printed one as printed, a word for half its step."""
    if f_idx is not None:
        q = tokens[f_idx].quantity()
        return Quantity(
            q.text,
            q.span,
            q.value,
            None,
            q.step,
            qualifier=qual or q.qualifier,
            bound=bound_of(qual) or q.bound,
            decimals=q.decimals,
        )
    start = _text_at(tokens, m.string, at_start)
    end = _text_at(tokens, m.string, at_end)
    written = text[start:end] if start < end else m.group(0)
    step = value * Decimal("0.1") if m["w"] else Decimal(1)
    bound = bound_of(qual)
    if bound == "lower" and value >= 1:
        # "more than doubled": anything from double up to the next word (treble), 2-3
        return Quantity(
            written,
            Span(start, end),
            value + value / 4,
            "times",
            value / 2,
            qualifier=qual,
            zeros_meant=True,
        )
    return Quantity(
        written,
        Span(start, end),
        value,
        "times",
        step,
        qualifier=qual,
        bound=bound,
        zeros_meant=True,
    )


def _text_at(tokens: list[Token], skeleton: str, pos: int) -> int:
    """The text offset of skeleton position ``pos`` (tokens know both)."""
    for t in reversed(tokens):
        if t.skel_end <= pos:
            return t.end + (pos - t.skel_end)
        if t.skel_start <= pos:
            return t.start
    first = tokens[0]
    return first.start - (first.skel_start - pos)


def _per_unit(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """Money per acre (hectare, pound ...): a money total over a count of that noun."""
    for s in figs:
        if s.kind != "N" or s.tok.idx in taken or s.unit not in _CURRENCY.values():
            continue
        m = _PER.match(s.after)
        noun = m["noun"].lower() if m else None
        if noun is None:
            mb = _PER_BEFORE.search(s.before)
            noun = mb["noun"].lower() if mb else None
        if noun is None:
            continue
        unit = _MEASURE.get(noun, noun.rstrip("s"))
        totals = [
            f
            for f in figs
            if f is not s
            and f.tok.idx not in taken
            and f.unit == s.unit
            and f.tok.value > s.tok.value
            and _PER.match(f.after) is None
        ]
        counts = [
            f
            for f in figs
            if f.tok.idx not in taken
            and f.unit != s.unit
            and (
                f.unit == unit
                or _MEASURE.get(f.noun, f.noun.rstrip("s")) == unit
                or re.match(rf"\A-{re.escape(noun)}", f.after, re.IGNORECASE)
            )
        ]
        readings = []
        for total in totals:
            for count in counts:
                claim = _claim(
                    text,
                    "per-unit",
                    _q(s),
                    {"total": _q(total), "count": _q(count)},
                    _span(s, total, count),
                    "stated",
                    word=noun,
                )
                readings.append((claim, {s.tok.idx, total.tok.idx, count.tok.idx}))
        if readings:
            yield _bundle(readings, len(readings) == 1)


#: A table row flattened with ``|``: ``ALP | 37.2 | 31.8 | (-5.4) |``, the last cell the change.
_ROW = compile_pattern(
    r"\|\s*⟦N(?P<a>\d+)⟧\s*\|\s*⟦N(?P<b>\d+)⟧\s*\|\s*(?P<open>\()?\s*"
    r"(?P<sign>[+\-−–])?⟦N(?P<c>\d+)⟧\s*\)?\s*\|"
)


def _table_rows(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """``| old | new | change |``: the change as a difference or as a percent (a guess each:
    the row does not say which, so only a reading that fits is reported)."""
    by_idx = {f.tok.idx: f for f in figs}
    for m in _ROW.finditer(skeleton):
        a, b, c = (by_idx.get(int(m[k])) for k in "abc")
        if (
            a is None
            or b is None
            or c is None
            or not _comparable(a, b)
            or {a.tok.idx, b.tok.idx, c.tok.idx} & taken
        ):
            continue
        sign = (
            -1
            if m["sign"] in ("-", "−", "–") or (m["open"] and not m["sign"])
            else 1
            if m["sign"] == "+"
            else 0
        )
        grows = b.tok.value >= a.tok.value
        readings = []
        if not sign or (sign > 0) == grows:
            big, small = (b, a) if grows else (a, b)
            readings.append(
                _claim(
                    text,
                    "difference",
                    _q(c),
                    {"first": _q(big), "second": _q(small)},
                    _span(a, b, c),
                    "guess",
                )
            )
            pct = Fig(c.tok, "P", "", c.noun, c.before, c.after, c.sentence)
            readings.append(
                _claim(
                    text,
                    "change",
                    _q(pct),
                    {"old": _q(a), "new": _q(b)},
                    _span(a, b, c),
                    "guess",
                    direction=1 if grows else -1,
                )
            )
        if readings:
            yield _bundle([(r, {a.tok.idx, b.tok.idx, c.tok.idx}) for r in readings], False)


def _sums(text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]) -> Found:
    """A figure followed by at least two comparable smaller ones that add up to it (``handled
    93,861,671 passengers: JFK took 37.5 million, ...``): with no total word, a guess, so
    reported only when the sum fits."""
    free = [f for f in figs if f.tok.idx not in taken and f.kind == "N"]
    for i, t in enumerate(free):
        if t.spelled:
            continue
        parts = [f for f in free[i + 1 :] if _comparable(t, f) and f.tok.value < t.tok.value]
        if t.tok.value < MIN_SUM or len(parts) < 2 or len(parts) > MAX_FIGURES:
            continue
        claim = _claim(
            text, "total", _q(t), {"parts": tuple(_q(f) for f in parts)}, _span(t, *parts), "guess"
        )
        yield claim, {t.tok.idx} | {f.tok.idx for f in parts}
        return


#: What makes a percent the rest of a whole: ``left ... at 17 per cent``, ``split by``.
_REST = compile_pattern(
    r"\b(?:left|leaving|remaining|remainder|rest|others?|undecided|split|"
    r"while|and)\b",
    re.IGNORECASE,
)


def _remainders(
    text: str, skeleton: str, tokens: list[Token], figs: list[Fig], taken: set[int]
) -> Found:
    """Percentages of one whole that add up to 100 (``93.9% ... retail while Fleet
    represented 6.1%``; ``38 per cent and 45 per cent left ... undecided at 17 per cent``):
    the last one against 100 less the others. Changes (``up 1.5%``, ``(down 0.5%)``) are
    not shares. A guess: reported only when it fits."""
    levels = [
        f
        for f in figs
        if f.tok.kind == "P"
        and f.tok.idx not in taken
        and _AMOUNT_BEFORE.search(f.before) is None
        and _direction(_AFTER_P.match(f.after)) is None
        and not re.search(r"\b(?:by|up|down)\s*\Z", f.before, re.IGNORECASE)
    ]
    if len(levels) < 2 or len(levels) > MAX_FIGURES or not _REST.search(skeleton):
        return
    last = levels[-1]
    claim = _claim(
        text,
        "remainder",
        _q(last),
        {"parts": tuple(_q(f) for f in levels[:-1])},
        _span(*levels),
        "guess",
    )
    yield claim, {f.tok.idx for f in levels}


_SPELLED_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
#: A spelled count among listed parts: "and one patient has migrated", "eight in Delhi".
_SPELLED_PART = compile_pattern(
    r"(?:,|\band|\bwhile|;)\s+(?P<w>%s)\s+(?!of\b|times\b|each\b|another\b|per\b|"
    r"percent|point)(?=[a-z])" % "|".join(_SPELLED_WORDS),
    re.IGNORECASE,
)


def _spelled(text: str, skeleton: str, tokens: list[Token]) -> list[Fig]:
    """Spelled small counts listed among figures, as parts of a total only (``spelled``)."""
    if not tokens:
        return []
    out = []
    for k, m in enumerate(_SPELLED_PART.finditer(skeleton)):
        start, end = (
            _text_at(tokens, skeleton, m.start("w")),
            _text_at(tokens, skeleton, m.end("w")),
        )
        value = Decimal(_SPELLED_WORDS[m["w"].lower()])
        tok = Token(
            -1 - k,
            "N",
            value,
            Decimal(1),
            start,
            end,
            text[start:end],
            skel_start=m.start("w"),
            skel_end=m.end("w"),
        )
        out.append(
            Fig(
                tok,
                "N",
                "",
                "",
                skeleton[max(0, m.start("w") - 60) : m.start("w")],
                skeleton[m.end("w") : m.end("w") + 60],
                0,
                spelled=True,
            )
        )
    return out
