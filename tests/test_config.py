"""Configuration: .claims.toml / [tool.claims] lookup upward, validation, one-line errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from claims.config import Config, find_config, load_config, resolve
from claims.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_all_keys(tmp_path):
    cfg_path = write(tmp_path / ".claims.toml", """
fail_on = "warning"
window-days = 14
margin_pct = 1.5
dollar = "cad"
ignore = ["CUR002", "unt004"]
format = "github"
checks = ["currency-conversion"]
""")
    cfg = load_config(cfg_path)
    assert cfg == Config(path=cfg_path, fail_on="warning", window_days=14,
                         margin_pct=Decimal("1.5"), dollar="CAD", ignore=("CUR002", "UNT004"),
                         format="github", checks=("currency-conversion",))


def test_found_upward_and_stops_at_git_root(tmp_path):
    repo = tmp_path / "repo"
    story_dir = repo / "content" / "2025"
    story_dir.mkdir(parents=True)
    (repo / ".git").mkdir()
    write(tmp_path / ".claims.toml", 'fail_on = "never"\n')        # outside the repo: not used
    assert find_config(story_dir / "s.md") is None
    cfg = write(repo / ".claims.toml", 'fail_on = "warning"\n')
    assert find_config(story_dir / "s.md") == cfg.resolve()
    assert resolve(story_dir).fail_on == "warning"


def test_pyproject_tool_table_and_precedence(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')      # no [tool.claims]
    sub = tmp_path / "site"
    write(sub / "pyproject.toml", '[tool.claims]\ndollar = "AUD"\n')
    assert resolve(sub).dollar == "AUD"
    write(sub / ".claims.toml", 'dollar = "NZD"\n')                    # wins in the same folder
    assert resolve(sub).dollar == "NZD"
    assert find_config(tmp_path) is None


def test_explicit_file_and_no_file(tmp_path):
    cfg = write(tmp_path / "elsewhere.toml", "window_days = 0\n")
    (tmp_path / ".git").mkdir()
    assert resolve(tmp_path, cfg).window_days == 0
    assert resolve(tmp_path) == Config()


BAD = [
    pytest.param('fail_on = "sometimes"', "fail_on", id="fail_on"),
    pytest.param("window_days = 400", "window_days", id="window-too-big"),
    pytest.param("window_days = 1.5", "window_days", id="window-float"),
    pytest.param("window_days = true", "window_days", id="window-bool"),
    pytest.param("margin_pct = 51", "margin_pct", id="margin-too-big"),
    pytest.param("margin_pct = -1", "margin_pct", id="margin-negative"),
    pytest.param('margin_pct = "lots"', "margin_pct", id="margin-text"),
    pytest.param('dollar = "$"', "dollar", id="dollar"),
    pytest.param('ignore = "CUR00X"', "ignore", id="ignore-code"),
    pytest.param("ignore = [1]", "ignore", id="ignore-type"),
    pytest.param('format = "xml"', "format", id="format"),
    pytest.param('checks = ["spelling"]', "checks", id="checks"),
    pytest.param('fail-on = "x"', "fail-on", id="hyphenated-key-named-as-written"),
    pytest.param('failon = "error"', "failon", id="unknown-key"),
    pytest.param('fail_on = "error', "invalid TOML", id="syntax"),
]


@pytest.mark.parametrize("body, needle", BAD)
def test_bad_values_are_one_line_errors_naming_file_and_key(tmp_path, body, needle):
    path = write(tmp_path / ".claims.toml", body + "\n")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert str(path) in message and needle in message and "\n" not in message


def test_bad_value_in_pyproject_names_it(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claims]\nfail_on = 3\n')
    with pytest.raises(ConfigError, match="pyproject.toml: fail_on"):
        resolve(tmp_path)


@pytest.mark.parametrize("name", [".claims.toml", "pyproject.toml"])
def test_a_config_nested_too_deeply_is_a_one_line_error(tmp_path, name):
    path = tmp_path / name
    prefix = "[tool.claims]\n" if name == "pyproject.toml" else ""
    path.write_text(prefix + "ignore = " + "[" * 600 + "]" * 600 + "\n")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert "nested too deeply" in str(exc.value) and "\n" not in str(exc.value)


def test_missing_date_and_scope_keys(tmp_path):
    path = tmp_path / ".claims.toml"
    path.write_text('missing-date = "unverifiable"\nscope = "page"\n')
    cfg = load_config(path)
    assert (cfg.missing_date, cfg.scope) == ("unverifiable", "page")
    path.write_text('scope = "site"\n')
    with pytest.raises(ConfigError, match="scope: must be one of article, page"):
        load_config(path)
