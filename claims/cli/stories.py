"""``claims check`` and ``claims extract``: name the stories, check them, write the reports.

Thin: options become a ``claims.runner.Settings`` (one validator per setting, shared with
config files), ``claims.runner.check_paths`` yields each result as it is ready, every output
(``claims.cli._output``) writes it at once. Problems go to stderr as one line each.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from typing import Any

from claims.cli._common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Help,
    add_cache_dir,
    parse_date,
    say,
    store_dir,
)

CHECK_HELP = """\
Check the numbers in stories: currency conversions against the ECB reference rates of the
story's date (from a local, offline store), unit conversions and stated arithmetic.

examples:
  claims check story.md                        one story; its own date, else today
  claims check content/ --date 2025-06-30      every story below a folder, as of a day
  claims check 'content/**/*.md' --quiet       a glob; problems only, then the summary
  claims check content/ --format text --format sarif=claims.sarif
                                               text on screen and a SARIF file in one run
  cat story.html | claims check - --input-format html

exit codes:
  0  nothing at or above --fail-on (default: error)
  1  a finding at or above --fail-on
  2  a usage, configuration or input problem (one line on stderr each); other stories are
     still checked and reported
  3  an internal error in claims (one line; CLAIMS_DEBUG=1 shows the traceback)

Folders are walked for .md .markdown .html .htm .txt files, skipping hidden entries and what
.gitignore lists. Settings come from the nearest .claims.toml or [tool.claims] in
pyproject.toml; options override them. The finding codes: `claims rules`.
"""


def _add_documents_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (walked for stories), globs such as 'content/**/*.md', "
        "or - for standard input",
    )
    p.add_argument(
        "--input-format",
        choices=["text", "markdown", "html"],
        help="read every input as this format (default: by extension)",
    )
    p.add_argument(
        "--scope",
        choices=["article", "page"],
        help="HTML: read the story's article (default) or every word of the page",
    )
    p.add_argument(
        "--dollar", metavar="CODE", help='what a bare "$" means, an ISO 4217 code (default: USD)'
    )
    add_language_options(p)
    p.add_argument(
        "--config",
        metavar="FILE",
        help="use this .claims.toml or pyproject.toml instead of searching upward",
    )
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out matching files and folders (gitignore syntax, relative to "
        "the current folder; repeatable), e.g. --exclude 'public/'",
    )
    p.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="PATTERN",
        help="in folders and globs, pick only matching files (gitignore syntax; "
        "repeatable; default: story extensions)",
    )
    p.add_argument(
        "--no-gitignore", action="store_true", help="also check files that .gitignore lists"
    )
    p.add_argument(
        "--max-story-mb", metavar="MB", help="a larger story is a problem, not read (default: 16)"
    )
    p.add_argument(
        "--max-story-seconds",
        metavar="S",
        help="a story taking longer is a problem (default: 60; 0: no limit)",
    )
    add_cache_dir(p)


def add_extract(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="list money figures, conversions and stated rates",
        formatter_class=Help,
        description="List every money figure, conversion pair and stated rate "
        "with its position, without judging them.\n\nexample:\n"
        "  claims extract story.md --format json",
    )
    p.add_argument(
        "--format", default="text", choices=["text", "json"], help="text (default) or json"
    )
    _add_documents_options(p)
    p.set_defaults(run=cmd_extract)


def add_check(sub: Any) -> None:
    from claims.report import FORMATS, PURPOSE

    p = sub.add_parser(
        "check", help="check the numbers in stories", formatter_class=Help, description=CHECK_HELP
    )
    p.add_argument(
        "--date", help="as-of date, e.g. 2025-06-30 (default: the story's own date, else today)"
    )
    p.add_argument(
        "--format",
        action="append",
        default=[],
        metavar="FORMAT[=FILE]",
        help="output format, repeatable, each to standard output or a file: "
        + "; ".join(f"{k} ({v})" for k, v in PURPOSE.items() if k in FORMATS)
        + " (default: text, or `format` in .claims.toml)",
    )
    p.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="write the format that has no =FILE here instead of standard output",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text: only problems (no ok findings, no notes of clean files); the "
        "summary is still printed",
    )
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour in the text format (default auto: a terminal, unless NO_COLOR; "
        "FORCE_COLOR forces it)",
    )
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "never"],
        help="exit 1 when a finding reaches this verdict (default: error)",
    )
    add_judging_options(p)
    p.add_argument(
        "--missing-date",
        choices=["today", "unverifiable", "error"],
        help="an undated story: judge as of today and say so (default), make its "
        "conversions unverifiable, or refuse it (exit 2)",
    )
    _add_documents_options(p)
    p.set_defaults(run=cmd_check)


def add_language_options(p: Any, *, language: bool = True) -> None:
    """The story's language and number style (``language``/``number_format`` in .claims.toml)."""
    if language:
        p.add_argument(
            "--language",
            metavar="TAG",
            help="the stories' language, e.g. es, es-MX, de, ja, zh-Hant (default: "
            "auto: the document's own lang tag, else detected from the text)",
        )
    p.add_argument(
        "--number-format",
        metavar="STYLE",
        help="the decimal mark: 1,234.5 or 1.234,5 (also 1 234,5, 1'234.5, "
        "decimal-point, decimal-comma; default: auto, from the story)",
    )


