"""The `claims` command line: parse options, call the core, print, exit.

Exit codes are the contract: 0 clean, 1 findings at or above --fail-on, 2 usage or input
error (one line on stderr, never a traceback). Nothing below this module prints or exits.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"claims: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="rate store folder (default: $CLAIMS_CACHE_DIR, rates_cache/ in a "
                             "checkout, else the user cache directory)")


# ---------------------------------------------------------------- extract / check (documents)

def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="list money figures and stated conversions")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument("--format", default="text", choices=["text", "json"])
    p.add_argument("--input-format", choices=["text", "markdown", "html"])
    _common(p)
    p.set_defaults(run=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    raise NotImplementedError("extract is wired in by the documents work")


def _add_check(sub) -> None:
    p = sub.add_parser("check", help="check the numbers in stories")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument("--date", help="as-of date YYYY-MM-DD (default: the story's own date, else today)")
    p.add_argument("--format", help="text, json, line, sarif, rdjsonl, github")
    p.add_argument("--fail-on", choices=["error", "warning", "never"])
    p.add_argument("--input-format", choices=["text", "markdown", "html"])
    _common(p)
    p.set_defaults(run=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    raise NotImplementedError("check is wired in by the check work")


# ---------------------------------------------------------------- rates

def _add_rates(sub) -> None:
    p = sub.add_parser("rates", help="the local rate store")
    rsub = p.add_subparsers(dest="rates_command", required=True, parser_class=_Parser)
    show = rsub.add_parser("show", help="the reference rate for a pair on a date")
    show.add_argument("base")
    show.add_argument("quote")
    show.add_argument("--date", required=True)
    show.add_argument("--format", default="text", choices=["text", "json"])
    _common(show)
    show.set_defaults(run=cmd_rates_show)
    info = rsub.add_parser("info", help="sources, currencies and where the store lives")
    _common(info)
    info.set_defaults(run=cmd_rates_info)


def cmd_rates_show(args: argparse.Namespace) -> int:
    raise NotImplementedError("rates show is wired in by the rate store work")


def cmd_rates_info(args: argparse.Namespace) -> int:
    raise NotImplementedError("rates info is wired in by the rate store work")


# ---------------------------------------------------------------- entry point

def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claims", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_extract(sub)
    _add_check(sub)
    _add_rates(sub)
    return parser


def _version() -> str:
    from claims import __version__

    return f"claims {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; domain errors become one line on stderr and a named exit code."""
    from claims.errors import ClaimsError

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ClaimsError as exc:
        sys.stderr.write(f"claims: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("claims: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
