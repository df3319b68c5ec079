"""`claims serve` as a command, without the web stack: the CLI never imports it unless asked,
says how to install it when it is missing, and the loopback rule. Runs on a default install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_other_commands_do_not_load_the_web_stack():
    code = (
        "import sys; from claims.cli import build_parser; build_parser(); "
        "from claims.report import reporter; reporter('html'); "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'pydantic') "
        "if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_missing_extra_is_one_line_with_the_install_command(monkeypatch, capsys):
    import importlib.util

    from claims.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a)
    )
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err == "claims: claims serve needs fastapi: pip install 'claims[serve]'\n"


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host, loopback):
    from claims.serve.settings import is_loopback

    assert is_loopback(host) is loopback
