"""Configuration: .claims.toml / [tool.claims] lookup upward, validation, one-line errors."""

from __future__ import annotations

import os
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
    cfg_path = write(
        tmp_path / ".claims.toml",
        """
fail_on = "warning"
window-days = 14
margin_pct = 1.5
dollar = "cad"
ignore = ["CUR002", "unt004"]
format = "github"
checks = ["currency-conversion"]
""",
    )
    cfg = load_config(cfg_path)
    assert cfg == Config(
        path=cfg_path,
        fail_on="warning",
        window_days=14,
        margin_pct=Decimal("1.5"),
        dollar="CAD",
        ignore=("CUR002", "UNT004"),
        format="github",
        checks=("currency-conversion",),
    )


def test_found_upward_and_stops_at_git_root(tmp_path):
    repo = tmp_path / "repo"
    story_dir = repo / "content" / "2025"
    story_dir.mkdir(parents=True)
    (repo / ".git").mkdir()
    write(tmp_path / ".claims.toml", 'fail_on = "never"\n')  # outside the repo: not used
    assert find_config(story_dir / "s.md") is None
    cfg = write(repo / ".claims.toml", 'fail_on = "warning"\n')
    assert find_config(story_dir / "s.md") == cfg.resolve()
    assert resolve(story_dir).fail_on == "warning"


def test_pyproject_tool_table_and_precedence(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.claims]
    sub = tmp_path / "site"
    write(sub / "pyproject.toml", '[tool.claims]\ndollar = "AUD"\n')
    assert resolve(sub).dollar == "AUD"
    write(sub / ".claims.toml", 'dollar = "NZD"\n')  # wins in the same folder
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
    write(tmp_path / "pyproject.toml", "[tool.claims]\nfail_on = 3\n")
    with pytest.raises(ConfigError, match="pyproject.toml: fail_on"):
        resolve(tmp_path)


# ------------------------------------------------------------------ issue 17: config edges


def test_a_config_saved_with_a_bom_reads(tmp_path):
    path = tmp_path / ".claims.toml"
    path.write_bytes("\ufeff".encode() + b'fail_on = "warning"\n')
    assert load_config(path).fail_on == "warning"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param('[project]\nname = "x\n[tool.claims]\nfail_on = "never"\n', id="table"),
        pytest.param('[project\ntool.claims.fail_on = "never"\n', id="dotted-key"),
        pytest.param('[ tool . "claims" ]\nfail_on = "never\n', id="spaced-quoted-header"),
    ],
)
def test_a_syntax_error_in_pyproject_is_reported_not_dropped(tmp_path, body):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", body)
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML"):
        resolve(tmp_path)


def test_a_broken_pyproject_without_claims_settings_is_passed_over(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project\nname = "x"\n')
    assert resolve(tmp_path) == Config()


def test_deep_nesting_is_a_one_line_error(tmp_path):
    path = write(tmp_path / ".claims.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_dollar_must_be_a_known_currency(tmp_path):
    path = write(tmp_path / ".claims.toml", 'dollar = "UDS"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value) == (
        f"{path}: dollar: not a known ISO 4217 currency code: 'UDS'; did you mean USD?"
    )
    assert load_config(write(path, 'dollar = "hkd"\n')).dollar == "HKD"


def test_ignore_takes_a_code_prefix_as_comments_do(tmp_path):
    cfg = load_config(write(tmp_path / ".claims.toml", 'ignore = ["CUR", "unt001"]\n'))
    assert cfg.ignore == ("CUR", "UNT001")
    codes = cfg.ignore_codes()
    assert {"CUR001", "CUR007", "UNT001"} <= codes and "UNT002" not in codes
    with pytest.raises(ConfigError, match="not a finding code or code prefix: 'XYZ'"):
        load_config(write(tmp_path / ".claims.toml", 'ignore = ["XYZ"]\n'))


def test_command_line_values_go_through_the_same_validators(tmp_path):
    cfg = load_config(
        write(
            tmp_path / ".claims.toml",
            'ignore = ["CUR002"]\nwindow_days = 3\nexclude = ["public/"]\n',
        )
    )
    merged = cfg.merged(
        {
            "window_days": "5",
            "ignore": ["ari"],
            "dollar": "cad",
            "exclude": ["vendor/"],
            "margin_pct": None,
        }
    )
    assert (merged.window_days, merged.dollar, merged.ignore, merged.exclude) == (
        5,
        "CAD",
        ("CUR002", "ARI"),
        ("public/", "vendor/"),
    )
    assert merged.path == cfg.path
    for options, message in [
        ({"window_days": "400"}, "--window-days: must be a whole number"),
        ({"margin_pct": "lots"}, "--margin-pct: must be a number"),
        ({"dollar": "UDS"}, "--dollar: not a known ISO 4217"),
        ({"fail_on": "sometimes"}, "--fail-on: must be one of"),
    ]:
        with pytest.raises(ConfigError, match=message):
            cfg.merged(options)


def test_budget_defaults_and_limits(tmp_path):
    assert Config().budget() == (16 * 1024 * 1024, 60.0)
    cfg = load_config(
        write(tmp_path / ".claims.toml", "max_story_mb = 0.5\nmax_story_seconds = 0\n")
    )
    assert cfg.budget() == (512 * 1024, None)
    with pytest.raises(ConfigError, match="max_story_mb"):
        load_config(write(tmp_path / ".claims.toml", "max_story_mb = 0\n"))


def test_scope_keys(tmp_path):
    cfg = load_config(
        write(
            tmp_path / ".claims.toml",
            'exclude = "public/"\ngitignore = false\ninclude = ["content/**/*.md"]\n',
        )
    )
    assert (cfg.exclude, cfg.include, cfg.gitignore) == (("public/",), ("content/**/*.md",), False)
    with pytest.raises(ConfigError, match="gitignore: must be true or false"):
        load_config(write(tmp_path / ".claims.toml", 'gitignore = "yes"\n'))


# ------------------------------------------------------------------ config trust


def test_a_config_others_could_have_planted_is_distrusted(tmp_path):
    from claims.config import distrust

    shared = tmp_path / "shared"
    shared.mkdir()
    path = write(shared / ".claims.toml", 'fail_on = "never"\n')
    me = os.geteuid()
    assert distrust(path) is None  # my own file
    shared.chmod(0o777)
    assert distrust(path, uid=me) is None
    stranger = me + 4242 if me else 4242
    reason = distrust(path, uid=stranger)
    if me == 0:
        assert reason is None  # root's files are trusted
    shared.chmod(0o755)
    assert distrust(path, uid=stranger) is None  # nobody else can write there


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="giving a file to another user needs root"
)
def test_search_skips_a_planted_config_with_a_warning_but_config_option_uses_it(tmp_path):
    shared = tmp_path / "shared"
    story_dir = shared / "desk"
    story_dir.mkdir(parents=True)
    planted = write(shared / ".claims.toml", 'fail_on = "never"\n')
    os.chown(planted, 65534, 65534)
    shared.chmod(0o1777)  # like /tmp
    warnings: list[str] = []
    assert resolve(story_dir, warnings=warnings) == Config()
    assert warnings == [
        f"{planted}: ignored: owned by another user (uid 65534) where others "
        "may write; name it with --config to use it"
    ]
    assert resolve(story_dir, planted).fail_on == "never"


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