def add_judging_options(p: Any) -> None:
    """How figures are judged: shared by ``check`` and ``batch``."""
    p.add_argument(
        "--window-days",
        metavar="N",
        help="reference days before the as-of date, 0 to 366 (default: 7)",
    )
    p.add_argument(
        "--margin-pct",
        metavar="PCT",
        help="allowance for a desk's market rate, in percent, 0 to 50 (default: 1)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="never report this finding code or prefix, e.g. CUR002 or UNT (repeatable)",
    )


def settings(args: argparse.Namespace) -> Any:
    """The run's Settings: options checked by the config validators, config search as asked."""
    from pathlib import Path

    from claims.runner import Settings

    options = {
        "dollar": args.dollar,
        "max_story_mb": args.max_story_mb,
        "max_story_seconds": args.max_story_seconds,
        "gitignore": False if args.no_gitignore else None,
        "scope": getattr(args, "scope", None),
        "missing_date": getattr(args, "missing_date", None),
        "language": getattr(args, "language", None),
        "number_format": getattr(args, "number_format", None),
    }
    for key in ("fail_on", "window_days", "margin_pct", "ignore"):
        options[key] = getattr(args, key, None)
    return Settings(
        options,
        config=Path(args.config) if args.config else None,
        use_config=not args.no_config,
        include=args.include,
        exclude=args.exclude,
    )


def _tell(event: Any, quiet: bool) -> None:
    """A Problem or Note as one line on stderr."""
    from claims.runner import Note

    if isinstance(event, Note):
        if event.kind == "warning":
            say(f"claims: warning: {event.message}")
        elif not quiet:
            say(f"claims: {event.message}")
    else:
        say(f"claims: {event.message}")


