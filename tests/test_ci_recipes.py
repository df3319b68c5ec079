"""The CI recipes, run as far as they can be offline: the composite GitHub Action (action.yml)
and the GitLab job (ci/claims.gitlab-ci.yml). Their shell steps run in bash against this
checkout; `claims rates update` (the network) is replaced by a stand-in that fails, which the
recipes must survive. The package index and the runners themselves are not touched."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML is a test dependency")
if shutil.which("bash") is None:  # pragma: no cover
    pytest.skip("bash is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
BAD = "Lee plans to invest over 100 trillion won ($62.29 billion).\n"
SHIM = f"""#!/bin/sh
# `claims` from this checkout; `claims rates update` stands in for an unreachable ECB.
if [ "$1" = rates ] && [ "$2" = update ]; then
  echo "update asked with CLAIMS_CACHE_DIR=$CLAIMS_CACHE_DIR" >> "$SHIM_LOG"
  echo "claims: cannot reach the ECB (test stand-in)" >&2
  exit 2
fi
echo "claims $*" >> "$SHIM_LOG"
PYTHONPATH={ROOT} exec {sys.executable} -m claims "$@"
"""


@pytest.fixture()
def workspace(tmp_path, cache_dir, rate_store):
    """A repository with one story, a restored rate store, and `claims` on PATH."""
    repo = tmp_path / "repo"
    (repo / "content" / "2025").mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "content" / "2025" / "lee.md").write_text(
        "---\ndate: 2025-06-30\n---\n" + BAD, encoding="utf-8"
    )
    (repo / "README.md").write_text("Nothing here.\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "claims").write_text(SHIM, encoding="utf-8")
    (bin_dir / "claims").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CLAIMS_", "CI"))}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        SHIM_LOG=str(tmp_path / "log"),
        NO_COLOR="1",
    )
    return repo, env, tmp_path


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


# ------------------------------------------------------------------ the GitHub Action

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def expand(value: str, context: dict[str, str]) -> str:
    """GitHub's ``${{ a.b }}`` expressions, for the few this action uses."""
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: context[m[1]], value)


def step(name: str) -> dict:
    (found,) = [s for s in ACTION["runs"]["steps"] if s.get("name") == name]
    return found


def test_action_is_composite_and_keeps_inputs_out_of_scripts():
    assert ACTION["runs"]["using"] == "composite"
    used = set()
    for s in ACTION["runs"]["steps"]:
        assert "${{" not in s.get("run", ""), f"expression pasted into a script: {s.get('name')}"
        text = json.dumps(s)
        used |= set(re.findall(r"inputs\.([\w-]+)", text))
        if "run" in s:
            assert s["shell"] == "bash"
    assert used == set(ACTION["inputs"])
    names = [s.get("name") for s in ACTION["runs"]["steps"]]
    assert names.index("Update the rate store") < names.index("Check the stories")


def run_action_step(name: str, workspace, **inputs: str) -> subprocess.CompletedProcess:
    repo, env, tmp = workspace
    context = {f"inputs.{k}": v["default"] for k, v in ACTION["inputs"].items()}
    context.update({f"inputs.{k.replace('_', '-')}": v for k, v in inputs.items()})
    context.update(
        {
            "runner.temp": str(tmp / "runner-temp"),
            "github.action_path": str(ROOT),
            "runner.os": "Linux",
            "github.run_id": "1",
        }
    )
    s = step(name)
    step_env = {
        **env,
        **{k: expand(str(v), context) for k, v in s.get("env", {}).items()},
        "GITHUB_OUTPUT": str(tmp / "github-output"),
        "GITHUB_STEP_SUMMARY": str(tmp / "step-summary.md"),
    }
    return bash(s["run"], repo, step_env)


def test_action_check_step_annotates_writes_sarif_and_fails(workspace, cache_dir):
    repo, _, tmp = workspace
    shutil.copytree(cache_dir, tmp / "runner-temp" / "claims-rates")  # as the cache restores it
    proc = run_action_step(
        "Check the stories", workspace, paths="content/**/*.md README.md", sarif_file="claims.sarif"
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("::error file=content/2025/lee.md,line=4,")
    assert json.loads((repo / "claims.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert (tmp / "github-output").read_text() == "exit-code=1\n"
    assert "| content/2025/lee.md | 4 |" in (tmp / "step-summary.md").read_text("utf-8")
    log = (tmp / "log").read_text()
    assert "content/**/*.md README.md" in log  # the glob reached claims unexpanded


def test_action_update_step_survives_an_unreachable_ecb(workspace):
    _, _, tmp = workspace
    proc = run_action_step("Update the rate store", workspace)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("::warning title=claims::rates update failed")
    assert f"CLAIMS_CACHE_DIR={tmp / 'runner-temp' / 'claims-rates'}" in (tmp / "log").read_text()


def test_action_clean_story_passes(workspace, cache_dir):
    repo, _, tmp = workspace
    shutil.copytree(cache_dir, tmp / "runner-temp" / "claims-rates")
    (repo / "content" / "2025" / "lee.md").write_text(
        "---\ndate: 2025-06-30\n---\n" + BAD.replace("62.29", "73.79"), encoding="utf-8"
    )
    proc = run_action_step("Check the stories", workspace, paths="content/")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp / "github-output").read_text() == "exit-code=0\n"


# ------------------------------------------------------------------ the GitLab job

GITLAB = yaml.safe_load((ROOT / "ci" / "claims.gitlab-ci.yml").read_text(encoding="utf-8"))


def test_gitlab_job_caches_the_store_updates_then_checks(workspace, cache_dir):
    repo, env, tmp = workspace
    job = GITLAB["claims"]
    assert {"paths": [".claims-rates/"], "key": "claims-rates"} in job["cache"]
    variables = {**job["variables"], "CLAIMS_PATHS": "content/"}
    script = "\n".join(line for line in job["script"] if "pip install" not in line)
    shutil.copytree(cache_dir, repo / ".claims-rates")  # as the cache restores it
    job_env = {**env, "CI_PROJECT_DIR": str(repo)}
    job_env.update(
        {
            k: os.path.expandvars(v.replace("$CI_PROJECT_DIR", str(repo)))
            for k, v in variables.items()
        }
    )
    proc = bash(script, repo, job_env)
    assert proc.returncode == 1, proc.stderr
    assert "content/2025/lee.md:4:" in proc.stdout and "cannot reach the ECB" in proc.stderr
    for artifact in job["artifacts"]["paths"]:
        json.loads((repo / artifact).read_text("utf-8"))
    log = (tmp / "log").read_text().splitlines()
    assert log[0] == f"update asked with CLAIMS_CACHE_DIR={repo / '.claims-rates'}"
    assert log[1].startswith("claims check --format text --format sarif=claims.sarif")
