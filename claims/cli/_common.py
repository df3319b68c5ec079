"""What every command shares: exit codes, the one-line-error parser, the store and date options."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from datetime import date
from typing import IO, Any, Iterable

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3          # a bug in claims itself: one line, and a request to report it

_CHOICE = re.compile(r"invalid choice: '(?P<got>[^']*)' \(choose from (?P<options>.*)\)")
_UNKNOWN = re.compile(r"unrecognized arguments: (?P<args>.*)")


def say(line: str, stream: IO[str] | None = None) -> None:
    """One line on stderr that never fails on a console that cannot show every character."""
    stream = stream or sys.stderr
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    stream.flush()


def suggestion(got: str, options: Iterable[str]) -> str:
    """``; did you mean 'check'?`` for a near miss, else the empty string."""
    near = difflib.get_close_matches(got, list(options), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line (with a suggestion) and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        m = _CHOICE.search(message)
        if m:
            options = re.findall(r"'([^']*)'", m["options"])
            message = f"{message}{suggestion(m['got'], options)}"
        m = _UNKNOWN.search(message)
        if m:
            first = m["args"].split()[0]
            if first.startswith("-"):
                message += suggestion(first.split("=")[0], _options(self))
        say(f"claims: error: {message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_USAGE)


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of a parser and its subcommands (argparse reports unknown options
    from the top-level parser)."""
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
    return found


class Help(argparse.RawDescriptionHelpFormatter):
    """Help that keeps the description's and epilog's line breaks (examples, exit codes)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=100)


def add_cache_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="rate store folder (default: $CLAIMS_CACHE_DIR, rates_cache/ in a "
                             "checkout, else the user cache directory)")


def store_dir(args: argparse.Namespace) -> Any:
    from pathlib import Path

    return Path(args.cache_dir).absolute() if args.cache_dir else None


# ------------------------------------------------------------------------------ dates
# Until claims/dates.py lands on main, the --date option is read here.

_MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_NUMERIC = re.compile(r"(?P<y>\d{4})(?P<sep>[-/.]?)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")
_DAY_FIRST = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]+)\.?,?\s+(?P<y>\d{4})")
_MONTH_FIRST = re.compile(r"(?P<mon>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
_AMBIGUOUS = re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})")
FIRST_YEAR, LAST_YEAR = 1900, 9998


def parse_date(text: str, option: str = "--date") -> date:
    """A ``YYYY-MM-DD`` option value. Another spelling (``2025/06/30``, ``20250630``,
    ``30 June 2025``, ``June 30, 2025``, ``30/06/2025``) or an impossible day is a one-line
    ConfigError that says what to write instead."""
    from claims.errors import ConfigError

    raw = text.strip()
    low = raw.lower()
    y = m = d = None
    found = _NUMERIC.fullmatch(low)
    if found and (found["sep"] or len(low) == 8):
        y, m, d = int(found["y"]), int(found["m"]), int(found["d"])
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        found = pattern.fullmatch(low) if y is None else None
        if found and found["mon"] in _MONTHS:
            y, m, d = int(found["y"]), _MONTHS[found["mon"]], int(found["d"])
    if y is None:
        found = _AMBIGUOUS.fullmatch(low)
        if found:
            a, b, year = int(found["a"]), int(found["b"]), found["y"]
            readings = sorted({(m_, d_) for m_, d_ in ((a, b), (b, a))
                               if 1 <= m_ <= 12 and 1 <= d_ <= 31})
            if len(readings) == 2:
                raise ConfigError(f"{option}: {raw!r} could be read two ways; write it as "
                                  f"{year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d} "
                                  "(year-month-day)")
            if readings:
                y, (m, d) = int(year), readings[0]
    if y is None:
        raise ConfigError(f"{option}: not a date: {raw[:40]!r}; write it as YYYY-MM-DD, "
                          "such as 2025-06-30")
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise ConfigError(f"{option}: {raw[:40]!r}: the year must be from {FIRST_YEAR} to "
                          f"{LAST_YEAR}")
    if not 1 <= m <= 12:
        raise ConfigError(f"{option}: {raw[:40]!r} is not a day: there is no month {m}")
    try:
        day = date(y, m, d)
    except ValueError:
        import calendar

        days = calendar.monthrange(y, m)[1]
        raise ConfigError(f"{option}: {raw[:40]!r} is not a day: {calendar.month_name[m]} {y} "
                          f"has {days} days") from None
    if raw != day.isoformat():
        raise ConfigError(f"{option}: write {raw[:40]!r} as {day.isoformat()} (YYYY-MM-DD)")
    return day


def iso_date(text: str, option: str) -> date:
    """``--date`` as every command reads it (kept for the rates commands)."""
    return parse_date(text, option)
