"""The HTML report of the example stories in a real headless Chromium: it renders without
console errors or network requests, every finding is reachable by keyboard and opens its
evidence, clicking a highlight does too, the verdict filter works, and axe-core finds no
serious or critical accessibility violation. Screenshots go to pytest's tmp folder (printed).

Skipped, with the reason, without Playwright or Chromium (`apt-get install chromium`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from browser_helpers import axe_violations, browser_page, need_browser

ROOT = Path(__file__).resolve().parent.parent
STORIES = ["examples", "tests/fixtures/html_report", "--date", "2025-06-30"]  # all dated then


@pytest.fixture(scope="module")
def chromium():
    return need_browser()


@pytest.fixture(scope="module")
def report(rate_store, cache_dir, tmp_path_factory) -> Path:
    """`claims check --format html` over the README's example stories and the desk-mix ones."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "check",
            *STORIES,
            "--format",
            "html",
            "--cache-dir",
            str(cache_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # the stories have errors
    path = tmp_path_factory.mktemp("html-report") / "report.html"
    path.write_text(proc.stdout, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(cache_dir) -> list[dict]:
    """Every finding of the same stories, from the JSON format, in report order."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "check",
            *STORIES,
            "--format",
            "json",
            "--cache-dir",
            str(cache_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return [f for file in json.loads(proc.stdout)["files"] for f in file["findings"]]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _shot(page, shots: Path, name: str, capsys, locator=None) -> Path:
    path = shots / f"{name}.png"
    (locator or page).screenshot(path=str(path))
    with capsys.disabled():
        print(f"\n  screenshot: {path}")
    return path


def _open(page, report: Path) -> dict[str, list]:
    seen: dict[str, list] = {"console": [], "errors": [], "requests": []}
    page.on(
        "console",
        lambda m: (
            seen["console"].append(f"{m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return seen


def test_page_renders_every_finding_without_errors_or_network(
    chromium, report, expected, shots, capsys
):
    with browser_page(chromium) as page:
        seen = _open(page, report)
        assert seen["errors"] == [] and seen["console"] == []
        assert seen["requests"] == [report.as_uri()]  # nothing fetched but the page
        badges = page.locator("a.badge")
        assert badges.count() == len(expected) == 18
        marks = page.locator("mark.hl")
        assert marks.count() >= len(expected) - 1  # one per figure (some nest)
        for kind in ("error", "warning", "unverifiable", "ok", "suppressed"):
            assert page.locator(f"a.badge.v-{kind}").count() >= 1, kind
        # each highlighted stretch is the figure the finding names, in the story as shown
        for n, finding in enumerate(expected):
            badge_id = badges.nth(n).get_attribute("id")
            shown = page.evaluate(
                """id => Array.from(document.querySelectorAll('mark.hl'))
                .filter(m => m.dataset.badges.split(' ').includes(id))
                .map(m => m.textContent).join('')""",
                badge_id,
            )
            assert " ".join(shown.split()) == " ".join(finding["text"].split())
        assert page.locator("text=Show findings").is_visible()
        _shot(page, shots, "report-top", capsys)


def test_every_finding_is_reachable_by_keyboard_and_opens_its_evidence(
    chromium, report, shots, capsys
):
    with browser_page(chromium) as page:
        _open(page, report)
        ids = page.eval_on_selector_all("a.badge", "els => els.map(e => e.id)")
        reached, panels = [], {}
        page.locator("body").focus()
        for _ in range(len(ids) + 40):  # badges, filters, story links
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.id")
            if focused in ids and focused not in reached:
                reached.append(focused)
                panel = page.evaluate(
                    """id => { const b = document.getElementById(id);
                    const p = document.getElementById(b.dataset.panel);
                    return [p.dataset.finding, p.querySelector('.panel-body').innerText]; }""",
                    focused,
                )
                panels[focused] = panel
        assert reached == ids  # all of them, in reading order
        for badge_id, (finding_id, text) in panels.items():
            assert finding_id == "f-" + badge_id[2:]
            assert "Claim as read" in text
        page.locator("#" + ids[0]).focus()
        _shot(page, shots, "keyboard-focus-first-finding", capsys)


def test_clicking_a_highlight_shows_its_evidence_with_the_rate_chart(
    chromium, report, shots, capsys
):
    with browser_page(chromium, height=1100) as page:
        _open(page, report)
        error = page.locator("mark.hl.v-error", has_text="$62.29 billion").first
        error.click()
        badge_id = page.evaluate("document.activeElement.id")
        panel = page.locator(f"#{page.locator('#' + badge_id).get_attribute('data-panel')}")
        text = panel.inner_text()
        for needed in (
            "Claim as read",
            "100 trillion won ($62.29 billion)",
            "Expected",
            "$73.79 billion",
            "Acceptable range",
            "$70.961 billion to $74.904 billion",
            "Rate",
            "1 USD = 1,355.13 KRW, fixing of 2025-06-30",
            "ECB euro reference rate",
            "Diagnosis",
            "Story implies",
        ):
            assert needed in text, needed
        chart = panel.locator("svg.chart")
        assert chart.is_visible()
        assert "the story implies 1 USD = 1,605.39 KRW" in chart.get_attribute("aria-label")
        assert (
            chart.locator("circle.fix").count() >= 10 and chart.locator("line.implied").count() == 1
        )
        _shot(page, shots, "evidence-panel-with-chart", capsys, panel)


def test_filter_by_verdict_hides_and_shows_findings(chromium, report, shots, capsys):
    with browser_page(chromium) as page:
        _open(page, report)
        total = page.locator("a.badge").count()
        oks = page.locator("a.badge.v-ok").count()
        page.locator("fieldset.filter input[data-kind=ok]").uncheck()
        assert page.locator("a.badge.v-ok:visible").count() == 0
        assert page.locator("a.badge:visible").count() == total - oks
        assert (
            page.locator("#filter-status").inner_text()
            == f"{total - oks} of {total} findings shown"
        )
        assert page.locator("ol.findings li.v-ok:visible").count() == 0
        assert page.locator("mark.hl.v-ok").count() == 0  # their highlights fade too
        _shot(page, shots, "filter-without-ok", capsys)
        page.locator("fieldset.filter input[data-kind=ok]").check()
        assert page.locator("a.badge:visible").count() == total


def test_no_serious_accessibility_violations(chromium, report, shots):
    with browser_page(chromium) as page:
        _open(page, report)
        page.locator("a.badge").first.focus()  # with the panel filled, too
        violations = axe_violations(page)
        (shots / "axe-violations.json").write_text(json.dumps(violations, indent=2))
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], json.dumps(serious, indent=2)[:3000]


def test_service_form_page_shows_the_report(
    chromium, rate_store, cache_dir, tmp_path, shots, capsys
):
    """`GET /v1/report` on the running service: paste a story, press Check, see the report."""
    from serve_helpers import need_serve_extra, running_server

    need_serve_extra()
    story = (ROOT / "examples" / "wrong-figures.txt").read_text(encoding="utf-8")
    with (
        running_server(tmp_path, cache_dir, "--workers", "1") as srv,
        browser_page(chromium, height=1000) as page,
    ):
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{srv.url}/v1/report")
        page.locator("#story").fill(story)
        page.locator("button[type=submit]").click()
        page.locator("#report").wait_for(state="visible", timeout=30000)
        frame = page.frame_locator("#report")
        assert frame.locator("a.badge.v-error").count() == 2
        frame.locator("a.badge").first.focus()
        assert "Claim as read" in frame.locator(".panel-body").first.inner_text()
        assert page.locator("#status").inner_text() == "Done."
        assert errors == []
        _shot(page, shots, "service-form-with-report", capsys)
