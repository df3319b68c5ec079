"""The as-of date of a story: which day's rates a conversion should be judged against.

Order of precedence: the ``--date`` option, the document's own metadata (front matter,
``article:published_time``, ``<time datetime>``, JSON-LD ``datePublished``), a dateline with a
full date near the top of the text, else today (passed in; never read from the clock here).
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_DATELINE = re.compile(
    rf"""
    \b(?P<iso>(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d))\b   # 2025-06-30
    | \b{_MONTH}\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b   # June 30, 2025
    | \b(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month3')}\s+(?P<y3>(?:19|20)\d\d)\b  # 30 June 2025
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: How far into the text a dateline may stand (a date deep in the body is not a dateline).
DATELINE_WINDOW = 600


def dateline_date(text: str) -> date | None:
    """The first full date in the opening of the text, if it reads as a real calendar date."""
    for match in _DATELINE.finditer(text, 0, min(len(text), DATELINE_WINDOW)):
        found = _to_date(match)
        if found is not None:
            return found
    return None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["iso"]:
            return date(int(groups["y1"]), int(groups["m1"]), int(groups["d1"]))
        if groups["y2"]:
            return date(int(groups["y2"]), _MONTHS[groups["month"].lower()], int(groups["d2"]))
        return date(int(groups["y3"]), _MONTHS[groups["month3"].lower()], int(groups["d3"]))
    except (ValueError, KeyError):
        return None


def resolve_as_of(option: date | None, metadata: date | None, text: str,
                  today: date) -> tuple[date, str]:
    """The as-of date and where it came from: option, metadata, text or today."""
    if option is not None:
        return option, "option"
    if metadata is not None:
        return metadata, "metadata"
    found = dateline_date(text)
    if found is not None:
        return found, "text"
    return today, "today"
