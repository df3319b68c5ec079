"""A long run keeps memory flat: stories are read, checked, written and let go one at a time
(the runner and the reporters keep no sources; json and sarif keep only results)."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest

from claims.check import DocumentResult
from claims.report import reporter
from claims.runner import Checked, Settings, check_paths

PARAGRAPH = (
    "The council said on Monday that the new line, which runs along the coast for "
    "most of its length, would open next spring after years of delay. "
) * 60


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    (root / ".git").mkdir()
    for i in range(1000):
        (root / f"s{i:04d}.txt").write_text(f"Story {i}. {PARAGRAPH}\n", encoding="utf-8")
    return root


def fake_check(doc, store, options):
    """The check core stood in by a cheap one: this test is about the edge around it."""
    return DocumentResult(doc.path, options.today, "option")


def peak(paths, fmt: str) -> int:
    out = reporter(fmt)
    written = 0
    tracemalloc.start()
    try:
        for event in check_paths(
            paths, Settings(use_config=False), today=date(2025, 6, 30), store=object()
        ):
            assert isinstance(event, Checked)
            written += len(out.document(event.result))
        written += len(out.finish())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt, share", [("text", 0.05), ("jsonl", 0.05), ("json", 0.25)])
def test_memory_does_not_grow_with_the_number_of_stories(stories, monkeypatch, fmt, share):
    """Streaming formats stay flat; json keeps only results, far less than the sources."""
    monkeypatch.setattr("claims.check.check_document", fake_check)
    files = sorted(str(p) for p in stories.glob("*.txt"))
    few, many = peak(files[:100], fmt), peak(files, fmt)
    source_bytes = sum(len(PARAGRAPH) for _ in files)  # ~8 MB if every source were kept
    assert many < 1.5 * few + share * source_bytes, (few, many)
