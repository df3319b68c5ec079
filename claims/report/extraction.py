"""Output of ``claims extract``: every money mention, conversion pair and stated rate per file.

Offsets (``start``/``end``, 0-based, end-exclusive) and ``line``/``column`` (1-based, code
points) are in the file as read, mapped back from the extracted text through the document.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.model import Span

if TYPE_CHECKING:  # pragma: no cover
    from claims.document import Document
    from claims.model import Extraction


def _place(doc: Document, span: Span) -> dict[str, Any]:
    """Source offsets, lines and columns of a stretch of the extracted text."""
    return doc.location(span).to_dict()


def file_dict(doc: Document, extraction: Extraction) -> dict[str, Any]:
    """One file's entry in the JSON output."""
    conversions = []
    for conv in extraction.conversions:
        conversions.append({**_place(doc, conv.span), "text": conv.text,
                            "original": doc.place(conv.original).to_dict(),
                            "converted": doc.place(conv.converted).to_dict()})
    return {
        "path": doc.path,
        "format": doc.format,
        "date": doc.date.isoformat() if doc.date else None,
        "date_source": doc.date_source,
        "language": extraction.language,
        "language_source": extraction.language_source,
        "decimal_mark": extraction.decimal_mark,
        "mentions": [doc.place(m).to_dict() for m in extraction.mentions],
        "conversions": conversions,
        "stated_rates": [{**s.to_dict(), **_place(doc, s.span)} for s in extraction.stated_rates],
    }


def render_json(items: list[tuple[Document, Extraction]]) -> str:
    """``{"files": [{"path", "mentions", "conversions", "stated_rates", ...}]}``."""
    data = {"files": [file_dict(doc, ex) for doc, ex in items]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _money(d: dict[str, Any]) -> str:
    value = d["value"] if d.get("high") is None else f"{d['value']}-{d['high']}"
    qualifier = f"{d['qualifier']} " if d.get("qualifier") else ""
    return f"{qualifier}{value} {d.get('unit') or '?'}"


def render_text(items: list[tuple[Document, Extraction]]) -> str:
    """One line per conversion, stated rate and money mention, in file order."""
    out: list[str] = []
    for doc, ex in items:
        f = file_dict(doc, ex)
        rows: list[tuple[int, str]] = []
        for c in f["conversions"]:
            rows.append((c["start"], f"{doc.path}:{c['line']}:{c['column']}: conversion "
                         f"{' '.join(c['text'].split())}  [{_money(c['original'])} -> "
                         f"{_money(c['converted'])}]"))
        for s in f["stated_rates"]:
            rows.append((s["start"], f"{doc.path}:{s['line']}:{s['column']}: stated rate "
                         f"{' '.join(s['text'].split())}  [1 {s['base']} = {s['value']} {s['quote']}]"))
        for m in f["mentions"]:
            rows.append((m["start"], f"{doc.path}:{m['line']}:{m['column']}: money "
                         f"{' '.join(m['text'].split())}  [{_money(m)}]"))
        out.extend(row for _, row in sorted(rows, key=lambda r: r[0]))
        out.append(f"{doc.path}: {len(f['mentions'])} money mentions, "
                   f"{len(f['conversions'])} conversions, {len(f['stated_rates'])} stated rates")
    return "\n".join(out) + "\n"
