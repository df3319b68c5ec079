"""Bad input to `claims check`: a clear outcome, a documented exit code, never a traceback,
and the input file left exactly as it was (in-process through ``claims.cli.main``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    "name, data, needle",
    [
        pytest.param("binary.txt", b"\x00\x01\x02PNG\x00" * 100, "binary", id="binary"),
        pytest.param(
            "latin1.txt", "Caf\u00e9 paid \u00a35m".encode("latin-1"), "UTF-8", id="not-utf8"
        ),
    ],
)
def test_unreadable_file_is_exit_2_with_one_line(tmp_path, cli, name, data, needle):
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = cli("check", str(path))
    assert code == 2
    line = one_line(err)
    assert name in line and needle.lower() in line.lower()


def test_missing_file(tmp_path, cli):
    code, _, err = cli("check", str(tmp_path / "nope.md"))
    assert code == 2 and "nope.md: no such file or folder" in one_line(err)


def test_directory_without_stories(tmp_path, cli):
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    code, _, err = cli("check", str(tmp_path))
    assert code == 2 and "no stories in this folder" in one_line(err)


def test_empty_file_is_clean(tmp_path, cli):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert cli("check", str(path), "--date", "2025-06-30")[0] == 0


@pytest.mark.parametrize(
    "value, message",
    [
        ("2025-13-45", "'2025-13-45' is not a day: there is no month 13"),
        ("2025-02-30", "'2025-02-30' is not a day: February 2025 has 28 days"),
        ("30/06/2025", "write '30/06/2025' as 2025-06-30 (YYYY-MM-DD)"),
        ("June 30, 2025", "write 'June 30, 2025' as 2025-06-30 (YYYY-MM-DD)"),
        ("06/07/2025", "could be read two ways; write it as 2025-07-06 or 2025-06-07"),
        ("soon", "not a date: 'soon'; write it as YYYY-MM-DD"),
    ],
)
def test_bad_date_option_says_what_to_write(tmp_path, cli, value, message):
    path = tmp_path / "s.txt"
    path.write_text("Nothing to see.", encoding="utf-8")
    code, out, err = cli("check", str(path), "--date", value)
    assert (code, out) == (2, "")
    assert one_line(err) == f"claims: --date: {message}" or message in one_line(err)


def test_large_and_adversarial_input_is_bounded_and_untouched(tmp_path, cli):
    story = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text(encoding="utf-8")
    hostile = "(" * 200_000 + "1," * 200_000 + "$" * 100_000 + " 1 (" * 50_000
    big = (story + "\n") * max(1, 3_000_000 // len(story.encode()))
    path = tmp_path / "big.txt"
    path.write_text(hostile + big, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mode = path.stat().st_mode
    code, out, err = cli(
        "check", str(path), "--date", "2025-06-30", "--format", "json", "--max-story-seconds", "8"
    )
    assert code in (0, 1, 2), err[-500:]
    if code == 2:  # the time budget ran out: said in one line
        assert one_line(err).endswith("took longer than 8 s (max_story_seconds)")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mode == mode
    code, _, err = cli("check", str(path), "--max-story-mb", "1")
    assert code == 2 and one_line(err).endswith("larger than 1 MB (max_story_mb)")


def test_stdin(cli):
    text = "Lee plans to invest over 100 trillion won ($62.29 billion) in AI."
    code, out, _ = cli("check", "-", "--date", "2025-06-30", stdin=text.encode())
    assert code == 1 and "CUR001" in out


def test_internal_error_is_one_line_exit_3(monkeypatch, cli):
    import claims.check

    def boom(*args, **kwargs):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(claims.check, "check_document", boom)
    code, _, err = cli("check", "-", "--date", "2025-06-30", stdin=b"100 km (62 miles)")
    assert code == 3
    assert err.count("\n") == 1 and "internal error" in err and "simulated bug" in err
