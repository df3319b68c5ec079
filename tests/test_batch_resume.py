"""A run killed mid-way (SIGKILL, workers and all) and started again with --resume loses and
duplicates no story: a real subprocess, a real kill, ids compared."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORIES = 700
KILL_AFTER = 120  # stories in the output when the run is killed
DEADLINE = 90.0  # seconds; a bounded wait, never a hang

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location(
        "make_archive", ROOT / "tools" / "make_archive.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("kill") / "stories.jsonl"
    module.write(path, STORIES, seed=11)
    return path


def _input_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]


def _done(out: Path) -> int:
    if out.is_dir():
        import pyarrow.parquet as pq

        parts = list(out.glob("part-*.parquet"))
        return sum(pq.ParquetFile(p).metadata.num_rows for p in parts)
    return out.read_bytes().count(b"\n") if out.exists() else 0


def _output_ids(out: Path) -> list[str]:
    if out.is_dir():
        import pyarrow.parquet as pq

        return pq.read_table(out, columns=["id"]).column("id").to_pylist()
    return [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]


def _command(archive: Path, out: Path, cache_dir: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "claims",
        "batch",
        str(archive),
        "--out",
        str(out),
        "--cache-dir",
        str(cache_dir),
        "-q",
        *extra,
    ]


RUNS = [
    ("jsonl, 2 processes", "r.jsonl", ["--jobs", "2"]),
    ("parquet parts, 1 process", "r.parquet", ["--part-size", "50"]),
]


@pytest.mark.parametrize("name, extra", [r[1:] for r in RUNS], ids=[r[0] for r in RUNS])
def test_kill_then_resume_loses_and_duplicates_nothing(
    name, extra, archive, tmp_path, cache_dir, rate_store
):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    out = tmp_path / name
    proc = subprocess.Popen(
        _command(archive, out, cache_dir, *extra),
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + DEADLINE
    try:
        while _done(out) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, at once
        proc.wait(timeout=30)
        proc.stderr.close()
    killed_at = _done(out)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert KILL_AFTER <= killed_at < STORIES
    done = subprocess.run(
        _command(archive, out, cache_dir, "--resume", *extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=DEADLINE * 2,
    )
    assert done.returncode == 0, done.stderr
    ids = _output_ids(out)
    assert len(ids) == len(set(ids)), "a story was written twice"
    assert sorted(ids) == sorted(_input_ids(archive)), "a story was lost"
