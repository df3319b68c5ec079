"""Output of ``claims extract``: every money mention, conversion pair and stated rate per file.

Offsets (``start``/``end``, 0-based, end-exclusive) and ``line``/``column`` (1-based, code
points) are in the file as read, mapped back from the extracted text through the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claims.model import Span
from claims.report.jsonstream import chunks

if TYPE_CHECKING:  # pragma: no cover
    from claims.document import Document
    from claims.model import Extraction


def _place(doc: Document, span: Span) -> dict[str, Any]:
    """Source offsets, lines and columns of a stretch of the extracted text."""
    return doc.location(span).to_dict()


def file_dict(doc: Document, extraction: Extraction, *, lazy: bool = False) -> dict[str, Any]:
    """One file's entry in the JSON output (``lazy``: its lists as iterators of dicts, for
    ``jsonstream``: one mention's dict at a time, never the whole file's)."""
    conversions = (
        {
            **_place(doc, conv.span),
            "text": conv.text,
            "original": doc.place(conv.original).to_dict(),
            "converted": doc.place(conv.converted).to_dict(),
        }
        for conv in extraction.conversions
    )
    mentions = (doc.place(m).to_dict() for m in extraction.mentions)
    rates = ({**s.to_dict(), **_place(doc, s.span)} for s in extraction.stated_rates)
    return {
        "path": doc.path,
        "format": doc.format,
        "date": doc.date.isoformat() if doc.date else None,
        "date_source": doc.date_source,
        "language": extraction.language,
        "language_source": extraction.language_source,
        "decimal_mark": extraction.decimal_mark,
        "mentions": mentions if lazy else list(mentions),
        "conversions": conversions if lazy else list(conversions),
        "stated_rates": rates if lazy else list(rates),
    }


def json_chunks(items: Iterable[tuple[Document, Extraction]]) -> Iterator[str]:
    """``{"files": [{"path", "mentions", "conversions", "stated_rates", ...}]}`` a piece at a
    time: ``items`` may be a generator, each file read, written and let go in turn."""
    yield from chunks({"files": (file_dict(doc, ex, lazy=True) for doc, ex in items)})
    yield "\n"


def render_json(items: Iterable[tuple[Document, Extraction]]) -> str:
    """``json_chunks`` as one string."""
    return "".join(json_chunks(items))


def _money(d: dict[str, Any]) -> str:
    value = d["value"] if d.get("high") is None else f"{d['value']}-{d['high']}"
    qualifier = f"{d['qualifier']} " if d.get("qualifier") else ""
    return f"{qualifier}{value} {d.get('unit') or '?'}"


def render_text(items: Iterable[tuple[Document, Extraction]]) -> str:
    """One line per conversion, stated rate and money mention, in file order."""
    return "".join(text_chunks(items)) or "\n"


def text_chunks(items: Iterable[tuple[Document, Extraction]]) -> Iterator[str]:
    """``render_text`` a file at a time."""
    for doc, ex in items:
        out: list[str] = []
        f = file_dict(doc, ex)
        rows: list[tuple[int, str]] = []
        for c in f["conversions"]:
            rows.append(
                (
                    c["start"],
                    f"{doc.path}:{c['line']}:{c['column']}: conversion "
                    f"{' '.join(c['text'].split())}  [{_money(c['original'])} -> "
                    f"{_money(c['converted'])}]",
                )
            )
        for s in f["stated_rates"]:
            rows.append(
                (
                    s["start"],
                    f"{doc.path}:{s['line']}:{s['column']}: stated rate "
                    f"{' '.join(s['text'].split())}  [1 {s['base']} = {s['value']} {s['quote']}]",
                )
            )
        for m in f["mentions"]:
            rows.append(
                (
                    m["start"],
                    f"{doc.path}:{m['line']}:{m['column']}: money "
                    f"{' '.join(m['text'].split())}  [{_money(m)}]",
                )
            )
        out.extend(row for _, row in sorted(rows, key=lambda r: r[0]))
        out.append(
            f"{doc.path}: {len(f['mentions'])} money mentions, "
            f"{len(f['conversions'])} conversions, {len(f['stated_rates'])} stated rates"
        )
        yield "\n".join(out) + "\n"
