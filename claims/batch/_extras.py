"""Optional libraries: imported on first use, with one line naming the extra when missing."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from claims.errors import ClaimsError

#: module -> (pip extra of claims, what needs it)
EXTRAS = {
    "pyarrow": ("parquet", "Parquet"),
    "pyarrow.parquet": ("parquet", "Parquet"),
    "warcio": ("warc", "WARC input"),
    "distributed": ("dask", "--engine dask"),
}


class MissingExtra(ClaimsError):
    """An optional library a requested feature needs is not installed."""


def need(module: str) -> ModuleType:
    """Import ``module`` or raise ``MissingExtra`` saying which extra installs it."""
    try:
        return import_module(module)
    except ImportError:
        extra, what = EXTRAS.get(module, ("", module))
        top = module.split(".")[0]
        how = (
            f"python -m pip install 'news-claims[{extra}]'"
            if extra
            else f"python -m pip install {top}"
        )
        raise MissingExtra(f"{what} needs {top}, which is not installed: {how}") from None
