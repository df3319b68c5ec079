"""Where `claims check` writes: several formats in one run, files, --quiet, colour, encodings."""

from __future__ import annotations

import io
import json

import pytest

from claims.cli._output import Target, targets, use_color
from claims.errors import ConfigError

WON = "서울 — Lee plans to invest over 100 trillion won ($62.29 billion) in ₩ funds.\n"
OK = "Revenue was 942 million Norwegian kroner ($93.52 million).\n"


@pytest.fixture()
def desk(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "bad.txt").write_text(WON, encoding="utf-8")
    (tmp_path / "good.txt").write_text(OK, encoding="utf-8")
    return tmp_path


def test_text_on_screen_and_sarif_to_a_file_in_one_run(desk, cli):
    (desk / "out").mkdir()
    code, out, err = cli(
        "check",
        ".",
        "--date",
        "2025-06-30",
        "--format",
        "text",
        "--format",
        "sarif=claims.sarif",
        "--format",
        "jsonl=out/claims.jsonl",
        cwd=desk,
    )
    assert (code, err) == (1, "")
    assert out.startswith("bad.txt:1:") and out.splitlines()[-1].startswith(
        "1 error, 0 warnings, 1 ok"
    )
    log = json.loads((desk / "claims.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["CUR001"]
    rows = [json.loads(x) for x in (desk / "out" / "claims.jsonl").read_text("utf-8").splitlines()]
    assert [r["type"] for r in rows] == ["file", "file", "summary"]
    assert not list(desk.glob(".claims-*.tmp"))


def test_output_file_and_quiet(desk, cli):
    code, out, _ = cli("check", ".", "--date", "2025-06-30", "-q", "-o", "report.txt", cwd=desk)
    assert code == 1 and out == ""
    report = (desk / "report.txt").read_text(encoding="utf-8")
    assert " error CUR001 " in report and " ok " not in report
    assert report.splitlines()[-1].startswith("1 error, 0 warnings, 1 ok")


@pytest.mark.parametrize(
    "specs, output_file, message",
    [
        (["text", "json"], None, "only one format can go to standard output"),
        (["sarif=a.sarif", "json=a.sarif"], None, "two outputs name the same file"),
        (["sarif="], None, "names no file"),
        (["sarif=a.sarif"], "b.txt", "every --format already names its own file"),
        (["srif"], None, "did you mean 'sarif'?"),
    ],
)
def test_bad_output_requests_are_one_line(specs, output_file, message):
    with pytest.raises(ConfigError, match=message):
        targets(specs, output_file, "text")


def test_output_targets():
    assert targets([], None, "github") == [Target("github", None)]
    assert targets(["text", "sarif=x.sarif"], "o.txt", "text") == [
        Target("text", "o.txt"),
        Target("sarif", "x.sarif"),
    ]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "choice, env, tty, expected",
    [
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, False, False),
        ("auto", {"TERM": "dumb"}, True, False),
    ],
)
def test_color_choice(choice, env, tty, expected):
    assert use_color(choice, Tty() if tty else io.StringIO(), env) is expected


def test_color_always_paints_the_verdicts(desk, cli):
    _, out, _ = cli("check", "bad.txt", "--date", "2025-06-30", "--color", "always", cwd=desk)
    assert "\x1b[31;1merror\x1b[0m" in out
    _, out, _ = cli("check", "bad.txt", "--date", "2025-06-30", "--color", "never", cwd=desk)
    assert "\x1b[" not in out


def ascii_console(monkeypatch) -> io.BytesIO:
    """Standard output as a console that can show ASCII only (a Windows code page, a C locale)."""
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="ascii", errors="strict"))
    return raw


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "rdjsonl", "github", "line"])
def test_machine_formats_are_utf8_on_any_console(desk, monkeypatch, cache_dir, fmt):
    from claims import cli

    raw = ascii_console(monkeypatch)
    monkeypatch.chdir(desk)
    code = cli.main(
        ["check", "bad.txt", "--date", "2025-06-30", "--format", fmt, "--cache-dir", str(cache_dir)]
    )
    assert code == 1
    text = raw.getvalue().decode("utf-8")  # strict: the bytes are UTF-8
    if fmt in ("json", "sarif"):
        json.loads(text)
    assert "CUR001" in text


def test_text_on_an_ascii_console_escapes_what_it_cannot_show(desk, monkeypatch, cache_dir):
    from claims import cli

    raw = ascii_console(monkeypatch)
    monkeypatch.chdir(desk)
    (desk / "서울.txt").write_text(WON, encoding="utf-8")
    code = cli.main(["check", "서울.txt", "--date", "2025-06-30", "--cache-dir", str(cache_dir)])
    out = raw.getvalue().decode("ascii")  # strict: nothing but ASCII reached the console
    assert code == 1
    assert out.startswith("\\uc11c\\uc6b8.txt:1:")


def test_github_step_summary_gets_the_full_table(desk, cli, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, out, _ = cli(
        "check",
        ".",
        "--date",
        "2025-06-30",
        "--format",
        "github",
        cwd=desk,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    text = summary.read_text(encoding="utf-8")
    assert out.startswith("::error file=bad.txt,line=1,")
    assert code == 1
    assert text.startswith("earlier step\n## claims\n")
    assert "| bad.txt | 1 |" in text and "| error | CUR001 |" in text
