"""Packaging: the distribution's name and version come from one place, what the default install
needs at run time is all it installs (Babel and forex-python are build/online extras), and
the default path imports neither of them."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import claims

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_distribution_name_and_single_version_source():
    project = PYPROJECT["project"]
    assert project["name"] == "news-claims"
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "claims.__version__"}
    assert project["scripts"] == {"claims": "claims.cli:main"}
    assert PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"] == ["claims*"]


def test_build_time_libraries_are_extras_only():
    runtime = " ".join(PYPROJECT["project"]["dependencies"]).lower()
    assert "babel" not in runtime and "forex" not in runtime
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any("babel" in d for d in extras["build"]) and any("forex" in d for d in extras["build"])
    assert any("forex" in d for d in extras["online"])
    assert any("jsonschema" in d for d in extras["test"])


BLOCK = """
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"babel", "forex_python", "requests"}:
            raise ImportError(f"{name} is not installed here")
sys.meta_path.insert(0, Refuse())
"""


def test_the_default_path_never_imports_babel_or_forex_python(tmp_path, cache_dir):
    story = tmp_path / "story.md"
    story.write_text(
        "---\ndate: 2025-06-30\n---\nIt cost 100 trillion won ($72.29 billion), "
        "a 100 km (62 miles) line; sales rose from $1.2 million to $1.5 million, "
        "a 25% increase.\n",
        encoding="utf-8",
    )
    code = BLOCK + (
        "from claims.cli import main\n"
        f"rc = main(['check', {str(story)!r}, '--cache-dir', {str(cache_dir)!r}, '-q'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'babel', 'forex_python', 'requests'})\n"
        "print('RC', rc, 'HEAVY', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert "RC 0 HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_a_currency_without_a_source_is_no_source_not_unknown_without_babel(cache_dir):
    """The ISO table is generated at build time (``_currency_data.ISO_CODES``): without Babel a
    real currency no source has (South Sudanese pound; Zimbabwe's old dollar) is "no source",
    and only a made-up code is "unknown"."""
    code = BLOCK + (
        "from datetime import date\nfrom claims.rates import open_store\n"
        f"store = open_store({str(cache_dir)!r})\n"
        "for c in ('SSP', 'ZWD', 'QQQ'):\n"
        "    try:\n"
        "        store.rate('USD', c, date(2025, 6, 30))\n"
        "    except Exception as exc:\n"
        "        print(c, type(exc).__name__, exc)\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    out = proc.stdout + proc.stderr
    assert "SSP NoRate no source has SSP rates" in out, out
    assert "ZWD NoRate no source has ZWD rates" in out, out
    assert "QQQ UnknownCurrency" in out and "HEAVY []" in out, out


def test_version_is_the_one_the_cli_prints(capsys):
    from claims.cli import main

    with pytest.raises(SystemExit):
        main(["-V"])
    assert capsys.readouterr().out == f"claims {claims.__version__}\n"


def test_the_package_ships_its_annotations():
    """PEP 561: ``claims/py.typed`` exists and the wheel takes it as package data (a built wheel
    lists ``claims/py.typed``; building one here would need the build backend's download)."""
    assert (ROOT / "claims" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["claims"]


def test_ci_and_pre_commit_run_the_same_lint_and_type_checks():
    import yaml

    hooks = {
        h["id"]: h["entry"]
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))[
            "repos"
        ]
        for h in repo["hooks"]
    }
    assert set(hooks) == {"ruff", "ruff-format", "mypy"}
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for line in (
        "python -m ruff check .",
        "python -m ruff format --check .",
        "python -m mypy claims",
    ):
        assert line in ci
    assert hooks["mypy"] == "python -m mypy claims"
    extras = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    # pinned: another formatter release may format differently and turn CI red on its own
    assert re.search(r"ruff==\d", extras) and re.search(r"mypy==\d", extras)
