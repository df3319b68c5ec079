"""Compare the HTML reader with its former ``html.parser`` version on real pages.

Run from the checkout: ``python tools/compare_html_readers.py [PAGES_DIR]``. For every page of
../shared/pages (``html/**/*.html.gz``) both readers (``claims.html_text.HtmlText`` and
``tools/html_reader_reference.py``) read the decoded page, in both modes (whole reading and
the Markdown ``data_only`` mode); prints the pages where text, offsets, element records, date
metas, JSON-LD, ``<time>``s or data ranges differ, and each reader's pages per CPU-second.
Runs only when the pages folder exists.
"""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def main(argv: list[str]) -> int:
    import html_reader_reference as old
    from score_pages import DEFAULT_PAGES

    from claims.documents import decode
    from claims.html_text import HtmlText

    pages = Path(argv[0]) if argv else DEFAULT_PAGES
    files = sorted((pages / "html").rglob("*.html.gz"))
    if not files:
        print(f"compare_html_readers: no pages at {pages}; nothing to do")
        return 0
    differ, spent = [], {"new": 0.0, "old": 0.0}
    for path in files:
        source = decode(path.name[:-3], gzip.decompress(path.read_bytes()), "html")
        for data_only in (False, True):
            got = {}
            for name, reader in (("new", HtmlText), ("old", old.HtmlText)):
                t0 = time.process_time()
                parsed = reader(source, data_only=data_only)
                if not data_only:
                    spent[name] += time.process_time() - t0
                got[name] = old.snapshot(parsed)
            if got["new"] != got["old"]:
                fields = [
                    f
                    for f, a, b in zip(
                        (
                            "text",
                            "offsets",
                            "nodes",
                            "metas",
                            "ld_json",
                            "times",
                            "overflow",
                            "data_ranges",
                        ),
                        got["new"],
                        got["old"],
                        strict=False,
                    )
                    if a != b
                ]
                differ.append(
                    f"{path.relative_to(pages)} (data_only={data_only}): {', '.join(fields)}"
                )
    print(f"{len(files)} pages; {len(differ)} readings differ")
    for line in differ:
        print("  ", line)
    for name in ("new", "old"):
        print(f"{name} reader: {len(files) / max(spent[name], 1e-9):.1f} pages per CPU-second")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
