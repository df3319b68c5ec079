"""The currency tables: the generated CLDR/forex module is current; curated forms resolve."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claims.extract import currencies as cur
from claims.extract._currency_data import CODES, NAMES

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_currencies", ROOT / "tools" / "gen_currencies.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_generated_table_is_current():
    pytest.importorskip("babel")
    pytest.importorskip("forex_python")
    gen = _generator()
    for path, text in gen.render_all().items():
        assert path.exists(), f"missing {path.name}: run python tools/gen_currencies.py"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run python tools/gen_currencies.py"
        )


def test_every_generated_language_module_has_its_data_file():
    generated = {p.stem for p in (ROOT / "claims" / "extract" / "_lang").glob("*.py")} - {
        "__init__"
    }
    curated = {p.stem for p in (ROOT / "data" / "lang").glob("*.toml")}
    assert generated == curated


def test_runtime_does_not_import_babel():
    code = (
        "import sys; from claims.extract import extract; extract('5 billion won ($3.6 million)');"
        "print('babel' in sys.modules, 'forex_python' in sys.modules)"
    )
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "False False"


def test_tables_have_the_basics():
    assert {"USD", "EUR", "KRW", "NOK", "CZK", "INR"} <= CODES
    assert NAMES["norwegian kroner"] == ("NOK",)
    assert NAMES["south korean won"] == ("KRW",)


@pytest.mark.parametrize(
    "symbol, code",
    [
        pytest.param("US$", "USD", id="US$"),
        pytest.param("$A", "AUD", id="$A"),
        pytest.param("HK$", "HKD", id="HK$"),
        pytest.param("DKr", "DKK", id="DKr"),
        pytest.param("₹", "INR", id="rupee-sign"),
        pytest.param("CN¥", "CNY", id="CN-yen-sign"),
    ],
)
def test_symbol_forms(symbol, code):
    assert cur.form_before(symbol).code == code


def test_ambiguous_forms_list_candidates():
    assert cur.form_before("kr").code is None
    assert set(cur.form_before("kr").candidates) >= {"SEK", "NOK", "DKK"}
    assert cur.form_before("$").code == cur.DOLLAR
