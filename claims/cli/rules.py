"""``claims rules [CODE...]``: the rule reference (every code, or the named ones in full)."""

from __future__ import annotations

import argparse
import sys

from claims.cli._common import EXIT_OK


def add_rules(sub) -> None:
    p = sub.add_parser(
        "rules",
        help="list the finding codes, or explain some in full",
        description="List every finding code with its name and usual verdict; "
        "name codes (or a prefix such as CUR) for their help and "
        "examples.",
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="a code such as CUR001, or a prefix")
    p.set_defaults(run=cmd_rules)


def cmd_rules(args: argparse.Namespace) -> int:
    from claims.errors import ConfigError
    from claims.report.rules import text
    from claims.rules import RULES, matches

    if not args.codes:
        sys.stdout.write(text(RULES.values(), full=False))
        return EXIT_OK
    chosen = [r for r in RULES.values() if any(matches(r.code, c) for c in args.codes)]
    unknown = [c for c in args.codes if not any(matches(r.code, c) for r in RULES.values())]
    if unknown:
        raise ConfigError(f"no such rule: {', '.join(unknown)} (see `claims rules`)")
    sys.stdout.write(text(chosen, full=True))
    return EXIT_OK
