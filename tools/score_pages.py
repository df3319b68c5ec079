"""Score how `claims` reads real web pages (issue 12's measures) on ../shared/pages/.

Run from the checkout: ``python tools/score_pages.py [PAGES_DIR] [--scope page|article]
[--list wrong|missing|outside]``. Reads every ``html/**/*.html.gz`` with its labels
(``labels.json``) and prints:

- as-of date: on pages with a reference date, the share where the as-of date ``claims``
  would use (no ``--date``) is exact, wrong (a date found, not the reference) or missing
  (no date found: today by default);
- numbers outside the article: on pages with a reference article text, the share of the
  numbers read (``read_numbers`` over ``Document.text``) whose digits do not occur in the
  reference text (pooled over pages, and the median page); and, the other way round, the
  share of the reference text's numbers that were read (recall: an article cut short shows);
- speed and memory: pages per CPU-second for reading alone and for a full
  ``check_document``, and the process's peak resident memory (this scorer keeps every
  document, to time the checks apart).

``--main-text`` scores trafilatura, readability-lxml and jusText (those installed) on the
pages with reference texts: numbers outside the article, recall and pages/s, for the same
comparison of main-text extraction (none of them gives offsets into the source).

``--htmldate`` also scores htmldate (the field's reference page-date library, when it is
installed) on the same pages: its import time, pages/s and the same exact/wrong/missing
shares, for the comparison in the README.

Runs only when the pages folder exists (it is not part of the project); says so otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: ../shared/pages beside the checkout (or beside the worktrees' folder).
DEFAULT_PAGES = next(
    (
        p
        for p in (ROOT.parent / "shared" / "pages", ROOT.parent.parent / "shared" / "pages")
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "pages",
)
_DIGITS = re.compile(r"\d(?:[\d.,\u00a0\u202f']*\d)?")  # not plain spaces: table cells
_SPACES = re.compile(r"\s+")
TODAY = date(2099, 1, 1)  # a sentinel "today": never a reference date


def _digit_forms(token: str) -> set[str]:
    """A printed number's digits as they may appear in a reference text."""
    bare = re.sub(r"[\u00a0\u202f' ]", " ", token)
    return {bare, re.sub(r"\D", "", token)}


def _outside(numbers_text: list[str], reference: str) -> tuple[int, int]:
    """How many of the numbers read occur nowhere in the reference text: (outside, total)."""
    ref = _SPACES.sub(" ", reference.replace("\u00a0", " ").replace("\u202f", " "))
    tokens_in_ref = {t for m in _DIGITS.finditer(ref) for t in _digit_forms(m[0])}
    outside = 0
    for text in numbers_text:
        m = _DIGITS.search(text)
        if m is None:
            continue
        if not (_digit_forms(m[0]) & tokens_in_ref):
            outside += 1
    return outside, len(numbers_text)


def _as_of(doc) -> tuple[date, str, str | None]:
    """The as-of date claims would use without --date, where from, and the detail."""
    from claims.check import asof

    day, source = asof.resolve_as_of(None, doc.date, doc.text, TODAY)
    return day, source, getattr(doc, "date_source", None)


def _score_htmldate(pages: Path, labels: dict) -> None:
    """htmldate's publication date (original_date=True) on the pages with a reference date."""
    t0 = time.perf_counter()
    try:
        from htmldate import find_date
    except ImportError:
        print("htmldate: not installed (pip install htmldate)")
        return
    imported = time.perf_counter() - t0
    tally: Counter = Counter()
    spent = 0.0
    for key in sorted(labels):
        if not labels[key].get("date"):
            continue
        data = gzip.decompress((pages / "html" / (key + ".gz")).read_bytes())
        t1 = time.perf_counter()
        found = find_date(data, original_date=True)
        spent += time.perf_counter() - t1
        tally[
            "missing" if found is None else "exact" if found == labels[key]["date"] else "wrong"
        ] += 1
    n = sum(tally.values())
    print(
        f"htmldate: import {imported:.2f} s, {n / max(spent, 1e-9):.1f} pages/s; "
        + ", ".join(
            f"{k} {tally[k]} ({100 * tally[k] / max(n, 1):.1f}%)"
            for k in ("exact", "wrong", "missing")
        )
    )


def _main_text_extractors() -> dict:
    """The main-text libraries that are installed, each as bytes -> text."""
    found = {}
    try:
        import trafilatura

        found["trafilatura"] = lambda data: trafilatura.extract(data) or ""
    except ImportError:
        pass
    try:
        import logging

        import lxml.html
        from readability import Document as Readable

        logging.getLogger("readability").setLevel(logging.CRITICAL)  # it logs its failures

        found["readability-lxml"] = lambda data: lxml.html.fromstring(
            Readable(data).summary()
        ).text_content()
    except ImportError:
        pass
    try:
        import justext

        stop = justext.get_stoplist("English")
        found["jusText (English stop list)"] = lambda data: "\n".join(
            p.text for p in justext.justext(data, stop) if not p.is_boilerplate
        )
    except ImportError:
        pass
    return found


