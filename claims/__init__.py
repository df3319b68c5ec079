"""claims: check the numbers in news copy.

The small public API. ``check_text`` judges one story as of a date; ``extract`` reads its
figures; ``load_document``, ``check_document`` and ``open_store`` are the stages underneath;
``find_stories``, ``load_config`` and ``check_paths`` are what ``claims check PATH...`` does.
The rest is imported on first use (``extract`` and its tables load with the package).

    >>> from datetime import date
    >>> result = check_text("Lee plans to invest 100 trillion won ($72.29 billion).",
    ...                     as_of=date(2025, 6, 30))                    # doctest: +SKIP
    >>> [f.verdict.value for f in result.findings]                     # doctest: +SKIP
    ['ok']
"""

from __future__ import annotations

from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Bound eagerly: the name ``extract`` is also the subpackage's, and a lazy import of the
# subpackage would put the module, not the function, under ``claims.extract``.
from claims.extract import extract
from claims.model import (
    CurrencyConversion,
    Expected,
    Extraction,
    Finding,
    Location,
    Quantity,
    Rate,
    Span,
    StatedRate,
    Verdict,
)

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult
    from claims.check.rate_window import RateSource

__version__ = "0.2.0"  # the one place: pyproject.toml reads it, `claims -V` prints it

__all__ = [
    "check_text",
    "check_document",
    "check_paths",
    "extract",
    "find_stories",
    "load_config",
    "load_document",
    "open_store",
    "CurrencyConversion",
    "Expected",
    "Extraction",
    "Finding",
    "Location",
    "Quantity",
    "Rate",
    "Span",
    "StatedRate",
    "Verdict",
    "__version__",
]

_LAZY = {
    "check_document": "claims.check",
    "check_paths": "claims.runner",
    "find_stories": "claims.stories",
    "load_config": "claims.config",
    "load_document": "claims.documents",
    "open_store": "claims.rates",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")


def check_text(
    text: str,
    *,
    as_of: date,
    store: RateSource | None = None,
    name: str = "story.txt",
    config: Any = None,
    **options: Any,
) -> DocumentResult:
    """Check one story's text as of a date (the caller's clock, never read here).

    ``name`` picks the format by extension (``.md``, ``.html``); ``config`` is a
    ``claims.config.Config`` or the path of a ``.claims.toml``/``pyproject.toml`` whose settings
    apply (``window_days``, ``dollar``, ``ignore``, ...); ``options`` are ``CheckOptions``
    fields and win over it. ``store`` defaults to the offline rate store in its usual place.
    """
    from dataclasses import replace

    from claims.check import check_document
    from claims.config import Config, load_config
    from claims.documents import load_document
    from claims.rates import open_store

    settings = (
        config
        if isinstance(config, Config)
        else (load_config(Path(config)) if config is not None else Config())
    )
    doc = load_document(name, text.encode("utf-8"))
    return check_document(
        doc,
        store if store is not None else open_store(),
        replace(settings.check_options(today=as_of, as_of=as_of), **options),
    )
