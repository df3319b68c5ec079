"""``--format json``: the machine shape, version ``JSON_VERSION`` (findings include suppressed ones, flagged)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.model import JSON_VERSION
from claims.report import summary

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    """``{"version": 2, "files": [...], "summary": {...}}`` with a trailing newline."""
    data = {"version": JSON_VERSION, "files": [r.to_dict() for r in results], "summary": summary(results)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
