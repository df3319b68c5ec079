"""Write docs/rules.md, the rule reference, from the rule registry (``claims/rules.py``).

Run from the checkout: ``python tools/gen_rules.py [--check]``. ``--check`` exits 1 when
docs/rules.md is out of date instead of writing it (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.report.rules import markdown  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/rules.md is stale")
    args = parser.parse_args()
    target = ROOT / "docs" / "rules.md"
    text = markdown()
    if args.check:
        return 0 if target.exists() and target.read_text("utf-8") == text else 1
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
