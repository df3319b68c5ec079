"""The `claims` command line, as the design card names it: a thin shim over ``claims.cli``.

``python cli.py ...`` and ``python -m cli ...`` from a checkout run the same command as the
installed ``claims`` (``claims.cli:main``, also ``python -m claims``); this file is not installed.
"""

import sys

from claims.cli import main

if __name__ == "__main__":
    sys.exit(main())
