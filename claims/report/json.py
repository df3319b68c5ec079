"""``--format json``: the machine shape, version 1 (findings include suppressed ones, flagged)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping

from claims.report import summary

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def render(results: list["DocumentResult"], *, color: bool = False,
           sources: Mapping[str, str] | None = None, **_: Any) -> str:
    """``{"version": 1, "files": [...], "summary": {...}}`` with a trailing newline."""
    data = {"version": 1, "files": [r.to_dict() for r in results], "summary": summary(results)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
