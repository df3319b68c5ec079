"""JSON written a piece at a time, in bounded memory.

``chunks(value)`` yields the same text as ``json.dumps(value, ensure_ascii=False, indent=2)``,
but an iterator that is ``value`` or one of a dict's own values (a generator of findings or
mentions) is encoded as an array one item at a time. A run's JSON document is then never built whole: memory holds one
item's dicts and its text, not a dict tree several times the size of the input (issue 17).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

INDENT = "  "


def _lazy(value: Any) -> bool:
    return hasattr(value, "__next__")


def chunks(value: Any, level: int = 0) -> Iterator[str]:
    """Pieces of ``value`` as indented JSON, nested ``level`` deep (module doc). A dict is
    taken apart only when one of its own values is an iterator; anything else is one piece."""
    if (
        isinstance(value, dict)
        and any(_lazy(v) for v in value.values())
        and all(isinstance(k, str) for k in value)
    ):
        pad = "\n" + INDENT * (level + 1)
        sep = "{"
        for key, item in value.items():
            yield f"{sep}{pad}{json.dumps(key, ensure_ascii=False)}: "
            yield from chunks(item, level + 1)
            sep = ","
        yield "\n" + INDENT * level + "}"
    elif _lazy(value):
        pad = "\n" + INDENT * (level + 1)
        sep = "["
        for item in value:
            yield sep + pad
            yield from chunks(item, level + 1)
            sep = ","
        yield "[]" if sep == "[" else "\n" + INDENT * level + "]"
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        yield text.replace("\n", "\n" + INDENT * level) if level and "\n" in text else text
