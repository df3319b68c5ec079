"""``claims check`` and ``claims extract``: find the stories, read them, check, print."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from claims.cli._common import (EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_cache_dir, iso_date,
                                store_dir)

STORY_EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".txt")
MAX_STORY_BYTES = 64 * 1024 * 1024


def _add_documents_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders (walked for .md .markdown .html .htm .txt), globs, "
                        "or - for stdin")
    p.add_argument("--input-format", choices=["text", "markdown", "html"],
                   help="read every input as this format (default: by extension)")
    p.add_argument("--dollar", metavar="CODE", help='what a bare "$" means (default: USD)')
    p.add_argument("--config", metavar="FILE",
                   help="use this .claims.toml or pyproject.toml instead of searching upward")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    add_cache_dir(p)


def add_extract(sub) -> None:
    p = sub.add_parser("extract", help="list money figures and stated conversions")
    p.add_argument("--format", default="text", choices=["text", "json"])
    _add_documents_options(p)
    p.set_defaults(run=cmd_extract)


def add_check(sub) -> None:
    from claims.report import FORMATS

    p = sub.add_parser("check", help="check the numbers in stories")
    p.add_argument("--date", help="as-of date YYYY-MM-DD (default: the story's own date, else today)")
    p.add_argument("--format", choices=list(FORMATS),
                   help="output format (default: text, or `format` in .claims.toml)")
    p.add_argument("--fail-on", choices=["error", "warning", "never"],
                   help="exit 1 when a finding reaches this verdict (default: error)")
    add_judging_options(p)
    _add_documents_options(p)
    p.set_defaults(run=cmd_check)


def add_judging_options(p) -> None:
    """How figures are judged: shared by ``check`` and ``batch``."""
    p.add_argument("--window-days", type=int, metavar="N",
                   help="reference days before the as-of date (default: 7)")
    p.add_argument("--margin-pct", metavar="PCT",
                   help="allowance for a desk's market rate, in percent (default: 1)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODE",
                   help="never report this finding code (repeatable)")


def _stories_in(folder: str) -> list[str]:
    """Story files under ``folder``, sorted, hidden folders skipped."""
    import os

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files)
                     if f.lower().endswith(STORY_EXTENSIONS) and not f.startswith("."))
    return found


def _expand(paths: Sequence[str], problems: list[str]) -> list[str]:
    """PATH arguments -> story names: ``-``, files, folders walked, globs the shell left alone."""
    import glob
    import os

    names: list[str] = []
    for raw in paths:
        if raw == "-" or os.path.isfile(raw):
            names.append(raw)
        elif os.path.isdir(raw):
            found = _stories_in(raw)
            if not found:
                problems.append(f"{raw}: no stories ({' '.join(STORY_EXTENSIONS)}) in this folder")
            names.extend(found)
        elif glob.has_magic(raw):
            matched = sorted(glob.glob(raw, recursive=True))
            found = [m for m in matched if os.path.isfile(m)]
            found += [s for m in matched if os.path.isdir(m) for s in _stories_in(m)]
            if not found:
                problems.append(f"{raw}: no files match")
            names.extend(found)
        else:
            problems.append(f"{raw}: no such file or folder")
    seen: set[str] = set()
    unique = []
    for name in names:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def _load(name: str, input_format: str | None, problems: list[str]):
    """The Document for one name, or None with a one-line problem recorded."""
    from claims.documents import load_document
    from claims.errors import InputError

    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_STORY_BYTES + 1)
        else:
            with open(name, "rb") as fh:
                data = fh.read(MAX_STORY_BYTES + 1)
        if len(data) > MAX_STORY_BYTES:
            raise InputError(f"{name}: larger than {MAX_STORY_BYTES // (1024 * 1024)} MB; "
                             "not a story")
        return load_document(name, data, input_format)
    except OSError as exc:
        problems.append(f"{name}: cannot read: {exc.strerror or exc}")
    except InputError as exc:
        problems.append(str(exc))
    return None


class _Configs:
    """Configuration per story folder (searched upward once per folder), or one forced file."""

    def __init__(self, args: argparse.Namespace) -> None:
        from pathlib import Path

        self.explicit = Path(args.config) if getattr(args, "config", None) else None
        self.disabled = getattr(args, "no_config", False)
        self.cache: dict[str, object] = {}

    def for_story(self, name: str):
        import os
        from pathlib import Path

        from claims.config import Config, load_config, resolve

        if self.disabled:
            return Config()
        if self.explicit is not None:
            if "explicit" not in self.cache:
                self.cache["explicit"] = load_config(self.explicit)
            return self.cache["explicit"]
        folder = os.path.dirname(os.path.abspath(name)) if name != "-" else os.getcwd()
        if folder not in self.cache:
            self.cache[folder] = resolve(Path(folder))
        return self.cache[folder]


def _report_problems(problems: list[str]) -> None:
    for line in problems:
        sys.stderr.write(f"claims: {line}\n")


def _dollar(args: argparse.Namespace, cfg) -> str:
    from claims.errors import ConfigError

    dollar = (args.dollar or cfg.dollar or "USD").strip().upper()
    if len(dollar) != 3 or not dollar.isalpha() or not dollar.isascii():
        raise ConfigError(f"--dollar: must be a three-letter ISO 4217 code (got {args.dollar!r})")
    return dollar


def cmd_extract(args: argparse.Namespace) -> int:
    from claims.extract import extract
    from claims.report.extraction import render_json, render_text

    problems: list[str] = []
    configs = _Configs(args)
    items = []
    for name in _expand(args.paths, problems):
        doc = _load(name, args.input_format, problems)
        if doc is not None:
            items.append((doc, extract(doc.text, dollar=_dollar(args, configs.for_story(name)),
                                       soft_breaks=doc.soft_breaks)))
    if items:
        sys.stdout.write(render_json(items) if args.format == "json" else render_text(items))
    _report_problems(problems)
    return EXIT_USAGE if problems else EXIT_OK


def _check_options(args: argparse.Namespace, cfg, today, as_of):
    from decimal import Decimal, InvalidOperation

    from claims.check import ALL_CHECKS, CheckOptions
    from claims.errors import ConfigError

    window = args.window_days if args.window_days is not None else cfg.window_days
    if window is not None and not 0 <= window <= 366:
        raise ConfigError(f"--window-days: must be from 0 to 366 (got {window})")
    margin = cfg.margin_pct
    if args.margin_pct is not None:
        try:
            margin = Decimal(args.margin_pct)
        except InvalidOperation:
            margin = Decimal("NaN")
        if not margin.is_finite() or not 0 <= margin <= 50:
            raise ConfigError(f"--margin-pct: must be a number from 0 to 50 (got {args.margin_pct!r})")
    ignore = frozenset(cfg.ignore) | frozenset(c.strip().upper() for c in args.ignore)
    return CheckOptions(today=today, as_of=as_of,
                        window_days=7 if window is None else window,
                        margin_pct=Decimal("1") if margin is None else margin,
                        dollar=_dollar(args, cfg),
                        checks=frozenset(cfg.checks) if cfg.checks else ALL_CHECKS,
                        ignore_codes=ignore)


def cmd_check(args: argparse.Namespace) -> int:
    import os
    from datetime import date

    from claims.check import check_document
    from claims.rates import open_store
    from claims.report import render

    as_of = iso_date(args.date, "--date") if args.date else None
    today = date.today()                      # the one place the clock is read
    problems: list[str] = []
    configs = _Configs(args)
    names = _expand(args.paths, problems)
    first = configs.for_story(names[0] if names else "-")
    fmt = args.format or first.format or "text"
    store = None
    results, failing = [], False
    for name in names:
        doc = _load(name, args.input_format, problems)
        if doc is None:
            continue
        cfg = configs.for_story(name)
        options = _check_options(args, cfg, today, as_of)
        if store is None:
            store = open_store(store_dir(args))
        result = check_document(doc, store, options)
        results.append(result)
        threshold = {"error": 2, "warning": 1}.get(args.fail_on or cfg.fail_on or "error")
        if threshold is not None and any(
                not f.suppressed and f.verdict.severity >= threshold for f in result.findings):
            failing = True
    color = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if results or fmt in ("json", "sarif"):
        sys.stdout.write(render(fmt, results, color=color))
    _report_problems(problems)
    if problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK
