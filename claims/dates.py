"""Dates: the one place that reads a date, for metadata, front matter, datelines and ``--date``.

``parse_day`` reads a value a page or front matter gives as a date: ISO 8601 (``2025-06-30``,
``2025-06-30T18:09:55-07:00``, ``20250630``), ``2025/06/30``, ``30.06.2025``, and dates written
out in about thirty languages (``June 30, 2025``, ``30 juin 2025``, ``30. Juni 2025``,
``30 de junio de 2025``, ``2025年6月30日``). ``parse_stamp`` keeps the time and UTC offset too,
so a UTC timestamp can yield to the newsroom's local rendering of the same moment.
``dateline_date`` finds a dateline near the top of a story; ``resolve_as_of`` chooses the as-of
date. Days outside 1900-2199 are not story dates (Hugo's zero date is ``0001-01-01``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from claims._months_data import MONTH_NAMES
from claims.extract._regex import trie
from claims.pattern_cache import compile as compile_pattern

FIRST_YEAR, LAST_YEAR = 1900, 2199
OPTION_LAST_YEAR = 9998  # --date: a week on either side still fits a date

#: English abbreviations and the few three-letter full names a dateline may use.
_SHORT_OK = frozenset(
    {
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mai",
        "maj",
        "mei",
    }
)
_STRICT_NAMES = {k: v for k, v in MONTH_NAMES.items() if len(k) >= 4 or k in _SHORT_OK}


def _names(table: dict[str, int]) -> str:
    """The month names as a regex trie: 500 names in one alternation are tried one by one at
    every letter (0.1 MB/s); the trie, a branch per next letter, is ten times faster."""
    return trie(list(table))


def _written(names: str) -> re.Pattern[str]:
    return compile_pattern(
        rf"""
        (?<![\w])(?P<m1>{names})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})(?!\d)
                                                   # June 30, 2025 / Jun. 30 2025
        | (?<![\w.])(?P<d2>[0-3]?\d)(?:st|nd|rd|th|er|\.|º|°)?[\s\u00a0]*(?:de\s+)?
          (?P<m2>{names})\.?,?[\s\u00a0]+(?:de\s+|del\s+)?(?P<y2>\d{{4}})(?!\d)
                                                   # 30 juin 2025 / 30. Juni 2025 / 30 de junio de 2025
        | (?P<y3>\d{{4}})\s*[年년]\s*(?P<m3>[01]?\d)\s*[月월]\s*(?P<d3>[0-3]?\d)\s*[日일]
                                                   # 2025年6月30日 / 2025년 6월 30일
        | (?<![\w])(?P<m4>{names})\s+(?P<d4>[0-3]?\d)\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?
          \s+(?:[A-Z]{{2,5}}\s+)?(?P<y4>\d{{4}})(?!\d)  # Fri Apr 28 19:20:36 CEST 2023 (Java)
        """,
        re.IGNORECASE | re.VERBOSE,
    )


_WRITTEN = _written(_names(MONTH_NAMES))  # in metadata values: any CLDR name
_WRITTEN_STRICT = _written(_names(_STRICT_NAMES))  # in running text: no "pro", "out", "set"

_ISO = compile_pattern(
    r"""
    \s*["']?(?P<y>\d{4})(?P<sep>[-/.]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)   # 2025-06-30, 20250630
    (?:[T\s]+(?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-6]\d)(?:[.,]\d+)?)? # T18:09:55.123
       \s*(?P<tz>Z|UTC|GMT|[+-][01]\d:?[0-5]\d)?)?                          # -07:00, Z
    (?!\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_DMY = compile_pattern(
    r"\s*(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>\d{4})(?!\d)"
)  # 30.06.2025
_STRICT_ISO = compile_pattern(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Stamp:
    """A date as written, with its time and UTC offset (minutes) when the value gives them."""

    day: date
    time: tuple[int, int, int] | None = None
    offset: int | None = None  # None: no offset written (local time)

    def instant(self) -> datetime | None:
        """The moment in UTC, when both time and offset are known."""
        if self.time is None or self.offset is None:
            return None
        local = datetime(self.day.year, self.day.month, self.day.day, *self.time)
        return (local - timedelta(minutes=self.offset)).replace(tzinfo=UTC)


def _day(y: Any, m: Any, d: Any) -> date | None:
    try:
        day = date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _offset(tz: str | None) -> int | None:
    if not tz:
        return None
    if tz.upper() in ("Z", "UTC", "GMT"):
        return 0
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return sign * (int(digits[:2]) * 60 + int(digits[2:]))


def parse_stamp(value: Any) -> Stamp | None:
    """A metadata date value read as a ``Stamp``, else None (see the module docstring)."""
    if isinstance(value, datetime):
        off = value.utcoffset()
        return Stamp(
            value.date(),
            (value.hour, value.minute, value.second),
            None if off is None else int(off.total_seconds() // 60),
        )
    if isinstance(value, date):
        return Stamp(value) if FIRST_YEAR <= value.year <= LAST_YEAR else None
    if not isinstance(value, str):
        return None
    text = value[:200]
    m = _ISO.match(text)
    if m:
        day = _day(m["y"], m["m"], m["d"])
        if day is None:
            return None
        clock = (int(m["H"]), int(m["M"]), int(m["S"] or 0)) if m["H"] else None
        if clock and not (clock[0] < 24 and clock[2] < 60):
            clock = None
        return Stamp(day, clock, _offset(m["tz"]) if clock else None)
    m = _DMY.match(text)
    if m:
        day = _day(m["y"], m["m"], m["d"])
        return Stamp(day) if day else None
    day = written_date(text, strict=False)
    return Stamp(day) if day else None


def parse_day(value: Any) -> date | None:
    """The calendar day a metadata date value gives, as written (no time-zone shift); else None."""
    stamp = parse_stamp(value)
    return stamp.day if stamp else None


def parse_iso(text: str) -> date | None:
    """A strict ``YYYY-MM-DD`` (the ``--date`` option) from 1900 on; else None.

    Later years than a story date may have are allowed: asking past the data is a question
    the rate store answers ("ECB data ends ...")."""
    if not _STRICT_ISO.fullmatch(text.strip()):
        return None
    y, m, d = text.strip().split("-")
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= OPTION_LAST_YEAR else None


def _match_day(m: re.Match[str]) -> date | None:
    if m["y1"]:
        return _day(m["y1"], MONTH_NAMES.get(m["m1"].lower()), m["d1"])
    if m["y2"]:
        return _day(m["y2"], MONTH_NAMES.get(m["m2"].lower()), m["d2"])
    if m["y4"]:
        return _day(m["y4"], MONTH_NAMES.get(m["m4"].lower()), m["d4"])
    return _day(m["y3"], m["m3"], m["d3"])


def written_date(
    text: str, *, strict: bool = True, start: int = 0, end: int | None = None
) -> date | None:
    """The first real date written out in ``text[start:end]`` ("June 30, 2025", "30 juin 2025").

    ``strict`` (for running text) leaves out three-letter names that are also words ("pro",
    "out", "set"); metadata values are read with every CLDR name."""
    pattern = _WRITTEN_STRICT if strict else _WRITTEN
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        day = _match_day(m)
        if day is not None:
            return day
    return None


# ------------------------------------------------------------------------------ datelines

_NUMERIC_IN_TEXT = compile_pattern(
    r"""
    (?<![\d./-])(?P<y>(?:19|20|21)\d\d)(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?![\d-]|\.\d)
                                                   # 2025-06-30, 2025/06/30, 2024.03.31
    | (?<![\d./-])(?P<d2>[0-3]?\d)\.\s?(?P<m2>[01]?\d)\.\s?(?P<y2>(?:19|20|21)\d\d)(?![\d-]|\.\d)
                                                   # 28.04.2023 (day first wherever dots are used)
    | (?<![\d./-])(?P<d3>[0-3]?\d)\.(?P<m3>[01]?\d)\.(?P<y3>\d\d)(?=\s*[|,]?\s*[0-2]?\d:[0-5]\d)
                                                   # 25.04.24 | 14:07 (a two-digit year, with a time)
    """,
    re.VERBOSE,
)

#: How far into the text a dateline may stand (a date deep in the body is not a dateline).
DATELINE_WINDOW = 600


def dateline_date(text: str) -> date | None:
    """The first full date in the opening of the text, if it reads as a real calendar date."""
    end = min(len(text), DATELINE_WINDOW)
    found: list[tuple[int, date]] = []
    for m in _NUMERIC_IN_TEXT.finditer(text, 0, end):
        if m["y"]:
            day = _day(m["y"], m["m"], m["d"])
        elif m["y2"]:
            day = _day(m["y2"], m["m2"], m["d2"])
        else:
            day = _day(2000 + int(m["y3"]), m["m3"], m["d3"])
        if day:
            found.append((m.start(), day))
            break
    for m in _WRITTEN_STRICT.finditer(text, 0, end):
        day = _match_day(m)
        if day:
            found.append((m.start(), day))
            break
    return min(found)[1] if found else None


# ------------------------------------------------------------------------------ the story's dates


@dataclass(frozen=True)
class StoryDates:
    """A story's published and modified dates, each with where it was read (source and tag)."""

    published: date | None = None
    published_source: str | None = None  # e.g. "meta article:published_time"
    modified: date | None = None
    modified_source: str | None = None

    @property
    def best(self) -> tuple[date | None, str | None]:
        """The story's date: published, else (an updated page with no publication date) modified."""
        if self.published is not None:
            return self.published, self.published_source
        return self.modified, self.modified_source


NO_DATES = StoryDates()


def resolve_as_of(
    option: date | None, metadata: date | None, text: str, today: date
) -> tuple[date, str]:
    """The as-of date and where it came from: option, metadata, text or today."""
    if option is not None:
        return option, "option"
    if metadata is not None:
        return metadata, "metadata"
    found = dateline_date(text)
    if found is not None:
        return found, "text"
    return today, "today"
