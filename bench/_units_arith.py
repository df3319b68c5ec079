"""Cost of the unit and arithmetic checks on a ~70 KB realistic text, against a number scan.

Run from the checkout: ``python bench/_units_arith.py``. The baseline is ``read_numbers`` over
the same text (the scan every check starts from); the figure to watch is the added cost of
``check_units`` + ``check_arithmetic``. Also prints the one-off import costs (pint registry,
quantulum3's first parse) measured in fresh processes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchmark import best_of, corpus_text  # noqa: E402  (the shared text and timer)


def fresh(code: str) -> float:
    """Seconds one snippet takes in a new interpreter (start-up excluded)."""
    wrapped = f"import time; t0 = time.perf_counter(); {code}; print(time.perf_counter() - t0)"
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", wrapped],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    from claims.check.arithmetic import check_arithmetic as judge_arithmetic
    from claims.check.units import check_units as judge_units
    from claims.extract.arithmetic import read_arithmetic
    from claims.extract.numbers import read_numbers
    from claims.extract.units import read_unit_conversions

    def check_units(text: str) -> list:
        return judge_units(read_unit_conversions(text))

    def check_arithmetic(text: str) -> list:
        return judge_arithmetic(read_arithmetic(text))

    text = corpus_text(70_000)
    check_units(text)  # warm: unit factors, regexes
    t_scan = best_of(lambda: read_numbers(text))
    t_units = best_of(lambda: check_units(text))
    t_arith = best_of(lambda: check_arithmetic(text))
    n_u, n_a = len(check_units(text)), len(check_arithmetic(text))
    print(f"text: {len(text.encode()) / 1000:.0f} KB; findings: {n_u} unit, {n_a} arithmetic")
    print(f"number scan (baseline):    {t_scan * 1000:8.1f} ms")
    print(f"check_units:               {t_units * 1000:8.1f} ms")
    print(f"check_arithmetic:          {t_arith * 1000:8.1f} ms")
    print(f"units+arithmetic / scan:   {(t_units + t_arith) / t_scan:8.2f}x")
    pint_cost = fresh("import pint; pint.UnitRegistry(non_int_type=__import__('decimal').Decimal)")
    print(
        f"pint import + registry:    {pint_cost * 1000:8.1f} ms  (paid only for a unit pair "
        "missing from claims/check/_unit_factors.py)"
    )
    try:
        q_cost = fresh(
            "from quantulum3 import parser; parser.parse('The line runs 100 km (62 miles).')"
        )
        print(f"quantulum3 first parse:    {q_cost * 1000:8.1f} ms  (not used by the checks)")
    except subprocess.CalledProcessError:
        print("quantulum3 not installed (python -m pip install '.[bench]'): not measured")


if __name__ == "__main__":
    main()
