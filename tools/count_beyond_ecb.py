"""Count corpus pairs with no ECB rate that are now judged (issue 13's closing figure).

    python tools/count_beyond_ecb.py [FILE.jsonl ...]   (default: /work/shared/corpus dev files)

For each expected pair whose rate_check has no ECB range, report the verdict `claims check`
gives now, and which source answered.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.check.currency import check_conversions  # noqa: E402
from claims.extract import extract  # noqa: E402
from claims.rates import open_store  # noqa: E402

DEFAULT = [Path("/work/shared") / "corpus" / n for n in ("dev.jsonl", "fx-multilingual-dev.jsonl")]


def main(paths: list[Path]) -> None:
    store = open_store()
    for path in paths:
        if not path.exists():
            print(f"{path}: not found, skipped")
            continue
        cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        tally: Counter = Counter()
        for case in cases:
            no_ecb = [p for p in case.get("expected_pairs", [])
                      if (p.get("rate_check") or {}).get("ecb_min_7d") is None]
            if not no_ecb or not case.get("date"):
                continue
            findings, _ = check_conversions(extract(case["text"]), store,
                                            date.fromisoformat(case["date"][:10]))
            for pair in no_ecb:
                amount = Decimal(repr(pair.get("amount")))
                match = [f for f in findings if f.original is not None and
                         Decimal(str(getattr(f.original, "amount", "NaN"))) == amount]
                if not match:
                    tally["not matched"] += 1
                    continue
                f = match[0]
                source = f.rate.source.split(" for ")[0] if f.rate else "-"
                tally[(f.verdict.value, source)] += 1
        print(f"{path.name}: pairs without an ECB rate: {sum(tally.values())}")
        for key, n in sorted(tally.items(), key=lambda kv: -kv[1]):
            print(f"  {n:4d}  {key}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
