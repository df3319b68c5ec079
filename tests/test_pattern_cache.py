"""Compiled patterns kept between runs (claims.pattern_cache): the same patterns, faster starts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: A child process: import the extraction, check one sentence, report whether any pattern was
#: parsed afresh (re's parser called) and what the check found.
_CHILD = """
import json, re, sys
from re import _parser
parsed = []
real = _parser.parse
_parser.parse = lambda *a, **k: (parsed.append(1), real(*a, **k))[1]
from claims.extract import extract
from claims.extract.units import read_unit_conversions
e = extract("Lee plans to invest over 100 trillion won ($72.29 billion) in 2025.")
units = read_unit_conversions("The trail runs 100 km (62 miles) along the coast.")
print(json.dumps({"parsed": len(parsed), "conversions": len(e.conversions),
                  "units": len(units)}))
"""


def _run(folder: Path | str) -> dict:
    env = {**os.environ, "CLAIMS_PATTERN_CACHE": str(folder), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr  # nothing printed at exit either
    return json.loads(done.stdout)


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*.marshal"))


def test_second_run_parses_no_pattern_and_reads_the_same(tmp_path):
    first = _run(tmp_path)
    assert first["parsed"] > 50 and first["conversions"] == 1 and first["units"] == 1
    (kept,) = _cache_files(tmp_path)
    second = _run(tmp_path)
    assert second == {**first, "parsed": second["parsed"]}
    assert second["parsed"] < first["parsed"] / 10  # only patterns re compiles by itself
    assert _cache_files(tmp_path) == [kept]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:100] + bytes([raw[100] ^ 0xFF]) + raw[101:], id="bit-flip"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b"not a cache at all", id="garbage"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path, damage):
    reference = _run(tmp_path)
    (kept,) = _cache_files(tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))
    again = _run(tmp_path)
    assert again["parsed"] == reference["parsed"]  # everything compiled afresh
    assert {k: v for k, v in again.items() if k != "parsed"} == {
        k: v for k, v in reference.items() if k != "parsed"
    }
    assert _run(tmp_path)["parsed"] < reference["parsed"] / 10  # and the file works again


def test_switched_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "CLAIMS_PATTERN_CACHE": "0", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and json.loads(done.stdout)["conversions"] == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_an_unwritable_folder_is_no_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert _run(folder)["conversions"] == 1
    finally:
        folder.chmod(0o700)


def test_a_folder_that_cannot_exist_is_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _run(blocker / "cache")["conversions"] == 1


PATTERNS = [
    pytest.param(r"(?P<n>\d[\d,]*)(?:\.(?P<d>\d+))?\s*(?P<unit>km|miles?)", 0, id="named-groups"),
    pytest.param(r"über|UEBER", re.IGNORECASE, id="ignore-case-unicode"),
    pytest.param(r"^\s*#.*$", re.MULTILINE, id="multiline"),
    pytest.param(r"(?x) a \s+ b  # verbose", 0, id="inline-verbose"),
    pytest.param(rb"\x00[\x01-\x7f]+", 0, id="bytes"),
]


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_kept_pattern_is_the_pattern_re_compiles(tmp_path, monkeypatch, pattern, flags):
    from claims import pattern_cache

    monkeypatch.setenv(pattern_cache.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_stored", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    monkeypatch.setattr(pattern_cache, "_changed", False)
    fresh = pattern_cache.compile(pattern, flags)
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_stored", None)  # as a new run: read the file
    kept = pattern_cache.compile(pattern, flags)
    assert (pattern_cache.cache_file().stat().st_size) > 0
    plain = re.compile(pattern, flags)
    for got in (fresh, kept):
        assert (got.pattern, got.flags, got.groups, got.groupindex) == (
            plain.pattern,
            plain.flags,
            plain.groups,
            dict(plain.groupindex),
        )
    samples = (
        ["12,500.5 km", "x 3 miles", "ÜBER über", "  # note\nline", "a   b", "ab"]
        if isinstance(pattern, str)
        else [b"\x00abc", b"abc"]
    )
    for sample in samples:
        want = [m.groupdict() or m.group() for m in plain.finditer(sample)]
        assert [m.groupdict() or m.group() for m in kept.finditer(sample)] == want


def test_a_kept_trie_is_the_trie_built(tmp_path, monkeypatch):
    """A pattern's text built from data (a trie of names) is kept too, keyed by its input."""
    from claims import pattern_cache
    from claims.extract._regex import _trie, trie

    monkeypatch.setenv(pattern_cache.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_stored", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    monkeypatch.setattr(pattern_cache, "_changed", False)
    months = ["june", "juin", "juni", "junio", "jun", "july", "juli", "de junio"]
    built = trie(months)
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_stored", None)  # a new run reads the file
    calls = []
    monkeypatch.setattr(pattern_cache, "_note_change", lambda: calls.append(1))
    assert trie(list(reversed(months))) == built == _trie(sorted(set(months)))
    assert calls == []  # read from the file, not built again
    assert trie(months + ["août"]) != built  # another input is another entry
    assert re.fullmatch(built, "de  junio") and not re.fullmatch(built, "jul")
