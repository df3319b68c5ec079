"""Sentences and number windows of a reading, for the claim readers' fast paths.

``sentences`` splits at ``. `` (closing quotes, then blanks before a capital or digit), at
``!``/``?`` likewise, and at line breaks (after ``claims.extract.reading`` only paragraph
breaks are left); a dot after a one-letter initial or a common abbreviation (``Rs.``,
``Mr.``) does not end one. The rest are the pieces of the readers' prefilters, each exact:
``sentence_end``/``sentence_start`` (the sentence around one position, reading only near it),
``digit_runs`` (``str.find`` speed), and ``sync_before``/``sync_after``/``read_window`` (read
numbers in a window of the text and get exactly the full text's readings there).
"""

from __future__ import annotations

from collections.abc import Iterator

from claims.extract.numbers import (
    FOREIGN_SCALES,
    LETTER_SCALES,
    SCALES,
    NumberReading,
    read_numbers,
)
from claims.model import Span, evolve
from claims.pattern_cache import compile as compile_pattern

#: A sentence ends after ``.!?`` (closing quotes, then blanks before a capital or digit) or at
#: newlines. Written to start with the ``.!?`` or newline itself, so that ``re`` skips to those
#: characters at C speed (a leading look-behind made it try every position, 6x slower); a
#: match that starts with ``.!?`` stands for the same split one character later.
_SENTENCE_END = compile_pattern(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|(?<=\n)\n*)"
)
_ABBREVIATIONS = ("Rs", "Mr", "Ms", "Dr", "St", "No", "vs", "Co", "Inc", "Jr", "Sr", "approx")
_ABBREVIATION = compile_pattern(r"(?:\b[A-Z]|\b(?:%s))\.$" % "|".join(_ABBREVIATIONS))
_CLOSERS = "\"'”’)"


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split at ``. `` before a capital or digit, and at newlines.

    A dot after a one-letter initial or common abbreviation (``Rs.``, ``Mr.``) does not end one.
    """
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if text[m.start()] == "\n" else m.start() + 1
        if _held(text, end, start):
            continue
        if end > start:
            yield start, end
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _held(text: str, end: int, start: int = 0) -> bool:
    """Whether the split at ``end`` is an abbreviation's dot, read on the (at most) four
    characters from ``start``. A sentence starts after a blank, which the abbreviation cannot
    span, so the answer does not depend on ``start``: ``sentence_at`` passes 0."""
    return (
        end > start + 1
        and text[end - 1] == "."
        and text[end - 2] in _ABBREVIATION_ENDS
        and _ABBREVIATION.search(text[max(start, end - 4) : end]) is not None
    )


#: The letters ``_ABBREVIATION`` can end with before its dot (any capital, or the last letter
#: of an abbreviation): most sentences end otherwise, with no search.
_ABBREVIATION_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ").union(w[-1] for w in _ABBREVIATIONS)


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence of ``sentences(text)`` holding ``pos`` ends; ``pos`` must be a letter
    or digit (which no split takes). Reads only from ``pos`` on: each split is decided by the
    few characters around it, whatever came before."""
    m = _SENTENCE_END.search(text, pos)
    while m is not None:
        split = m.start() if text[m.start()] == "\n" else m.start() + 1
        if text[split - 1] != "." or not _held(text, split):
            return split
        m = _SENTENCE_END.search(text, m.end())
    return len(text)


def next_start(text: str, end: int) -> int | None:
    """Where the sentence after the one ``sentence_end`` ended at ``end`` starts, or None
    when the split there holds a line break (or ends the text)."""
    if end >= len(text) or text[end] == "\n":
        return None
    m = _SENTENCE_END.match(text, end - 1)
    if m is None or "\n" in text[end : m.end()]:
        return None
    return m.end()


def sentence_start(text: str, pos: int) -> int:
    """Where that sentence starts: the end of the last accepted split before ``pos``, found
    by stepping back over ``.!?`` and newlines."""
    k = pos
    while True:
        k = _last_mark(text, k)
        if k < 0:
            return 0
        split = _split_over(text, k)
        if split is not None:
            k, split_start, split_end = split
            if not _held(text, split_start):
                return split_end


def _last_mark(text: str, pos: int) -> int:
    """The last ``.!?`` or newline before ``pos``, or -1."""
    hi, step = pos, 128
    while hi > 0:
        lo = max(0, hi - step)
        k = max(
            text.rfind(".", lo, hi),
            text.rfind("\n", lo, hi),
            text.rfind("!", lo, hi),
            text.rfind("?", lo, hi),
        )
        if k >= 0:
            return k
        hi, step = lo, step * 4
    return -1


