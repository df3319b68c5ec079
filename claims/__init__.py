"""claims: check the numbers in news copy.

The small public API. ``check_text`` judges one story as of a date; ``extract`` reads its
figures; ``load_document``, ``check_document`` and ``open_store`` are the stages underneath.
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
from typing import TYPE_CHECKING, Any

from claims.model import (CurrencyConversion, Expected, Extraction, Finding, Location, Quantity,
                          Rate, Span, StatedRate, Verdict)
# Bound eagerly: the name ``extract`` is also the subpackage's, and a lazy import of the
# subpackage would put the module, not the function, under ``claims.extract``.
from claims.extract import extract

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

__version__ = "0.1.0"

__all__ = [
    "check_text", "check_document", "extract", "load_document", "open_store",
    "CurrencyConversion", "Expected", "Extraction", "Finding", "Location", "Quantity", "Rate",
    "Span", "StatedRate",
    "Verdict", "__version__",
]

_LAZY = {
    "check_document": "claims.check",
    "load_document": "claims.documents",
    "open_store": "claims.rates",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")


def check_text(text: str, *, as_of: date, store: Any = None, name: str = "story.txt",
               **options: Any) -> "DocumentResult":
    """Check one story's text as of a date (the caller's clock, never read here).

    ``name`` picks the format by extension (``.md``, ``.html``); ``options`` are
    ``CheckOptions`` fields (``window_days``, ``margin_pct``, ``dollar``, ``checks``, ...).
    ``store`` defaults to the offline rate store in its usual place.
    """
    from claims.check import CheckOptions, check_document
    from claims.documents import load_document
    from claims.rates import open_store

    doc = load_document(name, text.encode("utf-8"))
    return check_document(doc, store if store is not None else open_store(),
                          CheckOptions(today=as_of, as_of=as_of, **options))
