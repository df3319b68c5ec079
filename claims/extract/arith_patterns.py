"""The sentence shapes an arithmetic claim takes, as regexes over a token skeleton.

Each pattern runs on the skeleton built by ``_tokens.tokenize`` (numbers replaced by
``⟦N3⟧``, ``⟦P4⟧`` ...). Named groups pick the roles: ``a`` old value, ``b`` new value, ``p``
stated change or share, ``d`` stated difference, ``part``/``whole``, ``total``/``parts``,
``f`` a printed multiplier, ``mult`` a multiplier word; ``vu``/``vd``/``nu``/``nd`` the
direction (verb or noun, up or down). Gaps between roles never cross another figure (years
excepted), so a claim is read only when the sentence states it plainly.
"""

from __future__ import annotations

import re

from claims.extract.qualifiers import alternation as qualifier_alternation
from claims.pattern_cache import compile as compile_pattern


def _tok(name: str, kinds: str = "NP") -> str:
    return rf"⟦[{kinds}](?P<{name}>\d+)⟧"


GAP = r"(?:[^⟦]|⟦Y\d+⟧){0,80}?"  # up to 80 chars, years allowed, no other figure
SHORT = r"[^⟦]{0,30}?"  # a few words, no figure
UPV = (
    r"rose|risen|rises|rising|increased|increases|grew|grown|climbed|jumped|gained|surged|"
    r"soared|advanced|expanded|went\s+up|(?:was|were|is|are)\s+up|up|higher"
)
DNV = (
    r"fell|fallen|falls|dropped|declined|decreased|slipped|slid|shrank|shrunk|dipped|"
    r"plunged|tumbled|sank|eased|contracted|went\s+down|(?:was|were|is|are)\s+down|down|"
    r"lower"
)
UPN = r"increase|rise|gain|jump|growth|climb|surge|hike|uptick|improvement"
DNN = r"decrease|decline|drop|fall|dip|slump|reduction|cut|plunge|loss|contraction|slide"
VERB = rf"(?:(?P<vu>{UPV})|(?P<vd>{DNV}))\b"
NOUN = rf"(?:(?P<nu>{UPN})|(?P<nd>{DNN}))s?\b"
A, B, P, D = _tok("a"), _tok("b"), _tok("p", "PQ"), _tok("d", "N")
NOUN2 = NOUN.replace("nu>", "nu2>").replace("nd>", "nd2>")
STATED = rf"(?:an?\s+)?(?:{P}\s+{NOUN}|{NOUN2}\s+of\s+{_tok('p2', 'PQ')})"
HEDGE = rf"(?:(?:{qualifier_alternation()})\s+)?"  # the one qualifier vocabulary

