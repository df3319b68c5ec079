"""The unit and arithmetic readers' prefilters change no result: each fast path against its
slow one.

Slow paths: the sentence splitter as first written (kept here), numbers read over the whole
text (``units._numbers(text)``), and every pattern tried on every sentence
(``arithmetic._claims(..., prefilter=False)``). Texts: the seed story, the corpora, and random
texts built from the pieces the prefilters reason about (blanks, newlines, abbreviations,
quotes, ranges, scale words, units, separators), run in seeded loops whose failure shows the
text.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from claims.extract import arith_tokens as tok
from claims.extract import arithmetic, units
from claims.extract import sentences as fig

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
STORY = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text("utf-8")
CORPUS = [
    json.loads(line)["text"]
    for name in ("units_arith_dev.jsonl", "dev_currency.jsonl")
    if (FIXTURES / name).exists()
    for line in (FIXTURES / name).read_text("utf-8").splitlines()
    if line.strip()
]

_OLD_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")


def reference_sentences(text: str):
    """``fig.sentences`` as first written (look-behind pattern, full scan)."""
    start = 0
    for m in _OLD_END.finditer(text):
        before = text[max(start, m.start() - 4) : m.start()]
        if re.search(r"(?:\b[A-Z]|\b(?:Rs|Mr|Ms|Dr|St|No|vs|Co|Inc|Jr|Sr|approx))\.$", before):
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _random_texts(seed: int, count: int, pieces: list[str], most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]


SPLIT_PIECES = [
    ".",
    "!",
    "?",
    "\n",
    " ",
    '"',
    "'",
    "”",
    "’",
    ")",
    "(",
    "“",
    "‘",
    "A",
    "a",
    "1",
    "Mr",
    "Inc",
    "Co",
    "U",
    "approx",
    "\n\n",
    "  ",
    "\t",
    "\r\n",
    "x",
    "Rs",
    "\u00a0",
    "5",
    "İ",
    "ſ",
    "٣",
]


def test_sentences_and_local_bounds_match_the_full_split():
    for text in [
        STORY,
        *CORPUS,
        *_random_texts(1, 3000, SPLIT_PIECES, 30),
        *_random_texts(2, 40, SPLIT_PIECES + ["word " * 60], 12),
    ]:
        want = list(reference_sentences(text))
        assert list(fig.sentences(text)) == want, text
        for pos, char in enumerate(text):
            if char.isalnum():
                holding = [s for s in want if s[0] <= pos < s[1]]
                assert [(fig.sentence_start(text, pos), fig.sentence_end(text, pos))] == holding, (
                    text,
                    pos,
                )


@pytest.mark.parametrize("text", [STORY, "a1 22 333\n4", "", "x", "١٢ 3", "12", "ab٣4"])
def test_digit_runs_match_the_regex(text):
    assert fig.digit_runs(text) == [m.start() for m in re.finditer(r"\d+", text)]


SPELLED_PIECES = [
    "one",
    "Two",
    "THREE",
    "ſix",
    "six",
    "twenty",
    "eleven",
    "fifteen",
    "ten",
    "a",
    "x",
    "5",
    " ",
    "\u00a0",
    "-",
    "per",
    "cent",
    "PerCent",
    "percent",
    "percentage",
    "Per\u00a0cent",
    "per cent",
    "PERCENT",
    "İ",
    "\n",
]


def test_spelled_starts_cover_every_spelled_token():
    for text in _random_texts(3, 2000, SPELLED_PIECES, 12):
        found = {m.start() for m in tok._SPELLED.finditer(text)}
        assert found <= set(tok.spelled_starts(text)), text


NUMBERS = [
    "5",
    "1,234",
    "1 234 567",
    "12.5",
    "48, 8",
    "100",
    "62",
    "40",
    "104",
    "20-25",
    "20 to 25",
    "between 10 and 20",
    "from 10 to 20",
    "677-point-four",
    "0",
    "3.5 million",
    "5 lakh  crore",
    "five",
    "a hundred",
    "half",
    "1,000",
    "1/2",
    "172 1/2",
    "17½",
    "½",
    "68,6",
    "two-and-a-half",
    "seven and a half",
    "6’11”",
    "15 below zero",
    "$4000",
    "ninety",
]
UNITS = [
    "km",
    "miles",
    "square kilometres",
    "km/h",
    "°C",
    "ºF",
    "C",
    "F",
    "degrees",
    "mph",
    "degrees Fahrenheit",
    "nautical miles",
    "kilowatthours",
    "leagues",
    "feet",
    "metres",
    "m",
    "kg",
    "pounds",
    "barrels a day",
    "acres",
    "hectares",
    "tonnes",
    "gallons",
    "mb",
    "”",
    "hp",
    "mpg UK",
    "l/100km",
    "lb.-ft.",
    "years",
    "days",
    "stone 3lb",
    "per hectare",
    "/ha",
    "ft 6ins",
]
SEPARATORS = [
    " (",
    "(",
    ", or ",
    " (about ",
    " ( more than ",
    "\n(",
    " (\n",
    ",\nor ",
    "  (",
    " or ",
    ", also ",
    ", nearly ",
    ", or just under ",
    "/",
    ". That's ",
    " [",
    ", which is equivalent to ",
    " of torque (",
    " of rain on the island. That is ",
    " (or ",
    ", ",
    " ($",
    ", i.e., ",
    ". This is ",
    "; that is ",
    ", about ",
    ", OR ",
    ",  roughly ",
    ". Then ",
]
NOISE = [
    "the",
    "over",
    "from",
    "between",
    "to",
    "and",
    "a",
    "hundred",
    "and a half",
    "$",
    "£",
    "Rs",
    ";",
    ":",
    "/",
    "-",
    ".",
    ",",
    "percent",
    "\n",
    "\n\n",
    "  ",
    "\u00a0",
    "Mr.",
    ")",
]


def _pair_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)

    def noise(most: int) -> str:
        return " ".join(rng.choice(NOISE) for _ in range(rng.randint(0, most)))

    texts = []
    for _ in range(count):
        parts = [
            noise(4)
            + " "
            + rng.choice(NUMBERS)
            + rng.choice([" ", "", "\u00a0", "  "])
            + rng.choice(UNITS)
            + rng.choice(["", " and a half"])
            + rng.choice(SEPARATORS)
            + rng.choice(NUMBERS)
            + rng.choice([" ", "", "-"])
            + rng.choice(UNITS)
            + rng.choice([")", "", ");", " )"])
            + " "
            + noise(3)
            for _ in range(rng.randint(1, 3))
        ]
        texts.append(rng.choice(["", " ", "\n"]).join(parts))
    return texts


def _units_everywhere(text: str):
    numbers = units._numbers(text)
    pairs = units._pairs(text, numbers)
    return pairs + units._apart(text, pairs, numbers)


def _apart_texts(seed: int, count: int) -> list[str]:
    """Two or three measures in a sentence with words between, no restating phrase."""
    rng = random.Random(seed)

    def measure() -> str:
        return (
            rng.choice(NUMBERS + ["15.8", "15,876", "1,250.5", "3,089", "201.6", "91.4"])
            + rng.choice([" ", "", "\u00a0", "-"])
            + rng.choice(UNITS)
        )

    def words() -> str:
        return " ".join(
            rng.choice(NOISE + ["the", "body", "said"]) for _ in range(rng.randint(1, 5))
        )

    return [
        " ".join(
            f"{words()} {measure()} {words()} {measure()}{rng.choice(['.', ';', ''])}"
            for _ in range(rng.randint(1, 3))
        )
        for _ in range(count)
    ]


#: Each joint the window scan looks for, in a sentence that holds a pair only through it (no
#: bracket or slash), so a scan that missed the joint would lose the pair.
JOINT_SENTENCES = [
    ("comma-qualifier", "The baby weighed 9 pounds, nearly 4.1 kilograms, at birth."),
    ("comma-or", "It hit 43.2 degrees Celsius, or just under 110 degrees Fahrenheit."),
    ("comma-also", "He weighed in at 180.4 pounds, also 81.8 kilograms."),
    ("comma-ie", "The route is 100 km, i.e., 62 miles, long."),
    ("comma-which-is", "The lake is 5 km, which is equivalent to 3.1 miles, across."),
    ("comma-roughly", "The farm covers 1,250 hectares,  roughly 3,089 acres."),
    ("or", "The trail is 20 km or 12.4 miles long."),
    ("thats", "The climb is 20 km. That's 12.4 miles of switchbacks."),
    ("that-is", "The climb is 20 km. That is 12.4 miles of switchbacks."),
]


@pytest.mark.parametrize(
    "text", [t for _, t in JOINT_SENTENCES], ids=[i for i, _ in JOINT_SENTENCES]
)
def test_units_windows_find_each_joint(text):
    fast = units.read_unit_conversions(text)
    assert fast, "no pair read"
    assert fast == _units_everywhere(text)


@pytest.mark.parametrize(
    "firsts, distinct",
    [
        (["k", "m", "°"], True),
        (["k", "\u212a"], False),  # the Kelvin sign folds onto k
        (["s", "\u017f"], False),  # and the long s onto s
        (["k", " "], False),  # a blank may read as nothing
    ],
    ids=["letters-and-a-sign", "kelvin-sign", "long-s", "blank"],
)
def test_grouping_needs_first_letters_no_character_matches_twice(firsts, distinct):
    from claims.extract._regex import _distinct_first_letters

    assert _distinct_first_letters(firsts) is distinct


def test_unit_names_grouped_by_first_letter_match_as_the_plain_alternation():
    grouped, plain = units._UNIT_AFTER, units._build_unit_lookup(by_first=False)[0]
    assert grouped.pattern != plain.pattern
    odd = [
        "5 \u212am",
        "5 KM/H",
        "9 mpg UK",
        "9 MPG",
        "3 l/100km",
        "3 L",
        "6 ft.-lb.",
        "4 °C",
        "4 º F",
    ]
    for text in [STORY, *CORPUS, *odd, *_pair_texts(9, 200)]:
        for at in range(len(text)):
            a, b = grouped.match(text, at), plain.match(text, at)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text[at:]


def test_units_windows_change_no_pair():
    for text in [STORY, *CORPUS, *_pair_texts(4, 400), *_apart_texts(6, 400)]:
        fast = units.read_unit_conversions(text)
        assert fast == _units_everywhere(text), text


def _arith_texts(seed: int, count: int) -> list[str]:
    """Corpus sentences with new figures, joined by blanks, newlines or abbreviations."""
    rng = random.Random(seed)

    def figure(m: re.Match[str]) -> str:
        return str(rng.randint(0, 10 ** len(m.group())))

    glue = [" ", "\n", "\n\n", " Mr. ", " Inc.\n", "; ", " and "]
    return [
        rng.choice(glue).join(
            re.sub(r"\d+", figure, rng.choice(CORPUS)) for _ in range(rng.randint(1, 3))
        )
        for _ in range(count)
    ]


QUICK_ODD = ["It was made\nup of 5 parts", "broken  down", "\u017fplit 5", "5of 6", "OF", "MADE UP"]


def test_quick_word_test_matches_its_regex():
    for text in [STORY, *CORPUS, *QUICK_ODD, *_arith_texts(11, 300)]:
        for start in range(0, len(text), 37):
            end = min(len(text), start + 80)
            want = arithmetic._QUICK.search(text, start, end) is not None
            assert arithmetic._quick(text, start, end) == want, text[start:end]


def test_arithmetic_prefilter_changes_no_claim():
    for text in [STORY, *CORPUS, *_arith_texts(5, 600)]:
        slow = arithmetic._claims(text, reference_sentences(text), prefilter=False)
        assert arithmetic.read_arithmetic(text) == slow, text


#: Two sentences, the second pointing back, with what may stand between them.
ACROSS_GAPS = [
    " ",
    "  ",
    '" ',
    "\u201d ",
    ") ",
    " \n",
    "\n",
    "\n\n",
    " Mr. Lee spoke. ",
    "! ",
    "? ",
]


@pytest.mark.parametrize("gap", ACROSS_GAPS)
def test_across_prefilter_changes_no_claim(gap):
    for first, second in [
        ("Net profit was Rs 58 crore as against Rs 80 crore.", "That was a decline of 32.5%."),
        (
            "Officials reported 65 percent voter turnout.",
            "Of 8,204,500 registered voters, 5,004,745 cast ballots.",
        ),
        (
            "The state logged 3,518 more cases on Monday.",
            "Its tally rose to 1,54,924 from 1,52,406.",
        ),
    ]:
        text = first + gap + second
        found = arithmetic._figure_sentences(text)
        claims = arithmetic._claims(text, arithmetic._candidates(text, found), found=[])
        fast = arithmetic._across(text, claims, found)
        assert fast == arithmetic._across(text, claims, found, prefilter=False), text
        assert bool(fast) == (gap in (" ", "  ", '" ', "\u201d ", ") ", "! ", "? ")), text
