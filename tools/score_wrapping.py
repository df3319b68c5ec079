"""How much hard wrapping changes what `claims check` finds (issue 9's measure).

Run from the checkout: ``python tools/score_wrapping.py [FILE.jsonl ...]`` (default: the
fixtures; the shared dev corpora when given). Each case's text is checked as one paragraph,
then re-wrapped at 40, 60 and 72 columns as ``.txt`` and ``.md``; a finding counts as kept
when the wrapped check has one with the same code and verdict over the same figures. Prints
the findings of the unwrapped texts and how many survive each wrapping.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.check import CheckOptions, check_document  # noqa: E402
from claims.documents import load_document  # noqa: E402
from claims.rates import open_store  # noqa: E402

WIDTHS = (40, 60, 72)
_JOIN = re.compile(r"[\s\-]")


def signature(doc, finding) -> tuple[str, str, str]:
    """What a finding is about, independent of layout: code, verdict, its figures' characters."""
    loc = finding.location
    where = doc.source[loc.start : loc.end] if loc else finding.text
    return finding.code, finding.verdict.value, _JOIN.sub("", where)


def findings(text: str, name: str, day: date, store) -> Counter:
    doc = load_document(name, text.encode("utf-8"))
    result = check_document(doc, store, CheckOptions(today=day, as_of=day))
    return Counter(signature(doc, f) for f in result.findings)


def _day(value: str | None) -> date:
    """A case's date; a month or year alone is its first day, none is 2025-06-30."""
    if not value:
        return date(2025, 6, 30)
    return date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value[:10])


def wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False)


def main(paths: list[Path]) -> int:
    store = open_store()
    base_total = 0
    kept: Counter = Counter()
    lost: list[tuple[str, str, int, tuple]] = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            day = _day(case.get("date"))
            base = findings(case["text"], "case.txt", day, store)
            base_total += sum(base.values())
            for width in WIDTHS:
                for ext in ("txt", "md"):
                    got = findings(wrap(case["text"], width), f"case.{ext}", day, store)
                    same = base & got
                    kept[(width, ext)] += sum(same.values())
                    for sig in base - got:
                        lost.append((case["id"], ext, width, sig))
    print(f"findings unwrapped: {base_total}")
    for (width, ext), n in sorted(kept.items()):
        print(f"  wrapped at {width} as .{ext}: {n}/{base_total} kept")
    for item in lost[:40]:
        print("  lost:", item)
    return 0


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "tests" / "fixtures").glob("*.jsonl"))
    sys.exit(main(args))