MULT_WORDS: dict[str, str] = {
    "doubled": "2",
    "double": "2",
    "twice": "2",
    "tripled": "3",
    "trebled": "3",
    "triple": "3",
    "treble": "3",
    "quadrupled": "4",
    "halved": "0.5",
}
TIMES_WORDS: dict[str, str] = {
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
_MW = "|".join(MULT_WORDS)
_TW = "|".join(TIMES_WORDS)
_TIMES = rf"(?:(?P<mult>twice|double)|(?P<tw>{_TW})\s+times|{_tok('f', 'N')}\s+times)"
_FOLD = rf"(?:(?P<tw>{_TW})|{_tok('f', 'N')})[\s-]?fold"

_IN_YEAR = r"(?:\s+in\s+⟦Y\d+⟧)?"  # from 7.2 million in 2010 to ...
_NOUN = r"(?:\s+[a-z][\w-]*){0,2}"  # what a figure counts: 484,507 vehicles

_PARTS = r"(?P<parts>⟦N\d+⟧(?:[^⟦;:]{0,40}?(?:,|\band\b|\bplus\b)\s*⟦N\d+⟧){1,8})"

# (form, relation, pattern); relation names the judging function in ``arithmetic``.
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (form, relation, compile_pattern(rx, re.IGNORECASE))
    for form, relation, rx in (
        # rose 1%, from 31.7 million to 32.0 million
        ("verb-by-from-to", "change", rf"\b{VERB}\s+(?:by\s+)?{P},?\s+from\s+{A}\s+to\s+{B}"),
        # rose 61.6% to Rs1,268.20 crore from Rs784.74 crore
        (
            "verb-by-to-from",
            "change",
            rf"\b{VERB}\s+(?:by\s+)?{P}\s+to\s+{B}{SHORT},?\s+"
            rf"from\s+{A}",
        ),
        # climbed to B from A in the year-ago quarter, a rise of P
        (
            "to-from-stated",
            "change",
            rf"\b{VERB}\s+to\s+{B}{SHORT},?\s+from\s+{A}{GAP},\s+" + STATED,
        ),
        # rose from A to B, a P increase
        ("from-to-stated", "change", rf"\bfrom\s+{A}{_IN_YEAR}\s+to\s+{B}{GAP},\s+{STATED}"),
        # a 26.40 percent rise in net profit to B, from A
        (
            "stated-to-from",
            "change",
            rf"\b(?:an?\s+)?{P}\s+{NOUN}{GAP}\bto\s+{B}{SHORT},?\s+"
            rf"from\s+{A}",
        ),
        # 56%, down from 59% a week before, a three percentage point drop
        ("b-verb-from-stated", "change", rf"{B},?\s+{VERB}\s+from\s+{A}{GAP},\s+" + STATED),
        # below 2.37 million in 2018, a 7 per cent decline on the 2.54 million of 2017
        (
            "b-stated-on-a",
            "change",
            rf"{B}{GAP},\s+(?:an?\s+)?{P}\s+{NOUN}\s+(?:on|from|"
            rf"compared\s+with|against|over)\s+(?:the\s+)?{A}",
        ),
        # 219, up 99% from 110
        # 484,507 vehicles, up 38.5% from 349,797
        (
            "b-verb-p-from",
            "change",
            rf"{B}{_NOUN},\s+{VERB}\s+{P}\s+(?:from|on|compared\s+with)"
            rf"\s+(?:the\s+)?{A}",
        ),
        # rose by 7.5% to a total of 214,205, an annual increase of almost 15,000
        (
            "verb-to-increase-of",
            "change-amount",
            rf"\b{VERB}\s+(?:by\s+)?{_tok('p', 'P')}\s+to\s+(?:a\s+(?:total|record|high)\s+of\s+)?"
            rf"{B}{GAP},\s+(?:an?\s+)?(?:\w+\s+)?{NOUN}\s+of\s+{HEDGE}{D}",
        ),
        # doubled from 110 to 219 / doubled to 219 from 110
        ("mult-from-to", "multiple", rf"\b(?P<mult>{_MW})\b{SHORT}\s+from\s+{A}\s+to\s+{B}"),
        ("mult-to-from", "multiple", rf"\b(?P<mult>{_MW})\s+to\s+{B}{SHORT},?\s+from\s+{A}"),
        # a three-fold increase from 10 to 30
        ("fold-from-to", "multiple", rf"{_FOLD}\s+(?:{UPN}){SHORT}\s+from\s+{A}\s+to\s+{B}"),
        # twice as many offences in 2017 as in 2016: 219, up from 110
        (
            "times-as-many",
            "multiple",
            rf"\b{_TIMES}\s+as\s+(?:many|much|high|large|big|great)"
            rf"\b{GAP}[:,]\s+{B},?\s+(?:up\s+)?from\s+{A}",
        ),
        # crime grew 22.5% — three times the national rate of 7.5%
        (
            "x-times-the",
            "multiple",
            rf"{B}\s*(?:,|—|–|--|-)\s*{_TIMES}\s+(?:the|that\s+of\s+the|"
            rf"its)\b{SHORT}\s(?:of|at)\s+{A}",
        ),
        # 56 of the 90 judges (62%)
        (
            "of-whole-paren",
            "share",
            rf"{_tok('part', 'N')}\s+(?:out\s+)?of\s+(?:the\s+)?"
            rf"{_tok('whole', 'N')}[^⟦()]{{0,50}}\(\s*{_tok('p', 'P')}"
            rf"\s*\)",
        ),
        # 44,479 of 67,092 were declared successful, a pass percentage of 66.30 per cent
        (
            "of-whole-percentage",
            "share",
            rf"{_tok('part', 'N')}\s+(?:out\s+)?of\s+(?:the\s+)?{_tok('whole', 'N')}{GAP},\s+"
            rf"(?:an?\s+|the\s+)?(?:pass(?:ing)?\s+(?:percentage|rate)|share|proportion|"
            rf"percentage|success\s+rate)\s+of\s+{_tok('p', 'PN')}",
        ),
        # 56 out of 90 judges, or 62%
        (
            "of-whole-or",
            "share",
            rf"{_tok('part', 'N')}\s+(?:out\s+)?of\s+(?:the\s+)?"
            rf"{_tok('whole', 'N')}[^⟦]{{0,50}}?,\s+or\s+{HEDGE}"
            rf"{_tok('p', 'P')}(?!\s+of)",
        ),
        # Of the 90 judges, 56 (62%) backed it / Among 97,750 candidates, 70,716 (72.34%) passed
        (
            "of-whole-part-paren",
            "share",
            rf"\b(?:of|among)\s+(?:the\s+|all\s+)?{_tok('whole', 'N')}[^⟦()]{{0,60}}?,\s+"
            rf"(?:only\s+|just\s+)?{_tok('part', 'N')}(?:\s+[a-z][\w-]*){{0,2}}\s*\(\s*"
            rf"{_tok('p', 'P')}\s*\)",
        ),
        # 62% (56 of 90)
        (
            "p-paren-of",
            "share",
            rf"{_tok('p', 'P')}\s*\(\s*{_tok('part', 'N')}\s+(?:out\s+)?of\s+"
            rf"{_tok('whole', 'N')}\s*\)",
        ),
        # 1,200 people, or 3% of the 40,000 residents
        (
            "or-p-of-whole",
            "share",
            rf"{_tok('part', 'N')}[^⟦]{{0,30}}?,?\s+or\s+{HEDGE}"
            rf"{_tok('p', 'P')}\s+of\s+(?:the\s+|all\s+|its\s+)?"
            rf"(?:[^⟦]{{0,30}}?\s)?{_tok('whole', 'N')}",
        ),
        # 72.33 per cent of the 97,750 candidates ...; the number who cleared at 70,716
        (
            "p-of-whole-number-at",
            "share",
            rf"{_tok('p', 'P')}\s+of\s+(?:the\s+)?{_tok('whole', 'N')}[^⟦]{{0,60}}?"
            rf"\b(?:number|total|count|tally)\b[^⟦]{{0,40}}?\b(?:at|was|were|to)\s+"
            rf"{_tok('part', 'N')}",
        ),
        # 8,153,900 full-time and 3,814,700 part-time ..., a total of 11,968,600
        (
            "parts-total",
            "total",
            rf"{_PARTS}[^⟦;]{{0,40}}?,?\s+(?:a\s+total\s+of|totall?ing|"
            rf"for\s+a\s+total\s+of|in\s+all|altogether)\s+"
            rf"{_tok('total', 'N')}",
        ),
        # 11,968,600, made up of 8,153,900 full-time and 3,814,700 part-time jobs
        (
            "total-made-up-of",
            "total",
            rf"{_tok('total', 'N')}[^⟦]{{0,40}}?\b(?:made\s+up\s+of|"
            rf"split\s+between|broken\s+down\s+(?:as|into)|divided\s+"
            rf"(?:between|into)|consisting\s+of|comprised\s+of)\s+"
            rf"{_PARTS}",
        ),
        # Labour on 593 and the Conservatives on 520, recording Majority 73
        (
            "majority",
            "difference",
            rf"{A}[^⟦]{{0,40}}?(?:,|\band\b)[^⟦]{{0,40}}?{B}[^⟦]{{0,30}}?"
            rf"\bmajority\s+(?:of\s+)?{D}",
        ),
        # saw only 31.5mpg, 12.6mpg below the claim (the official figure elsewhere)
        (
            "unit-below",
            "difference-unit",
            rf"{B}{SHORT},\s+(?:just\s+|only\s+|some\s+)?{D}\s+"
            rf"(?:(?P<below>below|under|less\s+than|short\s+of|"
            rf"lower\s+than|worse\s+than)|(?P<above>above|more\s+"
            rf"than|higher\s+than|better\s+than))\b",
        ),
    )
)

