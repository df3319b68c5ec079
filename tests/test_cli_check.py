"""`claims check` / `claims extract` on editorial files, end to end, in-process.

Two layers: the CLI plumbing (paths, config, formats, exit codes) against a fake check core,
and the acceptance criteria of issue 5 through the real command (``claims.cli.main``; one
subprocess run per command lives in test_cli_smoke.py).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claims import cli
from claims.check import CheckOptions, DocumentResult
from claims.model import Finding, Span, Verdict

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["text", "json", "line", "sarif", "rdjsonl", "github"]

MD_STORY = """---
title: Lee turns to technocrats
date: 2025-06-30
---
# Lee turns to technocrats as Korea pushes for AI leadership

President Lee Jae Myung sent a clear signal Monday that South Korea is going all-in on AI.
Lee has announced plans to invest over 100 trillion won ($62.29 billion) in public-private funds.

```text
OSO reported annual revenue of 942 million Norwegian kroner ($93.52 billion) last year.
```

<!-- claims-disable-next-line -->
The fund would add 50 trillion won ($3.6 billion) over five years.

OSO reported annual revenue of 942 million Norwegian kroner ($93.52 million) last year.
"""
LINE8 = MD_STORY.splitlines()[7]

HTML_STORY = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta property="article:published_time" content="2025-06-30T09:00:00+09:00">
<title>Lee turns to technocrats</title>
<script>window.teaser = "Lee plans to invest over 100 trillion won ($62.29 billion) in AI.";</script>
</head>
<body>
<article>
<p>President Lee Jae Myung sent a clear signal Monday.</p>
<p>Lee has announced plans to invest over 100 trillion
won ($62.29 billion) in public-private funds.</p>
</article>
<script>track("over 100 trillion won ($62.29 billion)");</script>
</body>
</html>
"""


@pytest.fixture()
def newsroom(tmp_path):
    """A newsroom repository (its own .git stops the config search) holding the stories."""
    repo = tmp_path / "site"
    (repo / ".git").mkdir(parents=True)
    (repo / "story.md").write_text(MD_STORY, encoding="utf-8")
    (repo / "story.html").write_text(HTML_STORY, encoding="utf-8")
    return repo


# ================================================================== in-process, fake core

WON = re.compile(r"\d+ trillion\s+won \(\$[\d.]+ billion\)")


def fake_check_document(doc, store, options: CheckOptions) -> DocumentResult:
    """Stand-in for the lead's core: `$62.29`/`$3.6` are errors, anything else ok."""
    from claims.suppressions import apply

    findings = []
    for m in WON.finditer(doc.text):
        bad = "$62.29" in m[0] or "$3.6" in m[0]
        findings.append(
            Finding(
                "CUR001" if bad else "CUR003",
                "currency-conversion",
                Verdict.ERROR if bad else Verdict.OK,
                f"checked {m[0]}",
                Span(m.start(), m.end()),
                m[0],
            )
        )
    findings = [f for f in findings if f.code not in options.ignore_codes]
    as_of, where = (
        (options.as_of, "option")
        if options.as_of
        else ((doc.date, "metadata") if doc.date else (options.today, "today"))
    )
    return DocumentResult(doc.path, as_of, where, apply(doc, [doc.locate(f) for f in findings]))


@pytest.fixture()
def fake_core(monkeypatch):
    seen: list[CheckOptions] = []

    def check(doc, store, options):
        seen.append(options)
        return fake_check_document(doc, store, options)

    monkeypatch.setattr("claims.check.check_document", check)
    monkeypatch.setattr("claims.rates.open_store", lambda cache_dir=None: object(), raising=False)
    return seen


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", FORMATS)
def test_fake_core_one_error_in_every_format(fake_core, newsroom, capsys, monkeypatch, fmt):
    monkeypatch.chdir(newsroom)
    code, out, err = run(capsys, "check", "story.md", "--format", fmt)
    assert (code, err) == (1, "")
    assert one_error(fmt, out) == (8, LINE8.index("100 trillion") + 1)


