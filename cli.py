"""The `claims` command line: parse options, call the core, print, exit.

Exit codes are the contract: 0 clean, 1 findings at or above --fail-on, 2 usage or input
error (one line on stderr, never a traceback). Nothing below this module prints or exits.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3          # a bug in claims itself: one line, and a request to report it


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"claims: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="rate store folder (default: $CLAIMS_CACHE_DIR, rates_cache/ in a "
                             "checkout, else the user cache directory)")


# ---------------------------------------------------------------- extract / check (documents)

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
    _common(p)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="list money figures and stated conversions")
    p.add_argument("--format", default="text", choices=["text", "json"])
    _add_documents_options(p)
    p.set_defaults(run=cmd_extract)


def _add_check(sub) -> None:
    from claims.report import FORMATS

    p = sub.add_parser("check", help="check the numbers in stories")
    p.add_argument("--date", help="as-of date YYYY-MM-DD (default: the story's own date, else today)")
    p.add_argument("--format", choices=list(FORMATS),
                   help="output format (default: text, or `format` in .claims.toml)")
    p.add_argument("--fail-on", choices=["error", "warning", "never"],
                   help="exit 1 when a finding reaches this verdict (default: error)")
    p.add_argument("--window-days", type=int, metavar="N",
                   help="reference days before the as-of date (default: 7)")
    p.add_argument("--margin-pct", metavar="PCT",
                   help="allowance for a desk's market rate, in percent (default: 1)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODE",
                   help="never report this finding code (repeatable)")
    _add_documents_options(p)
    p.set_defaults(run=cmd_check)


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
            items.append((doc, extract(doc.text, dollar=_dollar(args, configs.for_story(name)))))
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

    as_of = _iso_date(args.date, "--date") if args.date else None
    today = date.today()                      # the one place the clock is read
    problems: list[str] = []
    configs = _Configs(args)
    names = _expand(args.paths, problems)
    first = configs.for_story(names[0] if names else "-")
    fmt = args.format or first.format or "text"
    store = None
    results, sources, failing = [], {}, False
    for name in names:
        doc = _load(name, args.input_format, problems)
        if doc is None:
            continue
        cfg = configs.for_story(name)
        options = _check_options(args, cfg, today, as_of)
        if store is None:
            store = open_store(_store_dir(args))
        result = check_document(doc, store, options)
        results.append(result)
        sources.setdefault(doc.path, doc.source)
        threshold = {"error": 2, "warning": 1}.get(args.fail_on or cfg.fail_on or "error")
        if threshold is not None and any(
                not f.suppressed and f.verdict.severity >= threshold for f in result.findings):
            failing = True
    color = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if results or fmt in ("json", "sarif"):
        sys.stdout.write(render(fmt, results, color=color, sources=sources))
    _report_problems(problems)
    if problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


# ---------------------------------------------------------------- rates

def _add_rates(sub) -> None:
    p = sub.add_parser("rates", help="the local rate store")
    rsub = p.add_subparsers(dest="rates_command", required=True, parser_class=_Parser)
    show = rsub.add_parser("show", help="the reference rate for a pair on a date")
    show.add_argument("base")
    show.add_argument("quote")
    show.add_argument("--date", required=True, help="YYYY-MM-DD")
    show.add_argument("--format", default="text", choices=["text", "json"],
                      help="json: Rate fields, value as a decimal string")
    show.add_argument("--online", action="store_true",
                      help="when the store has no rate, ask forex-python's web service")
    show.add_argument("--timeout", type=float, default=5.0, metavar="S",
                      help="seconds to wait for --online (default 5)")
    _common(show)
    show.set_defaults(run=cmd_rates_show)
    info = rsub.add_parser("info", help="sources, currencies and where the store lives")
    info.add_argument("--format", default="text", choices=["text", "json"])
    _common(info)
    info.set_defaults(run=cmd_rates_info)
    update = rsub.add_parser("update", help="download the ECB history and swap it in")
    update.add_argument("--url", help="where to download from (default: the ECB's own URL)")
    update.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="seconds per network read (default 30; 4x that in total)")
    update.add_argument("--force", action="store_true",
                        help="accept a history that covers fewer days than the one held")
    _common(update)
    update.set_defaults(run=cmd_rates_update)
    imp = rsub.add_parser("import", help="add a table of rates (date,base,quote,rate)")
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--source", required=True, help="who published the table (it is cited)")
    _common(imp)
    imp.set_defaults(run=cmd_rates_import)


def _store_dir(args: argparse.Namespace):
    from pathlib import Path

    return Path(args.cache_dir) if args.cache_dir else None


def _iso_date(text: str, option: str):
    import re
    from datetime import date

    from claims.errors import ConfigError

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ConfigError(f"{option}: not a date in YYYY-MM-DD form: {text[:40]!r}")


def cmd_rates_show(args: argparse.Namespace) -> int:
    import json

    from claims.errors import NoRate
    from claims.rates import open_store

    on = _iso_date(args.date, "--date")
    store = open_store(_store_dir(args))
    try:
        rate = store.rate(args.base, args.quote, on)
    except NoRate:
        if not args.online:
            raise
        from claims.rates.online import fetch_rate

        rate = fetch_rate(args.base.upper(), args.quote.upper(), on, timeout=args.timeout)
    if args.format == "json":
        sys.stdout.write(json.dumps(rate.to_dict(), indent=2) + "\n")
        return EXIT_OK
    data = rate.to_dict()
    used = (f"fixing of {data['date']}" if rate.kind != "peg" else "fixed rate")
    if data["date"] != data["requested_date"]:
        used += f", the latest on or before {data['requested_date']}"
    else:
        used += f" for {data['requested_date']}"
    sys.stdout.write(f"1 {rate.base} = {data['value']} {rate.quote}  ({used}; {rate.source})\n"
                     f"  dataset: {rate.dataset}\n")
    return EXIT_OK


def cmd_rates_info(args: argparse.Namespace) -> int:
    import json

    from claims.rates import open_store

    info = open_store(_store_dir(args)).info()
    if args.format == "json":
        sys.stdout.write(json.dumps(info, indent=2) + "\n")
        return EXIT_OK
    out = [f"store:     {info['store']}  (chosen by {info['chosen_by']})",
           f"built:     {info['built']}  (why: {info['build_reason']})",
           f"integrity: {info['integrity']}",
           f"data:      {info['data_dir']}  (pegs, source notes)",
           "sources:"]
    for src in info["sources"]:
        span = f"{src['first_date']} to {src['last_date']}" if src["last_date"] else \
               f"from {src['first_date']}"
        out.append(f"  {src['source']}: {src['pairs']} {'pegs' if src['kind'] == 'peg' else 'series'}"
                   f", {span}  [{src['dataset']}]")
    out.append(f"currencies: {len(info['currencies'])}")
    for code, cur in info["currencies"].items():
        span = f"{cur['first_date']} to {cur['last_date'] or 'now'}"
        out.append(f"  {code}  {span:<26}  {'; '.join(cur['sources'])}")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_rates_update(args: argparse.Namespace) -> int:
    from claims.rates.locations import store_location
    from claims.rates.update import DEFAULT_URL, update

    result = update(store_location(_store_dir(args)), args.url or DEFAULT_URL,
                    timeout=args.timeout, force=args.force)
    sys.stdout.write(f"updated: ECB history {result.first_date} to {result.last_date} "
                     f"({result.currencies} currencies, sha256 {result.sha256[:12]}; "
                     f"was up to {result.previous_last_date or 'nothing'})\n")
    return EXIT_OK


def cmd_rates_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from claims.rates.importing import import_csv
    from claims.rates.locations import store_location

    table = import_csv(store_location(_store_dir(args)), Path(args.file), args.source)
    pairs = ", ".join(f"{b}/{q}" for b, q in sorted(table.series))
    sys.stdout.write(f"imported: {table.rows} rates from {args.file} as "
                     f"'{table.citation}' ({pairs})\n")
    return EXIT_OK


# ---------------------------------------------------------------- entry point

def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claims", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_extract(sub)
    _add_check(sub)
    _add_rates(sub)
    return parser


def _version() -> str:
    from claims import __version__

    return f"claims {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; domain errors become one line on stderr and a named exit code."""
    from claims.errors import ClaimsError

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ClaimsError as exc:
        sys.stderr.write(f"claims: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("claims: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a pre-publish hook
        if os.environ.get("CLAIMS_DEBUG"):
            raise
        sys.stderr.write(f"claims: internal error ({type(exc).__name__}: {exc}); "
                         "please report it with the input (CLAIMS_DEBUG=1 shows the traceback)\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