def cmd_check(args: argparse.Namespace) -> int:
    from datetime import date

    from claims.cli._output import Sink, append_step_summary, targets, use_color
    from claims.report import Problem
    from claims.runner import Checked, Note, check_paths, config_name

    as_of = parse_date(args.date) if args.date else None
    today = date.today()  # the one place the clock is read
    run = settings(args)
    first = run.for_folder(os.getcwd())
    default = (first.format if not isinstance(first, Exception) else None) or "text"
    wanted = targets(args.format, args.output_file, default)
    color = use_color(args.color, sys.stdout, os.environ)
    sinks: list[Any] = []
    finished = False
    try:
        cache = store_dir(args)
        stores: list[Any] = []
        windows: dict[str, int] = {}

        def opener() -> Any:
            if not stores:
                from claims.rates import open_store

                stores.append(open_store(cache))
            return stores[0]

        def series_for(results: list[Any]) -> Any:
            """The reference fixings the HTML report draws (read at this edge)."""
            from claims.errors import ClaimsError
            from claims.report.html_series import window_series

            try:
                return window_series(results, opener(), windows) if results else {}
            except ClaimsError:  # no store: the report draws no series
                return {}

        for target in wanted:
            sinks.append(
                Sink(
                    target,
                    color=color and target.path is None,
                    quiet=args.quiet,
                    base=os.getcwd(),
                    series_for=series_for,
                )
            )
        for sink in sinks:
            sink.write(sink.reporter.start())
        failing, worst = False, EXIT_OK
        events = check_paths(
            args.paths,
            run,
            today=today,
            as_of=as_of,
            open_store=opener,
            input_format=args.input_format,
            debug=bool(os.environ.get("CLAIMS_DEBUG")),
            keep_documents=any(s.reporter.wants_story for s in sinks),
        )
        for event in events:
            if isinstance(event, Checked):
                failing = failing or event.config.fails(event.result)
                name = config_name(event.config)
                windows[event.result.path] = event.config.window_days or 7
                for sink in sinks:
                    if event.document is not None and sink.reporter.wants_story:
                        sink.reporter.story(event.document)
                    sink.write(sink.reporter.document(event.result, name))
                continue
            _tell(event, args.quiet)
            if isinstance(event, Problem):
                worst = max(worst, EXIT_INTERNAL if event.kind == "internal" else EXIT_USAGE)
                for sink in sinks:
                    sink.write(sink.reporter.problem(event))
            elif isinstance(event, Note) and event.kind == "warning":
                for sink in sinks:
                    sink.write(sink.reporter.warning(event.message))
        for sink in sinks:
            sink.write_chunks(sink.reporter.finish_chunks())
            if sink.target.fmt == "github" and hasattr(sink.reporter, "summary_markdown"):
                trouble = append_step_summary(sink.reporter.summary_markdown(), os.environ)
                if trouble:
                    say(f"claims: warning: {trouble}")
        finished = True
    finally:
        for sink in sinks:
            sink.close(keep=finished)
    if worst:
        return worst
    return EXIT_FINDINGS if failing else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from claims.cli._output import Sink, Target
    from claims.report.extraction import json_chunks, text_chunks

    json_out = args.format == "json"
    state = {"worst": EXIT_OK, "any": False}
    stories = _extracted(args, state)
    first = next(stories, None)  # nothing read: nothing on standard output
    if first is not None:
        import itertools

        sink = Sink(Target("json" if json_out else "text", None))
        items = itertools.chain([first], stories)
        sink.write_chunks(json_chunks(items) if json_out else text_chunks(items))
    return state["worst"]


def _extracted(args: argparse.Namespace, state: dict[str, int]) -> Iterator[tuple[Any, Any]]:
    """(document, extraction) for each story in turn, each within its budget; problems are
    told on standard error as they come and raise ``state["worst"]``."""
    from claims.documents import load_document
    from claims.errors import ClaimsError
    from claims.extract import extract
    from claims.report import Problem
    from claims.runner import (
        Note,
        StoryTimeout,
        each_story,
        internal_problem,
        read_story,
        time_budget,
    )

    run = settings(args)
    for name, cfg in each_story(args.paths, run):
        if isinstance(cfg, (Problem, Note)):
            _tell(cfg, False)
            if isinstance(cfg, Problem):
                state["worst"] = max(state["worst"], EXIT_USAGE)
            continue
        max_bytes, seconds = cfg.budget()
        try:
            data = read_story(name, max_bytes)
            with time_budget(seconds):
                doc = load_document(name, data, args.input_format, scope=cfg.scope or "article")
                del data
                found = extract(
                    doc.text,
                    dollar=cfg.dollar or "USD",
                    soft_breaks=doc.soft_breaks,
                    language=cfg.language,
                    document_language=doc.language,
                    number_format=cfg.number_format,
                )
        except StoryTimeout:
            say(f"claims: {name}: not read: took longer than {seconds:g} s (max_story_seconds)")
            state["worst"] = max(state["worst"], EXIT_USAGE)
            continue
        except ClaimsError as exc:
            say(f"claims: {exc}")
            state["worst"] = max(state["worst"], EXIT_USAGE)
            continue
        except Exception as exc:  # noqa: BLE001 - one story, not the run
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            say(f"claims: {internal_problem(name, exc).message}")
            state["worst"] = EXIT_INTERNAL
            continue
        yield doc, found
