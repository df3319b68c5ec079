"""The design card's top-level ``cli.py`` runs the same command as ``claims`` / ``python -m claims``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_top_level_cli_py_is_the_same_command():
    shim = subprocess.run(
        [sys.executable, "cli.py", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    package = subprocess.run(
        [sys.executable, "-m", "claims", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shim.returncode == package.returncode == 0
    assert shim.stdout == package.stdout and shim.stdout.startswith("claims ")
