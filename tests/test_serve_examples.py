"""The WordPress plugin and the Google Docs script in examples/, run against the real service
on 127.0.0.1 with stand-ins for the WordPress and Apps Script functions they call (PHP and
Node.js from the system; skipped, saying which, when either is missing)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from serve_helpers import ROOT, need_serve_extra, running_server

need_serve_extra()

PLUGIN = ROOT / "examples" / "wordpress" / "claims-check"
DOCS = ROOT / "examples" / "google-docs"


def _need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (apt-get install {package})")
    return found


@pytest.fixture(scope="module")
def server(rate_store, cache_dir, tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("examples"), cache_dir, "--workers", "1") as srv:
        yield srv


def test_plugin_and_script_parse():
    php, node = _need("php", "php-cli"), _need("node", "nodejs")
    lint = subprocess.run(
        [php, "-l", str(PLUGIN / "claims-check.php")], capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    for script in (PLUGIN / "pre-publish.js",):
        check = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    json.loads((DOCS / "appsscript.json").read_text(encoding="utf-8"))


def test_wordpress_plugin_holds_back_a_post_with_wrong_figures(server, tmp_path):
    php = _need("php", "php-cli")
    post = tmp_path / "post.html"
    post.write_text(
        "<!-- wp:paragraph --><p>SEOUL &ndash; Lee plans to invest 100 trillion won "
        "($62.29 billion) in AI.</p><!-- /wp:paragraph -->",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [
            php,
            str(ROOT / "tests" / "fixtures" / "wordpress" / "harness.php"),
            server.url,
            str(post),
            "2025-06-30",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] == "pending"  # held, not published
    (problem,) = out["notice"]["problems"]
    assert problem["code"] == "CUR001" and problem["expected"] == "$73.79 billion"
    assert out["meta"] == out["notice"]["problems"]
    assert out["rest"]["failed"] is True and out["rest"]["summary"]["error"] == 1


def test_wordpress_plugin_publishes_a_right_post(server, tmp_path):
    php = _need("php", "php-cli")
    post = tmp_path / "post.html"
    post.write_text(
        "<p>Lee plans to invest 100 trillion won ($72.29 billion) in AI.</p>", encoding="utf-8"
    )
    proc = subprocess.run(
        [
            php,
            str(ROOT / "tests" / "fixtures" / "wordpress" / "harness.php"),
            server.url,
            str(post),
            "2025-06-30",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = json.loads(proc.stdout)
    assert out["status"] == "publish" and out["notice"]["problems"] == []


def test_google_docs_script_highlights_and_lists_the_findings(server):
    node = _need("node", "nodejs")
    proc = subprocess.run(
        [
            node,
            str(ROOT / "tests" / "fixtures" / "google_docs" / "harness.js"),
            server.url,
            str(ROOT / "examples" / "wrong-figures.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["findings"] == 2
    assert [h["text"] for h in out["highlights"]] == [
        "100 trillion won ($62.29 billion)",
        "942 million Norwegian kroner ($93.52 billion)",
    ]
    assert {h["colour"] for h in out["highlights"]} == {"#FBE3D6"}
    assert out["sidebar"].count("\u2716 error CUR001") == 2
    assert "Expected: $73.79 billion" in out["sidebar"] and "<script" not in out["sidebar"]