def _score_main_text(pages: Path, labels: dict) -> None:
    from claims.extract.numbers import read_numbers

    extractors = _main_text_extractors()
    if not extractors:
        print("main text: none of trafilatura, readability-lxml, justext is installed")
    for name, extract in extractors.items():
        out = total = missed = wanted = 0
        spent, n = 0.0, 0
        for key in sorted(labels):
            reference = labels[key].get("article_text")
            if not reference:
                continue
            data = gzip.decompress((pages / "html" / (key + ".gz")).read_bytes())
            t0 = time.perf_counter()
            try:
                text = extract(data)
            except Exception:  # noqa: BLE001 - a library failing on a page reads nothing
                text = ""
            spent += time.perf_counter() - t0
            n += 1
            o, t = _outside([r.text for r in read_numbers(text)], reference)
            want = [r.text for r in read_numbers(reference)]
            m, _ = _outside(want, text)
            out, total, missed, wanted = out + o, total + t, missed + m, wanted + len(want)
        print(
            f"{name}: {out}/{total} ({100 * out / max(total, 1):.1f}%) outside; reference "
            f"numbers read {100 * (wanted - missed) / max(wanted, 1):.1f}%; "
            f"{n / max(spent, 1e-9):.1f} pages/s"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    ap.add_argument(
        "--scope",
        choices=["page", "article"],
        default=None,
        help="reading scope (default: the project's default)",
    )
    ap.add_argument(
        "--list",
        choices=["wrong", "missing", "outside"],
        action="append",
        default=[],
        help="list the pages in this category",
    )
    ap.add_argument("--no-check", action="store_true", help="skip the full check_document timing")
    ap.add_argument("--htmldate", action="store_true", help="score htmldate on the same pages")
    ap.add_argument(
        "--main-text",
        action="store_true",
        help="score trafilatura, readability-lxml and jusText on the same pages",
    )
    args = ap.parse_args(argv)
    if not (args.pages / "labels.json").is_file():
        print(
            f"score_pages: no pages at {args.pages} (they live in ../shared/pages); nothing to do"
        )
        return 0

    from claims.documents import load_document
    from claims.extract.numbers import read_numbers

    labels = json.loads((args.pages / "labels.json").read_text("utf-8"))
    kwargs = {"scope": args.scope} if args.scope else {}
    dates, outside_rows, problems = Counter(), [], []
    listed: dict[str, list[str]] = {"wrong": [], "missing": [], "outside": []}
    docs = []
    read_time = 0.0
    for key in sorted(labels):
        path = args.pages / "html" / (key + ".gz")
        data = gzip.decompress(path.read_bytes())
        t0 = time.process_time()
        try:
            doc = load_document(key, data, "html", **kwargs)
        except Exception as exc:  # noqa: BLE001 - a scorer reports and goes on
            problems.append(f"{key}: {type(exc).__name__}: {exc}")
            continue
        read_time += time.process_time() - t0
        docs.append(doc)
        label = labels[key]
        if label.get("date"):
            want = date.fromisoformat(label["date"])
            got, source, detail = _as_of(doc)
            if got == want:
                dates["exact"] += 1
            elif source == "today":
                dates["missing"] += 1
                listed["missing"].append(f"{key}: want {want}")
            else:
                dates["wrong"] += 1
                listed["wrong"].append(f"{key}: want {want}, got {got} from {source} ({detail})")
        if label.get("article_text"):
            numbers = [r.text for r in read_numbers(doc.text)]
            out, total = _outside(numbers, label["article_text"])
            wanted = [r.text for r in read_numbers(label["article_text"])]
            missed, _ = _outside(wanted, doc.text)
            outside_rows.append((out, total, missed, len(wanted)))
            if total and out / total > 0.15:
                listed["outside"].append(f"{key}: {out}/{total} outside")

    n_dated = sum(dates.values())
    print(f"pages read: {len(docs)} of {len(labels)}; problems: {len(problems)}")
    for line in problems:
        print("  ", line)
    if n_dated:
        print(
            f"as-of date on {n_dated} pages with a reference date: "
            + ", ".join(
                f"{k} {dates[k]} ({100 * dates[k] / n_dated:.1f}%)"
                for k in ("exact", "wrong", "missing")
            )
        )
    if outside_rows:
        out = sum(row[0] for row in outside_rows)
        total = sum(row[1] for row in outside_rows)
        shares = [row[0] / row[1] for row in outside_rows if row[1]]
        missed = sum(row[2] for row in outside_rows)
        wanted = sum(row[3] for row in outside_rows)
        print(
            f"numbers outside the article on {len(outside_rows)} pages with a reference text: "
            f"{out}/{total} ({100 * out / max(total, 1):.1f}%) pooled; median page "
            f"{100 * statistics.median(shares) if shares else 0:.1f}%"
        )
        print(
            f"reference numbers read: {wanted - missed}/{wanted} "
            f"({100 * (wanted - missed) / max(wanted, 1):.1f}%)"
        )
    print(
        f"reading: {len(docs) / max(read_time, 1e-9):.1f} pages per CPU-second "
        f"({read_time:.2f} s; CPU time: the machine may be shared)"
    )
    if not args.no_check and docs:
        from claims.check import CheckOptions, check_document
        from claims.rates import open_store

        store = open_store()
        options = CheckOptions(today=date(2026, 1, 1))
        t0 = time.process_time()
        for doc in docs:
            check_document(doc, store, options)
        spent = time.process_time() - t0 + read_time
        print(f"read + check: {len(docs) / spent:.1f} pages per CPU-second ({spent:.2f} s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB (all {len(docs)} documents kept by this scorer)")
    if args.htmldate:
        _score_htmldate(args.pages, labels)
    if args.main_text:
        _score_main_text(args.pages, labels)
    for what in args.list:
        print(f"{what}:")
        for line in listed[what]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
