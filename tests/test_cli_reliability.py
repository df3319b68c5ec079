"""Issue 17 at the command line: no hangs, no lost runs, no silent skips, config trust."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from claims.report import FORMATS

BAD = "SEOUL, June 30, 2025 - Lee plans to invest over 100 trillion won ($62.29 billion).\n"
GOOD = "OSLO, June 30, 2025 - Revenue was 942 million Norwegian kroner ($93.52 million).\n"


@pytest.fixture()
def desk(tmp_path):
    (tmp_path / ".git").mkdir()
    for name, text in {"a.txt": BAD, "b.txt": GOOD, "c.txt": BAD}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def only_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# ------------------------------------------------------------------ no hangs


def test_a_glob_over_symlink_loops_terminates(tmp_path, cli):
    root = tmp_path / "dir"
    (root / "x").mkdir(parents=True)
    (root / "y").mkdir()
    (root / "x" / "s.txt").write_text(BAD, encoding="utf-8")
    os.symlink(root, root / "x" / "up")
    os.symlink(root / "y", root / "y" / "me")
    code, out, err = cli("check", "dir/**/*.txt", "--format", "line", cwd=tmp_path)
    assert code == 1, err
    assert out.count(":CUR001:error:") == 1 and out.startswith("dir/x/s.txt:1:")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_read_to_its_end(tmp_path, cli):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(BAD)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    time.sleep(0.05)
    code, out, err = cli("check", str(fifo), "--format", "line")
    thread.join(5)
    assert code == 1, err
    assert ":CUR001:error:" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_nobody_writes_to_does_not_hang(tmp_path, cli):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    code, out, err = cli("check", str(fifo), "--date", "2025-06-30")
    assert code == 0 and "in 1 file" in out and err == ""


def test_the_time_budget_cuts_one_story_and_the_run_goes_on(desk, cli, monkeypatch):
    import claims.check

    real = claims.check.check_document

    def slow(doc, store, options):
        if doc.path.endswith("a.txt"):
            while True:  # a story the checker never finishes
                time.sleep(0.01)
        return real(doc, store, options)

    monkeypatch.setattr(claims.check, "check_document", slow)
    code, out, err = cli("check", ".", "--format", "json", "--max-story-seconds", "1.5", cwd=desk)
    assert code == 2
    assert only_lines(err) == [
        "claims: a.txt: not checked: took longer than 1.5 s (max_story_seconds)"
    ]
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["b.txt", "c.txt"]
    assert data["problems"][0]["kind"] == "budget"


# ------------------------------------------------------------------ one bad story never costs the run


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_one_bad_story_never_costs_the_run(desk, cli, monkeypatch, fmt):
    import claims.check

    real = claims.check.check_document

    def flaky(doc, store, options):
        if doc.path.endswith("b.txt"):
            raise OverflowError("date value out of range")
        return real(doc, store, options)

    monkeypatch.setattr(claims.check, "check_document", flaky)
    code, out, err = cli("check", ".", "--format", fmt, cwd=desk)
    assert code == 3
    (line,) = only_lines(err)
    assert line.startswith(
        "claims: b.txt: internal error (OverflowError: date value out of range); please report it"
    )
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        if fmt == "json":
            assert [f["path"] for f in data["files"]] == ["a.txt", "c.txt"]
            assert data["problems"][0]["kind"] == "internal"
        else:
            assert len(data["runs"][0]["results"]) == 2
            assert data["runs"][0]["invocations"][0]["executionSuccessful"] is False
    else:
        assert "a.txt" in out and "c.txt" in out


def test_unreadable_subfolder_is_reported_with_exit_2(desk, cli, deny_folder):
    (desk / "private").mkdir()
    (desk / "private" / "d.txt").write_text(GOOD, encoding="utf-8")
    deny_folder("private")
    code, out, err = cli("check", ".", "--format", "line", cwd=desk)
    assert code == 2
    assert only_lines(err) == ["claims: private: cannot read folder: Permission denied"]
    assert out.count(":CUR001:error:") == 2


# ------------------------------------------------------------------ scope


def test_gitignore_exclude_and_include_from_the_command_line_and_config(desk, cli):
    (desk / "public").mkdir()
    (desk / "public" / "copy.txt").write_text(BAD, encoding="utf-8")
    (desk / "vendor").mkdir()
    (desk / "vendor" / "lib.txt").write_text(BAD, encoding="utf-8")
    (desk / ".gitignore").write_text("public/\n", encoding="utf-8")
    _, out, _ = cli("check", ".", "--format", "line", cwd=desk)
    assert "public/" not in out and "vendor/lib.txt" in out
    _, out, _ = cli("check", ".", "--format", "line", "--exclude", "vendor/", cwd=desk)
    assert "vendor/" not in out and "a.txt" in out
    _, out, _ = cli(
        "check", ".", "--format", "line", "--no-gitignore", "--include", "public/*", cwd=desk
    )
    assert [line.split(":")[0] for line in out.splitlines()] == ["public/copy.txt"]
    (desk / ".claims.toml").write_text('exclude = ["vendor/", "c.txt"]\n', encoding="utf-8")
    _, out, err = cli("check", ".", "--format", "line", cwd=desk)
    assert {line.split(":")[0] for line in out.splitlines()} == {"a.txt"}
    code, out, err = cli("check", "c.txt", cwd=desk)  # named, but excluded: said so
    assert code == 0 and out == ""
    assert only_lines(err) == ["claims: c.txt: skipped, excluded by .claims.toml"]


# ------------------------------------------------------------------ config trust


def test_the_config_used_is_named_in_text_json_and_sarif(desk, cli):
    (desk / ".claims.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    code, out, _ = cli("check", "a.txt", cwd=desk)
    assert code == 0 and out.splitlines()[-1].endswith("; config .claims.toml")
    _, out, _ = cli("check", "a.txt", "--format", "json", cwd=desk)
    assert json.loads(out)["files"][0]["config"] == ".claims.toml"
    _, out, _ = cli("check", "a.txt", "--format", "sarif", cwd=desk)
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["properties"]["configFiles"] == [".claims.toml"]


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="giving a file to another user needs root"
)
def test_a_config_planted_by_another_user_is_ignored_with_a_warning(tmp_path, cli):
    shared = tmp_path / "shared"
    (shared / "desk").mkdir(parents=True)
    story = shared / "desk" / "a.txt"
    story.write_text(BAD, encoding="utf-8")
    planted = shared / ".claims.toml"
    planted.write_text('fail_on = "never"\nignore = ["CUR001"]\n', encoding="utf-8")
    os.chown(planted, 65534, 65534)
    shared.chmod(0o1777)
    code, out, err = cli("check", str(story), "--format", "json")
    assert code == 1
    assert only_lines(err) == [
        f"claims: warning: {planted}: ignored: owned by another user "
        "(uid 65534) where others may write; name it with --config to use it"
    ]
    data = json.loads(out)
    assert data["summary"]["error"] == 1 and data["warnings"] and data["files"][0]["config"] is None
    code, _, err = cli("check", str(story), "--config", str(planted))
    assert code == 0 and err == ""


def test_dollar_typo_in_config_is_one_line_exit_2(desk, cli):
    (desk / ".claims.toml").write_text('dollar = "UDS"\n', encoding="utf-8")
    code, out, err = cli("check", "a.txt", "--format", "json", cwd=desk)
    assert code == 2
    assert only_lines(err) == [
        f"claims: {desk / '.claims.toml'}: dollar: not a known ISO 4217 "
        "currency code: 'UDS'; did you mean USD?"
    ]
    assert json.loads(out)["problems"][0]["kind"] == "config"
    code, _, err = cli("check", "a.txt", "--dollar", "UDS", "--no-config", cwd=desk)
    assert code == 2 and "--dollar: not a known ISO 4217 currency code" in err


def test_ignore_prefix_in_config_silences_the_family(desk, cli):
    (desk / ".claims.toml").write_text('ignore = ["CUR"]\n', encoding="utf-8")
    code, out, _ = cli("check", "a.txt", "--format", "json", cwd=desk)
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


def test_a_syntax_error_in_pyproject_is_reported(desk, cli):
    (desk / "pyproject.toml").write_text('[tool.claims]\nfail_on = "never\n', encoding="utf-8")
    code, _, err = cli("check", "a.txt", cwd=desk)
    assert code == 2 and "pyproject.toml: invalid TOML" in only_lines(err)[0]


def test_a_config_saved_with_a_bom_is_read(desk, cli):
    (desk / ".claims.toml").write_bytes(b'\xef\xbb\xbffail_on = "never"\n')
    assert cli("check", "a.txt", cwd=desk)[0] == 0


def test_a_relative_cache_dir_works(desk, cli, cache_dir):
    import shutil

    shutil.copytree(cache_dir, desk / "cache")
    code, out, err = cli("check", "a.txt", "--cache-dir", "cache", cwd=desk)
    assert code == 1, err


UNITS = "OSLO, June 30, 2025 - The quake struck 100 km (62 miles) off the coast.\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_checker_that_raises_inside_one_story_costs_only_that_story(desk, cli, monkeypatch, fmt):
    """A bug deep in one check (here the unit check, met only by b.txt's "100 km (62 miles)")
    is b.txt's one-line internal problem, exit 3; a.txt's and c.txt's findings are reported and
    every machine format still parses."""
    import claims.check.units

    def broken(conversions):
        if list(conversions):
            raise ZeroDivisionError("division by zero")
        return []

    (desk / "b.txt").write_text(UNITS, encoding="utf-8")
    monkeypatch.setattr(claims.check.units, "check_units", broken)
    code, out, err = cli("check", ".", "--format", fmt, cwd=desk)
    assert code == 3
    (line,) = only_lines(err)
    assert line.startswith("claims: b.txt: internal error (ZeroDivisionError: division by zero)")
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        if fmt == "json":
            assert [f["path"] for f in data["files"]] == ["a.txt", "c.txt"]
            assert [p["path"] for p in data["problems"]] == ["b.txt"]
        else:
            uris = [
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in data["runs"][0]["results"]
            ]
            assert uris == ["a.txt", "c.txt"]
    elif fmt in ("jsonl", "rdjsonl"):
        rows = [json.loads(row) for row in out.splitlines()]
        text = json.dumps(rows)
        assert "a.txt" in text and "c.txt" in text and rows
    elif fmt == "github":
        assert all(row.startswith("::") for row in out.splitlines())
        assert "file=a.txt" in out and "file=c.txt" in out and "file=b.txt" in out
    else:
        assert "a.txt" in out and "c.txt" in out


@pytest.mark.parametrize("fmt", ["json", "html", "line"])
def test_a_rate_store_that_cannot_open_costs_only_the_stories_that_need_a_rate(desk, cli, fmt):
    """A folder where the store should be: each story with a conversion is its own one-line
    problem naming the story and the store; a story of units and arithmetic is still checked."""
    (desk / "cache" / "rates.sqlite3").mkdir(parents=True)
    (desk / "b.txt").write_text(UNITS.replace("62 miles", "82 miles"), encoding="utf-8")
    code, out, err = cli("check", ".", "--format", fmt, "--cache-dir", "cache", cwd=desk)
    assert code == 2
    lines = only_lines(err)
    assert [line.split(":")[1].strip() for line in lines] == ["a.txt", "c.txt"]
    assert all("not checked: the rate store" in line and "is a folder" in line for line in lines)
    if fmt == "json":
        data = json.loads(out)
        assert [f["path"] for f in data["files"]] == ["b.txt"]
        assert [f["code"] for f in data["files"][0]["findings"]] == ["UNT001"]
    else:
        assert "UNT001" in out and "b.txt" in out
