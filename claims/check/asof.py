"""The as-of date of a story: kept as a name for ``claims.dates``, where the date rules live."""

from claims.dates import DATELINE_WINDOW, dateline_date, resolve_as_of

__all__ = ["DATELINE_WINDOW", "dateline_date", "resolve_as_of"]
