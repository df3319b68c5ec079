"""Generate an archive of real-shaped news stories for ``claims batch`` tests and benchmarks.

Run from the checkout: ``python tools/make_archive.py OUT [--stories N] [--length CHARS]
[--seed S] [--html]``; the type follows OUT's extension: ``.jsonl`` (``.jsonl.gz``),
``.csv``, ``.parquet`` (pyarrow), ``.warc.gz`` (warcio; always HTML, with a few non-HTML
captures mixed in as a crawl has). Each story is made of real sentences: a conversion from
the dev corpus (``tests/fixtures/dev_currency.jsonl``) dated as its source page was, or a unit
or arithmetic sentence (``units_arith_dev.jsonl``) on a day between 2015 and 2025, or the
example story's own conversions on its date, padded with the example story's other
paragraphs to about ``--length`` characters. Columns: id, date, url, section, author, text
(or html). The same seed gives the same archive.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE = ROOT / "examples" / "korea-herald-june-2025.txt"
EXAMPLE_DATE = "2025-06-30"
SECTIONS = (
    ("Business", 5),
    ("World", 3),
    ("Markets", 3),
    ("Technology", 2),
    ("Politics", 2),
    ("Sport", 1),
)
AUTHORS = (
    "Ana Ruiz",
    "Ben Okafor",
    "Chloe Martin",
    "Dae-jung Park",
    "Elif Yilmaz",
    "Farah Haddad",
    "Gustav Lind",
    "Hana Sato",
    "Ivan Petrov",
    "Jo Mensah",
    "Kirsten Berg",
    "Luis Ortega",
)
#: Story kinds and their weights: a corpus conversion, a unit/arithmetic sentence, the example.
KINDS = (("currency", 70), ("units", 20), ("example", 5), ("plain", 5))
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2025, 6, 30)


def _rows(name: str) -> list[dict]:
    return [
        json.loads(line)
        for line in (FIXTURES / name).read_text("utf-8").splitlines()
        if line.strip()
    ]


class Sources:
    """The sentences and paragraphs stories are made of."""

    def __init__(self) -> None:
        from claims.extract import extract

        self.currency = [r for r in _rows("dev_currency.jsonl") if r.get("date")]
        self.units = [r for r in _rows("units_arith_dev.jsonl") if r.get("text")]
        lines = [
            ln.strip() for ln in EXAMPLE.read_text("utf-8").splitlines() if len(ln.strip()) > 80
        ]
        self.example_money = [ln for ln in lines if extract(ln).conversions]
        self.filler = [ln for ln in lines if ln not in self.example_money]


def _weighted(rnd: random.Random, pairs) -> str:
    return rnd.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _pad(rnd: random.Random, paragraphs: list[str], filler: list[str], length: int) -> list[str]:
    """``paragraphs`` with filler paragraphs inserted after the lead until about ``length``."""
    body = list(paragraphs)
    size = sum(len(p) + 2 for p in body)
    pool = rnd.sample(filler, len(filler))
    while size < length * 0.9 and pool:
        para = pool.pop()
        room = int(length * 1.05) - size
        if len(para) > room:  # cut at a sentence end that fits
            cut = para.rfind(". ", 0, room)
            if cut < 60:
                continue
            para = para[: cut + 1]
        body.insert(rnd.randint(1, len(body)), para)
        size += len(para) + 2
    return body


def stories(n: int, *, seed: int = 16, length: int = 2000) -> Iterator[dict]:
    """``n`` story rows: id, date, url, section, author, title, paragraphs."""
    src = Sources()
    rnd = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    for i in range(1, n + 1):
        kind = _weighted(rnd, KINDS)
        if kind == "currency":
            lead = rnd.choice(src.currency)
            day = lead["date"]
            same_day = [r for r in src.currency if r["date"] == day and r is not lead]
            paragraphs = [lead["text"]] + (
                [rnd.choice(same_day)["text"]] if same_day and rnd.random() < 0.5 else []
            )
        elif kind == "example":
            day = EXAMPLE_DATE
            paragraphs = list(src.example_money)
        else:
            day = (FIRST_DAY + timedelta(days=rnd.randrange(span))).isoformat()
            paragraphs = [rnd.choice(src.units)["text"]] if kind == "units" else []
            if kind == "units" and rnd.random() < 0.5:
                paragraphs.append(rnd.choice(src.units)["text"])
        if not paragraphs:
            paragraphs = [rnd.choice(src.filler)]
        section = _weighted(rnd, SECTIONS)
        yield {
            "id": f"story-{i:07d}",
            "date": day,
            "url": f"https://news.example.com/{section.lower()}/{day.replace('-', '/')}/story-{i}",
            "section": section,
            "author": rnd.choice(AUTHORS),
            "title": f"Story {i}: {section} report",
            "paragraphs": _pad(rnd, paragraphs, src.filler, length),
        }


def as_text(story: dict) -> str:
    return "\n\n".join(story["paragraphs"]) + "\n"


def as_html(story: dict) -> str:
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in story["paragraphs"])
    return (
        f'<!doctype html>\n<html><head><meta charset="utf-8">'
        f'<meta property="article:published_time" content="{story["date"]}T08:00:00Z">'
        f"<title>{escape(story['title'])}</title></head>\n<body><article>"
        f"<h1>{escape(story['title'])}</h1>\n{paras}\n</article></body></html>\n"
    )


def _row(story: dict, html: bool) -> dict:
    row = {k: story[k] for k in ("id", "date", "url", "section", "author")}
    row["html" if html else "text"] = as_html(story) if html else as_text(story)
    return row


def write(out: Path, n: int, *, seed: int = 16, length: int = 2000, html: bool = False) -> int:
    """Write the archive; returns the number of stories written."""
    name = out.name.lower()
    rows = (_row(s, html) for s in stories(n, seed=seed, length=length))
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(out, "wt", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif name.endswith(".csv"):
        import csv

        with open(out, "w", encoding="utf-8", newline="") as fh:
            writer = None
            for row in rows:
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
    elif name.endswith(".parquet"):
        _write_parquet(out, rows)
    elif name.endswith((".warc", ".warc.gz")):
        _write_warc(out, stories(n, seed=seed, length=length))
    else:
        raise SystemExit(f"make_archive: unknown type for {out} (.jsonl .csv .parquet .warc.gz)")
    return n


def _write_parquet(out: Path, rows: Iterator[dict], group: int = 10_000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, batch = None, []
    for row in rows:
        batch.append(row)
        if len(batch) >= group:
            table = pa.Table.from_pylist(batch)
            writer = writer or pq.ParquetWriter(out, table.schema, compression="zstd")
            writer.write_table(table)
            batch = []
    if batch:
        table = pa.Table.from_pylist(batch)
        writer = writer or pq.ParquetWriter(out, table.schema, compression="zstd")
        writer.write_table(table)
    if writer:
        writer.close()


def _write_warc(out: Path, items: Iterator[dict]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=out.name.lower().endswith(".gz"))
        for i, story in enumerate(items):
            body = as_html(story).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            stamp = f"{story['date']}T12:00:00Z"
            writer.write_record(
                writer.create_warc_record(
                    story["url"],
                    "response",
                    payload=BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": stamp},
                )
            )
            if i % 50 == 0:  # a crawl holds more than pages
                img = StatusAndHeaders(
                    "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        story["url"] + "/lead.png",
                        "response",
                        payload=BytesIO(b"\x89PNG\r\n"),
                        http_headers=img,
                        warc_headers_dict={"WARC-Date": stamp},
                    )
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--length", type=int, default=2000, help="characters per story (about)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--html", action="store_true", help="an html column instead of text")
    args = parser.parse_args(argv)
    write(args.out, args.stories, seed=args.seed, length=args.length, html=args.html)
    print(f"{args.stories:,} stories -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
