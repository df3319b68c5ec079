"""The one reading of a document: layout normalised for reading, every offset mapped back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claims.extract import extract
from claims.extract.reading import read

FIXTURES = Path(__file__).resolve().parent / "fixtures"

READS = [
    pytest.param(
        "100 trillion\nwon ($62.29\nbillion)", "100 trillion won ($62.29 billion)", id="soft-breaks"
    ),
    pytest.param(
        "invest over\n    100 trillion won",
        "invest over 100 trillion won",
        id="indented-continuation",
    ),
    pytest.param(
        "First para 5 km.\n\nSecond 8 km.",
        "First para 5 km.\n\nSecond 8 km.",
        id="blank-line-ends-a-paragraph",
    ),
    pytest.param("Totals:\n- 5 km\n- 8 km", "Totals:\n- 5 km\n- 8 km", id="list-items"),
    pytest.param(
        "Ingredients\n- eggs\n- flour", "Ingredients\n- eggs\n- flour", id="list-no-colon"
    ),
    pytest.param("Done.\n- next item", "Done.\n- next item", id="list-after-a-sentence"),
    pytest.param(
        "105 Milliarden Euro\n- umgerechnet rund 135 Milliarden",
        "105 Milliarden Euro - umgerechnet rund 135 Milliarden",
        id="wire-copy-wrapped-before-a-dash",
    ),
    pytest.param(
        "It rose\n— and then fell", "It rose — and then fell", id="wrapped-before-em-dash"
    ),
    pytest.param(
        'stood at 67" (current)\n– 40" above normal',
        'stood at 67" (current) – 40" above normal',
        id="wrapped-before-en-dash-and-figure",
    ),
    pytest.param("| a | 5 |\n| b | 6 |", "| a | 5 |\n| b | 6 |", id="table-rows"),
    pytest.param("## Head 5\nBody 6", "## Head 5 Body 6", id="heading-then-body-plain-text"),
    pytest.param("the eco-\nnomy grew", "the economy grew", id="hyphenated-word"),
    pytest.param("a $3.5-\nbillion deal", "a $3.5-billion deal", id="hyphenated-figure"),
    pytest.param(
        "2,6 Milliarden US-\nDollar (2,4 Milliarden Euro)",
        "2,6 Milliarden US-Dollar (2,4 Milliarden Euro)",
        id="hyphen-before-a-capital-is-spelling",
    ),
    pytest.param("die Wäh-\nrung", "die Währung", id="hyphenated-word-non-ascii"),
    pytest.param(
        "last year's 17.13 million-\nunit rate",
        "last year's 17.13 million-unit rate",
        id="compound-broken-at-its-hyphen",
    ),
    pytest.param("100 bil-\nlion won", "100 billion won", id="scale-word-hyphenated"),
    pytest.param("old Mac\rline ends\r\rnew para", "old Mac line ends\n\nnew para", id="cr-only"),
    pytest.param("dos\r\nline\r\n\r\nends", "dos line\n\nends", id="crlf"),
    pytest.param("two  spaces\tand a tab", "two spaces and a tab", id="blank-runs"),
    pytest.param("10\u200f0 trillion won", "100 trillion won", id="rtl-mark-in-figure"),
    pytest.param("1\u200d00 km", "100 km", id="zero-width-joiner"),
    pytest.param("\ufeff$5\u00ad0 million", "$50 million", id="bom-and-soft-hyphen"),
    pytest.param("sq\u00a0mi and 1\u00a0234", "sq mi and 1\u00a0234", id="no-break-space"),
    pytest.param("1\u20072\u2007345", "1\u20092\u2009345", id="figure-space-groups-digits"),
    pytest.param(
        "\u0661\u0662\u0663\u066b\u0665 and \u0967\u0968",
        "123.5 and 12",
        id="arabic-and-devanagari-digits",
    ),
    pytest.param("\uff11\uff10\uff10\u5186", "100\u5186", id="full-width-digits"),
]


@pytest.mark.parametrize("text, expected", READS)
def test_reading(text, expected):
    r = read(text)
    assert r.text == expected
    for i, ch in enumerate(r.text):  # every character maps onto its source
        at = r.to_text(i)
        if ch.isdigit() and text[at].isascii():
            assert text[at] == ch


#: Pieces a random text is made of: letters, digits, every kind of change and its near misses.
_PIECES = [
    "a",
    "b",
    "1",
    "-",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    ">",
    "|",
    "# ",
    "- ",
    "1. ",
    "\u00a0",
    "\u2009",
    "\u00ad",
    "\u200b",
    "\u0663",
    "\u066b",
    "\uff0c",
    "\uff11",
    "x-\nz",
    "9-\nb",
    "\u00e9",
]


def _reference(text: str) -> tuple[str, list[int]]:
    """Reading by the plain regex scan, one offset per character (the obviously right way)."""
    from claims.extract.reading import _CHANGE, _rewrite

    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in _CHANGE.finditer(text):
        out = _rewrite(text, m, m.lastgroup, None)
        if out is None:
            continue
        pieces.append(text[last : m.start()])
        offsets.extend(range(last, m.start()))
        pieces.append(out[0])
        offsets.extend(out[1])
        last = m.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text)))
    return "".join(pieces), offsets


def test_fast_scan_reads_as_the_plain_regex_scan():
    """``read`` tries the change regex only where a change can start and keeps one offset
    per stretch; over 3,000 seeded random texts it reads and maps exactly as the plain scan."""
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 40)))
        expected, offsets = _reference(text)
        got = read(text)
        assert got.text == expected, repr(text)
        assert [got.to_text(i) for i in range(len(expected))] == offsets, repr(text)
        assert got.to_text(len(expected)) == len(text), repr(text)


def test_unchanged_text_needs_no_map():
    r = read("A plain line with 100 km (62 miles).")
    assert r.offsets is None and r.text_span is not None


def test_extract_spans_point_into_the_wrapped_text():
    text = "Lee plans to invest over 100 trillion\n   won ($62.29\nbillion) in AI."
    (conv,) = extract(text).conversions
    assert text[conv.span.start : conv.span.end] == "100 trillion\n   won ($62.29\nbillion)"
    assert conv.text == "100 trillion won ($62.29 billion)"
    conv_m = conv.converted
    assert text[conv_m.span.start : conv_m.span.end] == "$62.29\nbillion"
