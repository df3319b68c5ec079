"""Build step (setuptools ``build_py``): ship ``rates_cache/``'s read-only files in the package.

Copies ``rates_cache/*.csv|*.json|*.md`` to ``claims/_rates_data/`` in the build tree, so an
installed ``claims`` finds its pegs and source notes (``locations.data_dir``). The writable
database is never copied. Loaded by setuptools from pyproject's ``[tool.setuptools.cmdclass]``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

_SHIPPED = ("*.csv", "*.json", "*.md")


class BuildPy(build_py):
    """The standard build_py, then the rates_cache data files."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parents[2] / "rates_cache"
        if not (source / "pegs.csv").is_file():
            raise FileNotFoundError(f"{source / 'pegs.csv'} is missing: cannot build claims")
        target = Path(self.build_lib) / "claims" / "_rates_data"
        target.mkdir(parents=True, exist_ok=True)
        for pattern in _SHIPPED:
            for path in sorted(source.glob(pattern)):
                shutil.copyfile(path, target / path.name)
