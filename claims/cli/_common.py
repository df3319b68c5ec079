"""What every command shares: exit codes, the one-line-error parser, the store and date options."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3          # a bug in claims itself: one line, and a request to report it


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"claims: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def add_cache_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="rate store folder (default: $CLAIMS_CACHE_DIR, rates_cache/ in a "
                             "checkout, else the user cache directory)")


def store_dir(args: argparse.Namespace):
    from pathlib import Path

    return Path(args.cache_dir) if args.cache_dir else None


def iso_date(text: str, option: str):
    """A ``YYYY-MM-DD`` option value (``claims.dates.parse_iso``), else a one-line ConfigError."""
    from claims.dates import FIRST_YEAR, parse_iso
    from claims.errors import ConfigError

    day = parse_iso(text)
    if day is None:
        raise ConfigError(f"{option}: not a date in YYYY-MM-DD form, from {FIRST_YEAR} on: "
                          f"{text[:40]!r}")
    return day
