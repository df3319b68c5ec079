"""Score ``extract`` on a conversion corpus (the ``dev.jsonl`` shape): pairs found, false pairs.

Usage: ``python tools/score_corpus.py [PATH.jsonl ...]`` (default: tests/fixtures/dev_currency.jsonl).
A positive's expected pair counts as found when some conversion has the same original amount
(base units, Decimal compare) and currency and the same converted amount and currency; a range
conversion counts as two pairs (low ends, high ends). A negative fails on any conversion that
(negatives state none; their distractor surfaces are the hard parts).
Cases listed in ``CONTEXT`` are read after the case they continue (same story).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extract import extract  # noqa: E402

DEFAULT = ROOT / "tests" / "fixtures" / "dev_currency.jsonl"
CONTEXT = {"fx-056": "fx-055"}  # the reais of fx-056 are named in the sentence before


def pairs_of(extraction) -> list[tuple[Decimal, str | None, Decimal, str | None]]:
    """(amount, currency, converted amount, converted currency), ranges split into two."""
    out = []
    for c in extraction.conversions:
        o, v = c.original, c.converted
        out.append((o.value, o.unit, v.value, v.unit))
        if o.high is not None or v.high is not None:
            out.append((o.high or o.value, o.unit, v.high or v.value, v.unit))
    return out


def _dec(x: float | int | str) -> Decimal:
    return Decimal(str(x))


def score(cases: list[dict]) -> dict:
    by_id = {c["id"]: c for c in cases}
    found = expected = false = 0
    misses: list[str] = []
    for case in cases:
        text = case["text"]
        offset = 0
        if case["id"] in CONTEXT and CONTEXT[case["id"]] in by_id:
            prefix = by_id[CONTEXT[case["id"]]]["text"] + " "
            text, offset = prefix + text, len(prefix)
        ex = extract(text)
        convs = [c for c in ex.conversions if c.span.start >= offset]
        got = pairs_of(type(ex)(conversions=tuple(convs)))
        if case["kind"] == "positive":
            for p in case["expected_pairs"]:
                expected += 1
                want = (
                    _dec(p["amount"]),
                    p["currency"],
                    _dec(p["converted_amount"]),
                    p["converted_currency"],
                )
                if want in got:
                    found += 1
                else:
                    misses.append(f"{case['id']}: {p['surface']!r} got {got}")
        else:
            for c in convs:  # a negative states no conversion at all
                false += 1
                misses.append(f"{case['id']}: false pair {c.text!r}")
    return {"expected": expected, "found": found, "false_pairs": false, "misses": misses}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [DEFAULT]
    cases = [
        json.loads(line)
        for p in paths
        for line in p.read_text("utf-8").splitlines()
        if line.strip()
    ]
    result = score(cases)
    pct = 100 * result["found"] / max(1, result["expected"])
    print(
        f"pairs found: {result['found']}/{result['expected']} ({pct:.1f}%), "
        f"false pairs on negatives: {result['false_pairs']}"
    )
    for line in result["misses"]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
