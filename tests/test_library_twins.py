"""What the CLI does, the library does too: stories in folders, settings, the fail-on policy."""

from __future__ import annotations

from datetime import date

import claims
from claims.config import Config
from claims.report import Problem
from claims.runner import Checked, Settings

BAD = "Lee plans to invest 100 trillion won ($62.29 billion)."


def test_check_text_honours_a_config_file_and_options_win(tmp_path, rate_store):
    cfg = tmp_path / ".claims.toml"
    cfg.write_text('ignore = ["CUR"]\nfail_on = "warning"\n', encoding="utf-8")
    quiet = claims.check_text(BAD, as_of=date(2025, 6, 30), store=rate_store, config=cfg)
    assert quiet.findings == ()
    loud = claims.check_text(
        BAD, as_of=date(2025, 6, 30), store=rate_store, config=cfg, ignore_codes=frozenset()
    )
    assert [f.code for f in loud.findings] == ["CUR001"]
    settings = claims.load_config(cfg)
    assert settings.fails(loud) and not Config(fail_on="never").fails(loud)


def test_check_paths_yields_each_result_and_each_problem(tmp_path, rate_store):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00binary")
    (tmp_path / ".claims.toml").write_text("window_days = 3\n", encoding="utf-8")
    events = list(
        claims.check_paths(
            [str(tmp_path)], Settings({"dollar": "USD"}), today=date(2025, 6, 30), store=rate_store
        )
    )
    checked = [e for e in events if isinstance(e, Checked)]
    problems = [e for e in events if isinstance(e, Problem)]
    assert [c.result.path for c in checked] == [str(tmp_path / "a.md")]
    assert (
        checked[0].config.window_days == 3 and checked[0].config.path == tmp_path / ".claims.toml"
    )
    assert [p.kind for p in problems] == ["input"] and "binary" in problems[0].message


def test_find_stories_is_public(tmp_path):
    (tmp_path / "x.md").write_text("", encoding="utf-8")
    assert [f.name for f in claims.find_stories([str(tmp_path)])] == [str(tmp_path / "x.md")]