#: form -> the tail of its pattern from the first figure on. A pattern led by a verb is slow
#: to search (every word is tried against ~50 verbs); its tail starts with ``⟦``, which ``re``
#: skips to at C speed, and every match of the pattern holds one of the tail.
CORES: dict[str, re.Pattern[str]] = {
    form: compile_pattern(rx, re.IGNORECASE)
    for form, rx in (
        ("verb-by-from-to", rf"{P},?\s+from\s+{A}\s+to\s+{B}"),
        ("verb-by-to-from", rf"{P}\s+to\s+{B}{SHORT},?\s+from\s+{A}"),
        ("to-from-stated", rf"{B}{SHORT},?\s+from\s+{A}{GAP},\s+" + STATED),
        (
            "verb-to-increase-of",
            rf"{_tok('p', 'P')}\s+to\s+(?:a\s+(?:total|record|high)\s+of\s+)?"
            rf"{B}{GAP},\s+(?:an?\s+)?(?:\w+\s+)?{NOUN}\s+of\s+{HEDGE}{D}",
        ),
    )
}
assert all(rx.pattern.endswith(CORES[form].pattern) for form, _, rx in PATTERNS if form in CORES)

_PQ, _P = ("⟦P", "⟦p", "⟦Q", "⟦q"), ("⟦P", "⟦p")

