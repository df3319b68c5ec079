"""The pre-commit hook, run by the real pre-commit framework in a temporary newsroom repository.

pre-commit installs the hook from a git repository. So that the test sees the working tree
(and never writes to the checkout's own git), the checkout's files are copied to a temporary
folder and committed there; the newsroom repository points its ``.pre-commit-config.yaml`` at that copy.
pre-commit then pip-installs the project and its dependencies into its own environment under
a private ``PRE_COMMIT_HOME`` (this needs the package index; the first run takes a minute).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claims import __version__

pytest.importorskip("pre_commit", reason="pre-commit is not installed")
if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
GIT_ENV = {
    "GIT_AUTHOR_NAME": "claims tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "claims tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}

BAD_STORY = """---
date: 2025-06-30
---
# Lee turns to technocrats

President Lee Jae Myung sent a clear signal Monday.

Lee has announced plans to invest over 100 trillion won ($62.29 billion) in public-private funds.
"""
GOOD_STORY = BAD_STORY.replace("$62.29 billion", "$72.29 billion")


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, cache_dir):
    """(repository folder, environment) with the hook configured from a copy of this checkout."""
    base = tmp_path_factory.mktemp("precommit")
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(base / "pre-commit-home"),
        "CLAIMS_CACHE_DIR": str(cache_dir),
        "HOME": str(base / "home"),
        "NO_COLOR": "1",
    }
    (base / "home").mkdir()
    src = base / "claims-src"
    # The working tree as git would see it (tracked and new files, .gitignore honoured), read
    # with a read-only git command; the checkout's own repository is never written to.
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    for rel in filter(None, listed.split("\0")):
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    git("init", "-q", cwd=src, env=env)
    git("add", "-A", cwd=src, env=env)
    git("commit", "-q", "-m", "snapshot for the pre-commit test", cwd=src, env=env)
    git("tag", f"v{__version__}", cwd=src, env=env)  # the release the README names

    repo = base / "newsroom"
    repo.mkdir()
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        readme_snippet().replace("https://github.com/OWNER/claims", src.as_posix()),
        encoding="utf-8",
    )
    (repo / "bad.md").write_text(BAD_STORY, encoding="utf-8")
    (repo / "good.md").write_text(GOOD_STORY, encoding="utf-8")
    (repo / "notes.py").write_text(f"# {BAD_STORY.splitlines()[-1]}\n", encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    return repo, env


def readme_snippet() -> str:
    """The README's .pre-commit-config.yaml, exactly as a newsroom would paste it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```", readme, re.S)
    return block


def test_readme_snippet_names_this_release():
    import yaml  # pre-commit depends on PyYAML

    (repo,) = yaml.safe_load(readme_snippet())["repos"]
    assert repo["rev"] == f"v{__version__}" and repo["hooks"][0]["id"] == "claims"


def pre_commit(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "claims", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


def test_hook_fails_on_a_wrong_conversion_with_its_position(newsroom):
    repo, env = newsroom
    proc = pre_commit(repo, env, "bad.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Failed" in output and "bad.md:8:" in output, output
    assert "Traceback" not in output, output


def test_hook_passes_a_clean_story_and_skips_other_text_files(newsroom):
    repo, env = newsroom
    proc = pre_commit(repo, env, "good.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Passed" in output, output
    proc = pre_commit(repo, env, "notes.py")
    assert proc.returncode == 0 and "no files to check" in proc.stdout, proc.stdout + proc.stderr


def test_hook_definition():
    import yaml  # pre-commit depends on PyYAML

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (
        hook["id"] == "claims" and hook["entry"] == "claims check" and hook["args"] == ["--quiet"]
    )
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