def _split_over(text: str, k: int) -> tuple[int, int, int] | None:
    """The split the full scan makes over the mark at ``k``: (its first mark, start, end).

    A ``.!?`` can only begin one (matches hold no other such mark). A newline may sit in one
    begun by the ``.!?`` before its blanks and closing quotes, else in a run of newlines.
    """
    if text[k] != "\n":
        m = _SENTENCE_END.match(text, k)
        return (k, k + 1, m.end()) if m else None
    i = k
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _CLOSERS):
        i -= 1
    if i > 0 and text[i - 1] in ".!?":
        m = _SENTENCE_END.match(text, i - 1)
        if m and m.end() > k:
            return i - 1, i, m.end()
    first, last = k, k + 1
    while first > 0 and text[first - 1] == "\n":
        first -= 1
    while last < len(text) and text[last] == "\n":
        last += 1
    return first, first, last


#: A sync point for reading numbers: no reading (digits, grouping, scale word, range) spans a
#: hard character (none of: word characters, blanks, grouping marks, dashes) or a plain word
#: (lowercase letters between spaces) that is not one of ``words``, so reading numbers from or
#: up to one gives exactly the readings of the whole text there.
_SYNC = compile_pattern(r"[^\w\x20\u00a0\u202f\u2009.,'’\-–—]|(?<=\x20)(?P<word>[a-z]+)(?=\x20)")
#: Words a number reading can hold: scale words, spelled decimals, range joins.
NUMBER_WORDS = frozenset(
    w
    for phrase in [
        *SCALES,
        *FOREIGN_SCALES,
        *LETTER_SCALES,
        "point",
        "to",
        "and",
        "zero one two three four five six seven eight nine",
    ]
    for w in phrase.lower().split()
)
_CONTEXT = 16  # read before a window: "between"/"from" before a range
_BLANKS = compile_pattern(r"[\x20\u00a0]{2}")


def sync_before(text: str, pos: int, words: frozenset[str] = NUMBER_WORDS) -> int:
    """The last sync point lying wholly before ``pos`` (0 if none): no number ending at or after
    ``pos`` starts before it. ``words`` are those a number may hold (default: readings')."""
    lo, step = pos, 32
    while lo > 0:
        hi, lo, step = lo, max(0, lo - step), step * 4
        last = None
        for m in _SYNC.finditer(text, lo, pos):
            if m.start() >= hi:
                break
            if m.group("word") not in words:
                last = m
        if last is not None:
            return last.start() if last.group("word") else last.end()
    return 0


def sync_after(text: str, pos: int, words: frozenset[str] = NUMBER_WORDS) -> int:
    """The first sync point at or after ``pos`` (the text's end if none)."""
    for m in _SYNC.finditer(text, pos):
        if m.group("word") not in words:
            return m.end() if m.group("word") else m.start()
    return len(text)


def reach_back(text: str, x: int, reach: int) -> int:
    """The position ``reach`` characters before ``x``, a run of blanks counting as one."""
    lo = max(0, x - reach)
    if not _BLANKS.search(text, lo, x):
        return lo
    i = x
    for _ in range(reach):
        if i == 0:
            break
        i -= 1
        while i > 0 and text[i] in "\x20\u00a0" and text[i - 1] in "\x20\u00a0":
            i -= 1
    return i


def read_window(text: str, start: int, end: int, *, letters: bool) -> list[NumberReading]:
    """``read_numbers`` of ``text[start:end]`` (both sync points) at full-text offsets."""
    lo = max(0, start - _CONTEXT)
    return [
        r if lo == 0 else evolve(r, span=Span(r.span.start + lo, r.span.end + lo))
        for r in read_numbers(text[lo:end], letters=letters)
        if r.span.start + lo >= start
    ]


_ASCII = bytes(range(128))
_DIGIT = compile_pattern(r"\d")
_DIGITS = compile_pattern(r"\d+")


def digit_runs(text: str) -> list[int]:
    """Where each run of digits (``\\d+``) starts, in order.

    ``str.find`` per ASCII digit (memchr speed, ~10x a regex scan) unless the text holds a
    non-ASCII digit (checked on its non-ASCII characters alone), then a regex scan. The last
    text's answer is kept: the unit and the arithmetic readers ask for the same text in turn.
    """
    global _last_runs
    last = _last_runs  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return list(last[1])
    runs = _digit_runs(text)
    _last_runs = (text, runs)
    return list(runs)


_last_runs: tuple[str | None, list[int]] = (None, [])


def _digit_runs(text: str) -> list[int]:
    if not text.isascii():
        rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
        if _DIGIT.search(rest.decode("utf-8", "surrogatepass")):
            return [m.start() for m in _DIGITS.finditer(text)]
    found: list[int] = []
    for d in "0123456789":
        i = text.find(d)
        while i >= 0:
            found.append(i)
            i = text.find(d, i + 1)
    found.sort()
    return [p for k, p in enumerate(found) if k == 0 or found[k - 1] != p - 1]
