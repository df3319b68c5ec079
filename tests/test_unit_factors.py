"""The unit check's conversion table (generated from pint) and pint left unloaded."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from claims.check._unit_factors import FACTORS
from claims.check.units import _map, pint_map

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_unit_factors", ROOT / "tools" / "gen_unit_factors.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generator_writes_the_shipped_table():
    """tools/gen_unit_factors.py, run against this pint, writes the module byte for byte (a
    unit added to the table without regenerating fails here)."""
    gen = _generator()
    assert gen.render(gen.collect()) == (ROOT / "claims/check/_unit_factors.py").read_text("utf-8")


@pytest.mark.parametrize(
    "src, dst, value, expected",
    [
        pytest.param("kilometer", "mile", "100", "62.137", id="km-to-miles"),
        pytest.param("degC", "degF", "-40", "-40", id="minus-forty-meets"),
        pytest.param("delta_degC", "delta_degF", "1.5", "2.7", id="warming-no-offset"),
        pytest.param("mile/gallon", "centiliter/kilometer", "62.8", "3.7454", id="mpg-reciprocal"),
        pytest.param("1/(hectare)", "1/(acre)", "5000", "2023.43", id="price-per-hectare"),
        pytest.param("oil_barrel", "liter", "2000", "317974.59", id="barrels"),
        pytest.param("inch_Hg", "millibar", "29.59", "1002.02", id="inches-of-mercury"),
    ],
)
def test_the_table_answers_as_pint_does(src, dst, value, expected):
    offset, factor, reciprocal = _map(src, dst)
    assert (src, dst) in FACTORS
    assert (offset, factor, reciprocal) == pint_map(src, dst)
    got = factor / Decimal(value) if reciprocal else offset + factor * Decimal(value)
    assert abs(got - Decimal(expected)) <= Decimal("0.0001") * max(1, abs(Decimal(expected)))


def test_every_same_kind_pair_of_the_unit_table_is_in_it():
    from claims.extract.unit_names import DIMENSIONS

    kinds: dict[str, list[str]] = {}
    for name, kind in DIMENSIONS.items():
        kinds.setdefault(kind, []).append(name)
    missing = [
        (a, b)
        for names in kinds.values()
        for a in names
        for b in names
        if a.startswith("delta_") == b.startswith("delta_")  # as the check pairs them
        and (a, b) not in FACTORS
    ]
    assert missing == []


def test_a_unit_check_does_not_load_pint(rate_store, cache_dir):
    """pint is the table's source, not a start-up cost: checking a story with unit
    conversions imports it only for a pair the table lacks."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from claims import check_text\n"
        "r = check_text('The trail runs 100 km (62 miles), at 20C (68F), 5 cm (2 inches).',\n"
        "               as_of=date(2025, 6, 30))\n"
        "assert [f.verdict.value for f in r.findings] == ['ok', 'ok', 'ok'], r.findings\n"
        "print('pint' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMS_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
