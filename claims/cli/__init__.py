"""The `claims` command line: parse options, call the core, print, exit.

Exit codes are the contract: 0 clean, 1 findings at or above --fail-on, 2 usage or input
error (one line on stderr, never a traceback), 3 an internal error. Nothing below this
package prints or exits. One module per command family: ``stories`` (check, extract),
``rates``, ``rules``, ``batch`` (batch, summarize).
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from claims.cli._common import (EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, Parser)

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INTERNAL"]


def build_parser() -> Parser:
    from claims.cli.batch import add_batch, add_summarize
    from claims.cli.rates import add_rates
    from claims.cli.rules import add_rules
    from claims.cli.stories import add_check, add_extract

    parser = Parser(prog="claims", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    add_extract(sub)
    add_check(sub)
    add_rates(sub)
    add_rules(sub)
    add_batch(sub)
    add_summarize(sub)
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
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a pre-publish hook
        if os.environ.get("CLAIMS_DEBUG"):
            raise
        sys.stderr.write(f"claims: internal error ({type(exc).__name__}: {exc}); "
                         "please report it with the input (CLAIMS_DEBUG=1 shows the traceback)\n")
        return EXIT_INTERNAL
