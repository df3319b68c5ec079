"""Headless Chromium for the HTML-report tests: the system's browser driven by Playwright.

No browser is downloaded: Playwright drives Debian's ``chromium`` (``apt-get install
chromium``), or the executable named by ``CLAIMS_CHROMIUM``. Tests skip, saying what is
missing, when either is absent. Flags: those that work on a closed, sandboxed machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parent / "fixtures" / "axe" / "axe.min.js"


def chromium_path() -> str | None:
    """The Chromium to drive: $CLAIMS_CHROMIUM, else chromium on PATH, else None."""
    named = os.environ.get("CLAIMS_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def need_browser() -> str:
    """Skip (with the reason) unless Playwright and a Chromium are installed; the path."""
    import pytest

    pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is not installed: pip install '.[test-serve]'",
        exc_type=ImportError,
    )
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium, or set CLAIMS_CHROMIUM)")
    return path


@contextmanager
def browser_page(executable: str, *, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A fresh Chromium (own profile folder) with one page; closed however the block ends."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="claims-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path=executable,
                args=FLAGS,
                headless=True,
                viewport={"width": width, "height": height},
            )
            try:
                yield context.pages[0] if context.pages else context.new_page()
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run the vendored axe-core on the page; every violation with its impact and nodes."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' '))}));
    }""")
    return list(result)
