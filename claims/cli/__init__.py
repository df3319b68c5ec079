"""The `claims` command line: parse options, call the core, print, exit.

Exit codes are the contract: 0 clean, 1 findings at or above --fail-on, 2 usage or input
error (one line on stderr, never a traceback), 3 an internal error. Nothing below this
package prints or exits. One module per command family: ``stories`` (check, extract),
``rates``, ``rules``, ``batch`` (batch, summarize).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from claims.cli._common import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, Help, Parser, say

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INTERNAL"]

DESCRIPTION = """\
claims checks the numbers in news copy: currency conversions against the ECB reference rates
of the story's date (offline), unit conversions and stated arithmetic, with the evidence a
fact-checker can cite.

examples:
  claims check story.md                      check one story (Markdown, HTML or text)
  claims check content/ --format github      every story below a folder, as CI annotations
  claims rates show USD KRW --date 2025-06-30
  claims rules CUR001                        what a finding code means

exit codes: 0 clean, 1 a finding at or above --fail-on, 2 a usage or input problem,
3 an internal error. `claims COMMAND --help` tells more; `claims rules` lists every code.
"""


def build_parser() -> Parser:
    from claims.cli.batch import add_batch, add_summarize
    from claims.cli.rates import add_rates
    from claims.cli.rules import add_rules
    from claims.cli.serve import add_serve
    from claims.cli.stories import add_check, add_extract

    parser = Parser(prog="claims", description=DESCRIPTION, formatter_class=Help)
    parser.add_argument(
        "-V", "--version", action="version", version=_version(), help="print the version and exit"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser, title="commands"
    )
    add_check(sub)
    add_extract(sub)
    add_rates(sub)
    add_rules(sub)
    add_serve(sub)
    add_batch(sub)
    add_summarize(sub)
    return parser


def _version() -> str:
    from claims import __version__

    return f"claims {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; domain errors become one line on stderr and a named exit code."""
    from claims.errors import ClaimsError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):  # `claims` alone: the help, as usage
        sys.stdout.write(parser.format_help())
        return EXIT_USAGE
    try:
        return args.run(args)
    except ClaimsError as exc:
        say(f"claims: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        say("claims: interrupted")
        return 130
    except BrokenPipeError:  # `claims check ... | head`
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a pre-publish hook
        if os.environ.get("CLAIMS_DEBUG"):
            raise
        say(
            f"claims: internal error ({type(exc).__name__}: {exc}); "
            "please report it with the input (CLAIMS_DEBUG=1 shows the traceback)"
        )
        return EXIT_INTERNAL
