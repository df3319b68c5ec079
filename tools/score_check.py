"""Score `claims check` on a corpus in the dev.jsonl format (issue 4's measures).

Run from the checkout: ``python tools/score_check.py [FILE.jsonl]`` (default: the copy in
tests/fixtures). Each case is checked as of its publication date, after the earlier sentences
of the same page (their context). Prints: pairs checked, errors on pairs whose implied rate
lies within 1% of the ECB range of their week (should be 0), verdicts on pairs with no ECB
rate (never ok unless pegged), and the verdict of every other flagged pair.
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


def _window(rc: dict) -> tuple[float | None, float | None]:
    """The ECB range of the pair's week: ``ecb_min_7d``/``ecb_max_7d`` (dev.jsonl) or
    ``ecb_window_min``/``ecb_window_max`` (fx-multilingual-dev.jsonl)."""
    return (
        rc.get("ecb_min_7d", rc.get("ecb_window_min")),
        rc.get("ecb_max_7d", rc.get("ecb_window_max")),
    )


def within_one_pct(rc: dict) -> bool:
    lo, hi = _window(rc)
    low = min(lo, rc["ecb_rate_on_date"]) * 0.99
    high = max(hi, rc["ecb_rate_on_date"]) * 1.01
    return low <= rc["implied_rate"] <= high


def main(path: Path) -> None:
    store = open_store()
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    tally, bad, flagged, beyond = Counter(), [], [], []
    for i, case in enumerate(cases):
        if case["kind"] != "positive":
            continue
        earlier = [c["text"] for c in cases[:i] if c["url"] == case["url"]]
        story = " ".join(earlier + [case["text"]])
        findings, _ = check_conversions(extract(story), store, date.fromisoformat(case["date"]))
        findings = [f for f in findings if f.converted is not None and f.code != "CUR007"]
        for pair in case["expected_pairs"]:
            amount = Decimal(repr(pair["amount"]))
            match = [
                f for f in findings if amount in {f.original.value, f.original.high or Decimal(-1)}
            ]
            if not match:
                tally["not checked"] += 1
                bad.append((case["id"], pair["surface"], "not checked"))
                continue
            f = match[0]
            tally[f.verdict.value] += 1
            rc = pair.get("rate_check") or {}
            if rc.get("implied_rate") is None or _window(rc)[0] is None:
                if f.rate is not None and f.rate.frequency != "daily":
                    beyond.append((case["id"], f.verdict.value, f.rate.source))
                elif f.verdict.value == "ok" and f.rate is not None and f.rate.kind != "peg":
                    bad.append((case["id"], pair["surface"], "ok without an ECB rate or peg"))
            elif within_one_pct(rc) and f.verdict.value == "error":
                bad.append((case["id"], pair["surface"], f"error within 1%: {f.message}"))
            elif f.verdict.value in ("warning", "error"):
                dev = rc.get("deviation_pct")
                flagged.append(
                    (
                        case["id"],
                        f.verdict.value,
                        f"{dev:+.2f}%" if dev is not None else "no ECB rate",
                        f.diagnosis,
                    )
                )
    print("verdicts:", dict(tally))
    print(f"pairs without an ECB rate judged by a coarser source: {len(beyond)}")
    for row in beyond:
        print("  ", *row)
    print(f"violations: {len(bad)}")
    for row in bad:
        print("  ", *row)
    print("flagged pairs (id, verdict, published deviation from ECB, diagnosis):")
    for row in flagged:
        print("  ", *row)


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "tests" / "fixtures" / "dev_currency.jsonl"
    )
