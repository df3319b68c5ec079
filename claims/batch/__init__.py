"""Fact-check runs over whole archives: read exports, check each story, write results as they come.

The stages stay the house's: an archive reader yields ``Item`` values (one story each, with
its id, format, date and pass-through columns), ``check_item`` turns one item into one
result record (built from ``DocumentResult.to_dict()``), a sink writes records as they are
ready (JSON Lines, or a folder of Parquet parts), and ``summarize`` reads results back into
counts and rates. The runner spreads ``check_item`` over local processes or Dask workers.
Heavy libraries (pyarrow, warcio, dask, tqdm) are imported only when a run needs them.
"""

from __future__ import annotations

from claims.batch.items import Columns, Item

__all__ = ["Columns", "Item"]
