"""Measure a fresh install of a built wheel: seconds, installed size, distributions, first run.

    python -m pip wheel . --no-deps -w dist
    python tools/measure_install.py dist/news_claims-*.whl            # the default install
    python tools/measure_install.py 'dist/news_claims-*.whl[online]'  # with an extra

Each run makes a new virtual environment in a temporary folder, installs the wheel with pip's
cache off (so every run downloads or copies the same files), and prints one line per figure.
The size is that of site-packages minus an empty environment's (pip and setuptools). It then
checks the bundled example story from that environment, cold, and says which modules of
Babel, forex-python and requests the check imported (none are needed on the default path).
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import sys, runpy; sys.argv = ['claims', 'check', {story!r}, '--date', '2025-06-30', "
    "'--cache-dir', {cache!r}, '--format', 'line']\n"
    "try:\n    runpy.run_module('claims', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {{'babel', 'forex_python', "
    "'requests', 'pint'}})\nprint('imported:', ' '.join(heavy) or 'none of babel, "
    "forex_python, requests, pint', file=sys.stderr)\n"
)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(spec: str) -> int:
    wheel, _, extras = spec.partition("[")
    matches = sorted(glob.glob(wheel))
    if not matches:
        print(f"no wheel matches {wheel}", file=sys.stderr)
        return 2
    target = matches[-1] + (f"[{extras}" if extras else "")
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        py = env_dir / "bin" / "python"
        site = Path(
            subprocess.check_output(
                [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
            ).strip()
        )
        empty = _size(site)
        before = set(
            subprocess.check_output([py, "-m", "pip", "list", "--format=freeze"], text=True).split()
        )
        env = {**os.environ, "PIP_NO_CACHE_DIR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        start = time.perf_counter()
        subprocess.run([py, "-m", "pip", "install", "-q", target], check=True, env=env)
        seconds = time.perf_counter() - start
        after = set(
            subprocess.check_output([py, "-m", "pip", "list", "--format=freeze"], text=True).split()
        )
        added = sorted(after - before)
        print(f"install:  {seconds:.1f} s for {target}")
        print(f"size:     {(_size(site) - empty) / 1e6:.1f} MB in site-packages")
        print(f"packages: {len(added)}: {' '.join(a.split('==')[0] for a in added)}")
        cache = Path(tmp) / "rates"
        probe = PROBE.format(
            story=str(ROOT / "examples" / "korea-herald-june-2025.txt"), cache=str(cache)
        )
        for label in ("first run (builds the rate store)", "second run"):
            start = time.perf_counter()
            proc = subprocess.run([py, "-c", probe], capture_output=True, text=True, cwd=tmp)
            took = time.perf_counter() - start
            print(
                f"{label}: {took:.2f} s, exit {proc.returncode}; "
                f"{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''}"
            )
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
