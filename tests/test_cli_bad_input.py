"""Bad input to `claims check`: a clear outcome, a documented exit code, never a traceback,
and the input file left exactly as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def claims(*args: str, cache_dir: Path, stdin: bytes | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "claims", *args, "--cache-dir", str(cache_dir)],
                          cwd=ROOT, input=stdin, capture_output=True, timeout=timeout)


def one_line_error(proc) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("name, data, needle", [
    pytest.param("binary.txt", b"\x00\x01\x02PNG\x00" * 100, "binary", id="binary"),
    pytest.param("latin1.txt", "Caf\u00e9 paid \u00a35m".encode("latin-1"), "UTF-8", id="not-utf8"),
])
def test_unreadable_file_is_exit_2_with_one_line(tmp_path, cache_dir, name, data, needle):
    path = tmp_path / name
    path.write_bytes(data)
    proc = claims("check", str(path), cache_dir=cache_dir)
    assert proc.returncode == 2
    line = one_line_error(proc)
    assert name in line and needle.lower() in line.lower()


def test_missing_file(tmp_path, cache_dir):
    proc = claims("check", str(tmp_path / "nope.md"), cache_dir=cache_dir)
    assert proc.returncode == 2
    assert "nope.md" in one_line_error(proc)


def test_directory_without_stories(tmp_path, cache_dir):
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    proc = claims("check", str(tmp_path), cache_dir=cache_dir)
    assert proc.returncode == 2
    one_line_error(proc)


def test_empty_file_is_clean(tmp_path, cache_dir):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = claims("check", str(path), "--date", "2025-06-30", cache_dir=cache_dir)
    assert proc.returncode == 0, proc.stderr


def test_bad_date_option(tmp_path, cache_dir):
    path = tmp_path / "s.txt"
    path.write_text("Nothing to see.", encoding="utf-8")
    proc = claims("check", str(path), "--date", "2025-13-45", cache_dir=cache_dir)
    assert proc.returncode == 2
    assert "2025-13-45" in one_line_error(proc)


def test_large_and_adversarial_input_is_bounded_and_untouched(tmp_path, cache_dir):
    story = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text(encoding="utf-8")
    hostile = "(" * 200_000 + "1," * 200_000 + "$" * 100_000 + " 1 (" * 50_000
    big = (story + "\n") * max(1, 10_000_000 // len(story.encode()))
    path = tmp_path / "big.txt"
    path.write_text(hostile + big, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mode = path.stat().st_mode
    proc = claims("check", str(path), "--date", "2025-06-30", "--format", "json",
                  cache_dir=cache_dir, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr[-500:]
    assert b"Traceback" not in proc.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mode == mode


def test_stdin(cache_dir):
    text = "Lee plans to invest over 100 trillion won ($62.29 billion) in AI."
    proc = claims("check", "-", "--date", "2025-06-30", cache_dir=cache_dir, stdin=text.encode())
    assert proc.returncode == 1, proc.stderr
    assert b"CUR001" in proc.stdout


def test_internal_error_is_one_line_exit_3(monkeypatch, capsys):
    import io

    from claims import cli
    import claims.check

    def boom(*args, **kwargs):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(claims.check, "check_document", boom)
    monkeypatch.delenv("CLAIMS_DEBUG", raising=False)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"100 km (62 miles)")))
    code = cli.main(["check", "-", "--date", "2025-06-30"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.count("\n") == 1 and "internal error" in err and "simulated bug" in err