#: Tests on a lowercased sentence, each true whenever a form that names it can match there:
#: a P/Q token needs a percent word or sign after a number (or a literal ``⟦``); the others
#: need their key words, with the spacing or comma their patterns put around them. Each test
#: is (words one of which it needs, the exact test or None), the words being far cheaper.
_TESTS: dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]] = {
    name: (words, compile_pattern(rx) if rx else None)
    for name, words, rx in (
        (
            "percent",
            ("%", "cent", "pc", "pp", "⟦"),
            r"%|per[\x20\u00a0]?cent|pct?\b|pp(?:ts?)?\b|⟦",
        ),
        ("multiple", ("double", "twice", "triple", "treble", "quadrupled", "halved"), None),
        ("fold", ("fold",), None),
        ("times", ("twice", "double", "times"), None),
        (
            "share",
            ("share", "proportion", "percentage", "rate"),
            r"(?:share|proportion|percentage|rate)\s+of",
        ),
        ("total", ("total", "altogether", "all"), r"total|altogether|in\s+all"),
        (
            "parts",
            ("made", "split", "broken", "divided", "consisting", "comprised"),
            r"made\s+up|split|broken\s+down|divided|consisting|comprised",
        ),
        ("majority", ("majority",), None),
        (
            "below",
            (
                "below",
                "under",
                "less",
                "short",
                "lower",
                "worse",
                "above",
                "more",
                "higher",
                "better",
            ),
            r"\s(?:below|under|less|short|lower|worse|above|more|higher|better)",
        ),
    )
}

#: word -> the tests it may pass
_WORDS: dict[str, list[str]] = {}
for _name, (_words, _) in _TESTS.items():
    for _w in _words:
        _WORDS.setdefault(_w, []).append(_name)

#: form -> (tokens one of which the skeleton must hold, the ``_TESTS`` its sentence must pass).
NEEDS: dict[str, tuple[tuple[str, ...], str]] = {
    "verb-by-from-to": (_PQ, "percent"),
    "verb-by-to-from": (_PQ, "percent"),
    "to-from-stated": (_PQ, "percent"),
    "from-to-stated": (_PQ, "percent"),
    "stated-to-from": (_PQ, "percent"),
    "b-verb-from-stated": (_PQ, "percent"),
    "b-stated-on-a": (_PQ, "percent"),
    "b-verb-p-from": (_PQ, "percent"),
    "verb-to-increase-of": (_P, "percent"),
    "mult-from-to": ((), "multiple"),
    "mult-to-from": ((), "multiple"),
    "fold-from-to": ((), "fold"),
    "times-as-many": ((), "times"),
    "x-times-the": ((), "times"),
    "of-whole-paren": (_P, "percent"),
    "of-whole-percentage": ((), "share"),
    "of-whole-or": (_P, "percent"),
    "p-paren-of": (_P, "percent"),
    "of-whole-part-paren": (_P, "percent"),
    "or-p-of-whole": (_P, "percent"),
    "p-of-whole-number-at": (_P, "percent"),
    "parts-total": ((), "total"),
    "total-made-up-of": ((), "parts"),
    "majority": ((), "majority"),
    "unit-below": ((), "below"),
}
assert set(NEEDS) == {form for form, _, _ in PATTERNS}
#: The only characters that ``re.IGNORECASE`` matches to an ASCII letter or that lower() to
#: one (İ ı ſ K): without them, a test on ``sentence.lower()`` is the case-insensitive one.
ODD_CASE = "\u0130\u0131\u017f\u212a"


def possible_forms(sentence: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """The patterns whose key words ``sentence`` holds (all of them for unusual case folding)."""
    if not sentence.isascii() and any(c in sentence for c in ODD_CASE):
        return list(PATTERNS)
    low = sentence.lower()
    passed = {name for w in _WORDS if w in low for name in _WORDS[w]}
    passed = {name for name in passed if (test := _TESTS[name][1]) is None or test.search(low)}
    return [p for p in PATTERNS if NEEDS[p[0]][1] in passed] if passed else []


def may_match(form: str, skeleton: str) -> bool:
    """False when ``form`` cannot match ``skeleton``: a token kind it needs (P, Q) is missing,
    or its tail (``CORES``) does not match."""
    kinds = NEEDS[form][0]
    if kinds and not any(k in skeleton for k in kinds):
        return False
    core = CORES.get(form)
    return core is None or core.search(skeleton) is not None
