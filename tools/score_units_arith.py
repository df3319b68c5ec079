"""Score the unit and arithmetic checks on a corpus in the units-arith-dev.jsonl format.

Run from the checkout: ``python tools/score_units_arith.py [FILE.jsonl]`` (default: the
copy in tests/fixtures). Prints how many unit conversions and arithmetic claims were found,
errors given on claims correct within rounding, published mistakes flagged, and negatives
that drew a warning or error: the measures of issue 6.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.check.arithmetic import check_arithmetic  # noqa: E402
from claims.check.units import check_units  # noqa: E402
from claims.extract.arithmetic import read_arithmetic  # noqa: E402
from claims.extract.reading import read  # noqa: E402
from claims.extract.units import read_unit_conversions  # noqa: E402


def findings_of(text: str) -> list:
    """The unit and arithmetic findings of one case's text, read as check_document reads it."""
    reading = read(text)
    return check_units(read_unit_conversions(reading.text)) + check_arithmetic(
        read_arithmetic(reading.text)
    )


def main(path: Path) -> None:
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    found = {"unit-conversion": [0, 0], "arithmetic": [0, 0]}
    errors_on_correct, mistakes, negatives_flagged, missed = [], [0, 0], [], []
    for case in cases:
        findings = findings_of(case["text"])
        flagged = [f for f in findings if f.verdict.value in ("warning", "error")]
        if case["kind"] == "negative":
            if flagged:
                negatives_flagged.append(case["id"])
            continue
        mine = [f for f in findings if f.check == case["kind"]]
        found[case["kind"]][1] += 1
        found[case["kind"]][0] += bool(mine)
        if case["correct_within_rounding"]:
            if any(f.verdict.value == "error" for f in mine):
                errors_on_correct.append(case["id"])
        else:
            mistakes[1] += 1
            hit = any(f.verdict.value in ("warning", "error") for f in mine)
            mistakes[0] += hit
            if not hit:
                missed.append(case["id"])
    for kind, (hit, total) in found.items():
        print(f"{kind}: found {hit}/{total} ({100 * hit / max(total, 1):.1f}%)")
    print(f"errors on claims correct within rounding: {len(errors_on_correct)} {errors_on_correct}")
    print(f"published mistakes flagged: {mistakes[0]}/{mistakes[1]}; not flagged: {missed}")
    print(f"negatives with a warning or error: {len(negatives_flagged)} {negatives_flagged}")


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "tests" / "fixtures" / "units_arith_dev.jsonl"
    )
