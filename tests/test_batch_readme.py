"""The README's archive example runs as written: generate, batch, summarize; same output.

The block after the ``claims batch example`` marker is a console session; each ``$`` command
runs in a fresh folder (``claims`` as ``python -m claims``, ``python`` as this interpreter, the
checkout on PYTHONPATH) and must print what the README shows, timings aside.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- claims batch example"
TIMING = re.compile(r"in [\d,.]+ s \([\d,]+/s\)")


def session() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(MARKER)
    block = re.search(r"```console\n(.*?)```", readme[start:], re.S)[1]
    parts = re.split(r"^\$ (.*)$", block, flags=re.M)
    return [(cmd, out.strip("\n")) for cmd, out in zip(parts[1::2], parts[2::2], strict=True)]


def test_readme_archive_example(tmp_path, cache_dir, rate_store):
    steps = session()
    assert [shlex.split(c)[:2] for c, _ in steps] == [
        ["python", "tools/make_archive.py"],
        ["claims", "batch"],
        ["claims", "summarize"],
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMS_CACHE_DIR": str(cache_dir)}
    for command, expected in steps:
        args = shlex.split(command)
        if args[0] == "claims":
            argv = [sys.executable, "-m", "claims", *args[1:]]
        else:
            argv = [sys.executable, str(ROOT / args[1]), *args[2:]]
        proc = subprocess.run(
            argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
        )
        assert proc.returncode == 0, proc.stderr
        shown = (proc.stdout + proc.stderr).strip("\n")
        assert TIMING.sub("in N s (N/s)", shown) == TIMING.sub("in N s (N/s)", expected), command
    assert (tmp_path / "summary.csv").read_text("utf-8").startswith("table,key,stories")
    assert (tmp_path / "error-rate.svg").read_text("utf-8").startswith("<svg")