def test_fake_core_paths_config_and_exit_codes(fake_core, newsroom, capsys, monkeypatch):
    monkeypatch.chdir(newsroom)
    assert run(capsys, "check", "story.md", "--fail-on", "never")[0] == 0
    (newsroom / ".claims.toml").write_text(
        'fail_on = "never"\nwindow_days = 3\nmargin_pct = 2\ndollar = "CAD"\n', encoding="utf-8"
    )
    assert run(capsys, "check", "story.md")[0] == 0
    opts = fake_core[-1]
    assert (opts.window_days, str(opts.margin_pct), opts.dollar) == (3, "2", "CAD")
    assert opts.today == date.today() and opts.as_of is None
    assert run(capsys, "check", "story.md", "--fail-on", "error", "--window-days", "5")[0] == 1
    assert fake_core[-1].window_days == 5
    assert run(capsys, "check", "story.md", "--no-config")[0] == 1
    assert run(capsys, "check", "story.md", "--ignore", "CUR001")[0] == 0
    # a folder is walked; HTML script text is not checked
    code, out, _ = run(capsys, "check", ".", "--format", "line", "--fail-on", "error")
    assert code == 1
    assert out.count(":CUR001:error:") == 2 and "story.html:12:" in out


def test_fake_core_bad_config_is_one_line_exit_2(fake_core, newsroom, capsys, monkeypatch):
    monkeypatch.chdir(newsroom)
    (newsroom / ".claims.toml").write_text("window_days = 999\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "story.md")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "window_days" in err and ".claims.toml" in err


def test_fake_core_good_and_bad_files(fake_core, newsroom, capsys, monkeypatch):
    monkeypatch.chdir(newsroom)
    (newsroom / "bad.txt").write_bytes(b"caf\xe9")
    code, out, err = run(
        capsys, "check", "story.md", "bad.txt", "missing.md", "nothing*.md", "--format", "line"
    )
    assert code == 2
    assert "story.md:8:" in out
    assert sorted(err.splitlines()) == [
        "claims: bad.txt: not UTF-8 text (byte 0xe9 on line 1); save it as UTF-8",
        "claims: missing.md: no such file or folder",
        "claims: nothing*.md: no files match",
    ]


def test_fake_core_glob_and_stdin(fake_core, newsroom, capsys, monkeypatch):
    monkeypatch.chdir(newsroom)
    code, out, _ = run(capsys, "check", "*.html", "--format", "line")
    assert code == 1 and out.startswith("story.html:12:")
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MD_STORY.encode())))
    code, out, _ = run(capsys, "check", "-", "--input-format", "markdown", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["files"][0]["path"] == "-"
    assert data["files"][0]["as_of_source"] == "metadata"


def test_fake_core_empty_folder(fake_core, tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "no stories" in err


# ================================================================== the real command, in-process


def expected_columns() -> set[int]:
    """The error may start at the qualifier ("over") or at the figure."""
    return {LINE8.index("over 100") + 1, LINE8.index("100 trillion") + 1}


def one_error(fmt: str, out: str) -> tuple[int, int]:
    """(line, column) of the single unsuppressed error in ``out``; fails on anything else."""
    if fmt == "text":
        hits = re.findall(r"^story\.md:(\d+):(\d+): error ", out, re.MULTILINE)
    elif fmt == "line":
        hits = re.findall(r"^story\.md:(\d+):(\d+):\w+:error:", out, re.MULTILINE)
    elif fmt == "github":
        hits = re.findall(r"^::error file=story\.md,line=(\d+),col=(\d+)", out, re.MULTILINE)
    elif fmt == "rdjsonl":
        rows = [json.loads(x) for x in out.splitlines() if x.strip()]
        hits = [
            (r["location"]["range"]["start"]["line"], r["location"]["range"]["start"]["column"])
            for r in rows
            if r["severity"] == "ERROR"
        ]
    elif fmt == "json":
        data = json.loads(out)
        assert data["summary"]["error"] == 1 and data["summary"]["suppressed"] >= 1
        hits = [
            (f["line"], f["column"])
            for f in data["files"][0]["findings"]
            if f["verdict"] == "error" and not f["suppressed"]
        ]
    else:
        run_ = json.loads(out)["runs"][0]
        hits = [
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            )
            for r in run_["results"]
            if r["level"] == "error" and not r.get("suppressions")
        ]
    assert len(hits) == 1, out
    return int(hits[0][0]), int(hits[0][1])


@pytest.mark.parametrize("fmt", FORMATS)
def test_markdown_story_one_error_on_line_8_in_every_format(newsroom, cli, fmt):
    code, out, err = cli("check", "story.md", "--format", fmt, cwd=newsroom)
    assert code == 1, (out, err)
    line, col = one_error(fmt, out)
    assert line == 8 and col in expected_columns(), out  # ASCII line: bytes == code points
    assert "93.52 billion" not in out.replace("$93.52 billion)", "") or fmt in ("json", "sarif")


def test_markdown_story_exit_0_with_fail_on_never(newsroom, cli):
    code, out, _ = cli("check", "story.md", "--fail-on", "never", cwd=newsroom)
    assert code == 0
    assert re.search(r"^story\.md:8:\d+: error ", out, re.MULTILINE)


def test_markdown_story_exit_0_with_config_beside_it(newsroom, cli):
    (newsroom / ".claims.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    code, out, _ = cli("check", str(newsroom / "story.md"), cwd=ROOT)
    assert code == 0
    assert out.splitlines()[-1].endswith(f"; config {newsroom / '.claims.toml'}")
    (newsroom / ".claims.toml").write_text('fail_on = "sometimes"\n', encoding="utf-8")
    code, _, err = cli("check", str(newsroom / "story.md"), cwd=ROOT)
    assert code == 2 and "fail_on" in err


def test_html_story_source_line_meta_date_and_script_ignored(newsroom, cli):
    code, out, err = cli("check", "story.html", "--format", "json", cwd=newsroom)
    assert code == 1, err
    (result,) = json.loads(out)["files"]
    assert (result["as_of"], result["as_of_source"]) == ("2025-06-30", "metadata")
    errors = [f for f in result["findings"] if f["verdict"] == "error"]
    assert len(result["findings"]) == 1 and len(errors) == 1  # the <script> copies are not read
    (f,) = errors
    source_line = HTML_STORY.splitlines()[11]
    assert f["line"] == 12
    assert f["column"] in {source_line.index("over 100") + 1, source_line.index("100 trillion") + 1}
    assert HTML_STORY[f["start"] : f["end"]].endswith("billion)")
    assert "\n" in HTML_STORY[f["start"] : f["end"]]  # spans the line break


def test_extract_json_positions_are_in_the_source(newsroom, cli):
    code, out, err = cli("extract", "story.md", "story.html", "--format", "json", cwd=newsroom)
    assert code == 0, err
    md, html = json.loads(out)["files"]
    assert md["path"] == "story.md" and html["path"] == "story.html"
    texts = {c["text"] for c in md["conversions"]}
    assert not any("93.52 billion" in t for t in texts)  # the code fence
    (c8,) = [c for c in md["conversions"] if c["line"] == 8]
    assert MD_STORY[c8["start"] : c8["end"]] == c8["text"]
    assert c8["original"]["unit"] == "KRW" and c8["converted"]["unit"] == "USD"
    assert c8["original"]["value"] == "100000000000000"
    (h,) = html["conversions"]
    assert h["line"] == 12 and "\n" in HTML_STORY[h["start"] : h["end"]]


def test_extract_unreadable_is_exit_2(newsroom, cli):
    (newsroom / "bin.txt").write_bytes(b"\x00\x01")
    code, out, err = cli("extract", "bin.txt", "story.md", cwd=newsroom)
    assert code == 2
    assert err.strip() == "claims: bin.txt: binary file (contains NUL bytes), not a text story"
    assert "story.md:8:" in out
