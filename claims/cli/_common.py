"""What every command shares: exit codes, the one-line-error parser, the store and date options."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from claims.pattern_cache import compile as compile_pattern

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3  # a bug in claims itself: one line, and a request to report it

_CHOICE = compile_pattern(r"invalid choice: '(?P<got>[^']*)' \(choose from (?P<options>.*)\)")
_UNKNOWN = compile_pattern(r"unrecognized arguments: (?P<args>.*)")


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
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="rate store folder (default: $CLAIMS_CACHE_DIR, rates_cache/ in a "
        "checkout, else the user cache directory)",
    )


def store_dir(args: argparse.Namespace) -> Any:
    from pathlib import Path

    return Path(args.cache_dir).absolute() if args.cache_dir else None


# ------------------------------------------------------------------------------ dates

_AMBIGUOUS = compile_pattern(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})")
_ISO_SHAPE = compile_pattern(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def parse_date(text: str, option: str = "--date") -> date:
    """A ``YYYY-MM-DD`` option value (``claims.dates``, the one date reader). Another
    spelling (``2025/06/30``, ``30 June 2025``, ``30/06/2025``) or an impossible day is a
    one-line ConfigError that says what to write instead."""
    from claims.dates import FIRST_YEAR, OPTION_LAST_YEAR, parse_day, parse_iso
    from claims.errors import ConfigError

    raw = text.strip()
    day = parse_iso(raw)
    if day is not None:
        return day
    shape = _ISO_SHAPE.fullmatch(raw)
    if shape:
        y, m = int(shape["y"]), int(shape["m"])
        if not FIRST_YEAR <= y <= OPTION_LAST_YEAR:
            raise ConfigError(
                f"{option}: {raw[:40]!r}: the year must be from {FIRST_YEAR} to {OPTION_LAST_YEAR}"
            )
        if not 1 <= m <= 12:
            raise ConfigError(f"{option}: {raw[:40]!r} is not a day: there is no month {m}")
        import calendar

        raise ConfigError(
            f"{option}: {raw[:40]!r} is not a day: {calendar.month_name[m]} {y} "
            f"has {calendar.monthrange(y, m)[1]} days"
        )
    found = _AMBIGUOUS.fullmatch(raw)
    if found:
        a, b, year = int(found["a"]), int(found["b"]), found["y"]
        readings = sorted(
            {(m_, d_) for m_, d_ in ((a, b), (b, a)) if 1 <= m_ <= 12 and 1 <= d_ <= 31}
        )
        if len(readings) == 2:
            raise ConfigError(
                f"{option}: {raw!r} could be read two ways; write it as "
                f"{year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d} "
                "(year-month-day)"
            )
        if readings:
            m_, d_ = readings[0]
            raise ConfigError(
                f"{option}: write {raw[:40]!r} as {year}-{m_:02d}-{d_:02d} (YYYY-MM-DD)"
            )
    other = parse_day(raw)
    if other is not None:
        raise ConfigError(f"{option}: write {raw[:40]!r} as {other.isoformat()} (YYYY-MM-DD)")
    raise ConfigError(
        f"{option}: not a date: {raw[:40]!r}; write it as YYYY-MM-DD, such as 2025-06-30"
    )


def iso_date(text: str, option: str) -> date:
    """``--date`` as every command reads it (kept for the rates commands)."""
    return parse_date(text, option)
