"""``claims batch`` (check whole archives) and ``claims summarize`` (counts and rates of results).

A separate command rather than ``claims check --archive``: ``check`` is the pre-publish hook
(a report on stdout, exit 1 on a wrong figure); ``batch`` is a long analysis run whose output
is a results file, with a column map, workers, resume and engines of its own. Exit codes:
0 the run completed (findings are data, not failure), 2 usage or input error, 130 interrupted
(what was written is kept: run again with ``--resume``).
"""

from __future__ import annotations

import argparse
import sys
import time

from claims.cli._common import EXIT_OK, add_cache_dir, store_dir

EXIT_INTERRUPTED = 130


def add_batch(sub) -> None:
    p = sub.add_parser(
        "batch",
        help="check every story of an archive (JSON Lines, CSV, "
        "Parquet, WARC), writing results as they are ready",
    )
    p.add_argument(
        "archives",
        nargs="+",
        metavar="ARCHIVE",
        help=".jsonl/.ndjson(.gz), .csv/.tsv(.gz), .parquet (file or folder), "
        ".warc(.gz); - for JSON Lines on stdin",
    )
    p.add_argument(
        "--out",
        "-o",
        required=True,
        metavar="RESULTS",
        help="results: FILE.jsonl (a line per story), FOLDER.parquet (parts of "
        "row groups), or - for stdout",
    )
    p.add_argument(
        "--input-type",
        choices=["jsonl", "csv", "parquet", "warc"],
        help="archive type (default: by extension)",
    )
    cols = p.add_argument_group("column map (JSON Lines, CSV, Parquet)")
    cols.add_argument("--id", default="id", metavar="COL", help="story id column (default: id)")
    body = cols.add_mutually_exclusive_group()
    body.add_argument("--text", metavar="COL", help="plain-text story column (default: text)")
    body.add_argument("--html", metavar="COL", help="HTML story column")
    body.add_argument("--markdown", metavar="COL", help="Markdown story column")
    cols.add_argument(
        "--date", metavar="COL", help="publication date column (default: date, when present)"
    )
    cols.add_argument("--url", metavar="COL", help="URL column (default: url, when present)")
    cols.add_argument(
        "--language", metavar="COL", help="language column (default: language, when present)"
    )
    cols.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COL[,COL]",
        help="columns carried into the results for summaries, e.g. section,author",
    )
    run = p.add_argument_group("running")
    run.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (0: one per core; default 1)",
    )
    run.add_argument(
        "--resume",
        action="store_true",
        help="continue into an existing --out, skipping stories already there",
    )
    run.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local processes, or Dask workers (the dask extra)",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
        "of --jobs workers)",
    )
    run.add_argument(
        "--partition-size",
        type=int,
        default=500,
        metavar="N",
        help="stories per Dask task (default 500)",
    )
    run.add_argument(
        "--part-size",
        type=int,
        default=10_000,
        metavar="N",
        help="stories per Parquet part file (default 10000)",
    )
    run.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    run.add_argument(
        "--quiet", "-q", action="store_true", help="no progress bar and no closing summary line"
    )
    from claims.cli.stories import add_judging_options, add_language_options

    chk = p.add_argument_group("checking (as for claims check)")
    add_judging_options(chk)
    add_language_options(chk, language=False)  # --language names the column (see above)
    chk.add_argument(
        "--story-language",
        metavar="TAG",
        help="the stories' language when the archive has no language column or "
        "leaves it empty, e.g. es (default: auto: the page's lang, else detected)",
    )
    chk.add_argument("--dollar", metavar="CODE", help='what a bare "$" means (default: USD)')
    chk.add_argument("--config", metavar="FILE", help="use this .claims.toml or pyproject.toml")
    chk.add_argument("--no-config", action="store_true", help="ignore configuration files")
    add_cache_dir(chk)
    p.set_defaults(run=cmd_batch)


def _columns(args: argparse.Namespace):
    from claims.batch.items import Columns

    fmt, body = "text", args.text or "text"
    if args.html:
        fmt, body = "html", args.html
    elif args.markdown:
        fmt, body = "markdown", args.markdown
    keep = tuple(dict.fromkeys(k.strip() for raw in args.keep for k in raw.split(",") if k.strip()))
    optional = {role for role in ("date", "url", "language") if getattr(args, role) is None}
    return Columns(
        id=args.id,
        body=body,
        format=fmt,
        date=args.date or "date",
        url=args.url or "url",
        language=args.language or "language",
        keep=keep,
        optional=frozenset(optional),
    )


def _options(args: argparse.Namespace, today):
    """The run's CheckOptions: the config found from the current folder (or --config), then
    the options, each checked by the config's own validators."""
    from pathlib import Path

    from claims.config import Config, resolve

    warnings: list[str] = []
    cfg = (
        Config()
        if args.no_config
        else resolve(Path.cwd(), Path(args.config) if args.config else None, warnings)
    )
    for warning in warnings:
        sys.stderr.write(f"claims: warning: {warning}\n")
    cfg = cfg.merged(
        {
            "window_days": args.window_days,
            "margin_pct": args.margin_pct,
            "ignore": args.ignore,
            "dollar": args.dollar,
            "number_format": args.number_format,
            "language": args.story_language,
        }
    )
    return cfg.check_options(today=today, as_of=None)


def cmd_batch(args: argparse.Namespace) -> int:
    import os
    import signal
    from datetime import date

    from claims.batch.output import open_sink
    from claims.batch.progress import Progress, is_terminal
    from claims.batch.readers import open_archive
    from claims.batch.runner import CHUNK, Tally, chunks
    from claims.batch.story import Job
    from claims.errors import ConfigError

    if args.jobs < 0:
        raise ConfigError(f"--jobs: must be 0 (one per core) or more (got {args.jobs})")
    if args.partition_size < 1 or args.part_size < 1:
        raise ConfigError("--partition-size and --part-size must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    jobs = args.jobs or os.cpu_count() or 1
    if args.out != "-" and any(
        os.path.realpath(a) == os.path.realpath(args.out) for a in args.archives if a != "-"
    ):
        raise ConfigError(f"--out {args.out} is also an archive to read; write elsewhere")
    columns = _columns(args)
    archives = [open_archive(path, columns, args.input_type) for path in args.archives]
    if args.engine == "dask":
        from claims.batch._extras import need

        need("distributed")
    options = _options(args, date.today())  # the one place the clock is read
    keep = tuple(dict.fromkeys(k for archive in archives for k in archive.keep))
    created = args.out != "-" and not os.path.exists(args.out)
    sink, done = open_sink(args.out, resume=args.resume, keep=keep, part_size=args.part_size)
    job = Job(str(store_dir(args)) if store_dir(args) else None, options, sink.encoding)
    tally = Tally()
    show = is_terminal() and not (args.quiet or args.no_progress) and args.out != "-"
    progress = Progress(show, lambda: sum(a.count() for a in archives), already=len(done))

    def items():
        for archive in archives:
            yield from archive.items()

    def on_records(done):
        sink.write([story.payload for story in done])
        tally.add(done)
        progress.update(len(done))

    started = time.monotonic()
    interrupted, finished = False, False
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        if args.engine == "dask":
            from claims.batch.dask_engine import run_dask

            run_dask(
                chunks(items(), args.partition_size, done, tally),
                job,
                on_records,
                scheduler=args.scheduler,
                workers=jobs,
            )
        elif jobs > 1:
            from claims.batch.runner import run_processes

            run_processes(chunks(items(), CHUNK, done, tally), job, on_records, jobs)
        else:
            from claims.batch.runner import run_here

            run_here(chunks(items(), CHUNK, done, tally), job, on_records)
        finished = True
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        progress.close()
        sink.close()
        if created and not finished and tally.stories == 0:
            _remove_empty(args.out)  # a run that never started leaves nothing
    if not args.quiet:
        sys.stderr.write(_closing_line(tally, time.monotonic() - started, args.out, interrupted))
    return EXIT_INTERRUPTED if interrupted else EXIT_OK


def _remove_empty(path: str) -> None:
    """Remove the results file or folder this run created, if it holds nothing."""
    import os

    try:
        if os.path.isdir(path):
            os.rmdir(path)  # only if empty
        elif os.path.getsize(path) == 0:
            os.unlink(path)
    except OSError:
        pass


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _closing_line(tally, seconds: float, out: str, interrupted: bool) -> str:
    rate = f" ({tally.stories / seconds:,.0f}/s)" if seconds > 0 and tally.stories else ""
    v = tally.verdicts
    parts = [f"{tally.stories:,} stories checked in {seconds:,.1f} s{rate}"]
    if tally.skipped:
        parts.append(f"{tally.skipped:,} already in {out}")
    if tally.problems:
        parts.append(f'{tally.problems:,} could not be checked (see "problem")')
    line = (
        "claims: "
        + ", ".join(parts)
        + (
            f"; {v['error']:,} errors, {v['warning']:,} warnings, {v['ok']:,} ok, "
            f"{v['unverifiable']:,} unverifiable"
        )
    )
    if out != "-":
        line += f" -> {out}"
    if interrupted:
        line += "\nclaims: interrupted; run the same command with --resume to finish"
    return line + "\n"


# ------------------------------------------------------------------ summarize


def add_summarize(sub) -> None:
    p = sub.add_parser(
        "summarize",
        help="counts and rates of errors and warnings in batch "
        "results, by month, currency pair, check, diagnosis, "
        "section, author",
    )
    p.add_argument(
        "results",
        nargs="+",
        metavar="RESULTS",
        help="results of claims batch: FILE.jsonl or FOLDER.parquet",
    )
    p.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="DIM[,DIM]",
        help="tables to show: month, pair, check, code, diagnosis, or a kept "
        "column such as section (default: all that have data)",
    )
    p.add_argument(
        "--top",
        type=int,
        default=15,
        metavar="N",
        help="rows per table on the terminal, largest first (default 15; 0: all); "
        "months are always all shown",
    )
    p.add_argument("--csv", metavar="FILE", help="write every table as CSV (- for stdout)")
    p.add_argument("--chart", metavar="FILE.svg", help="draw the error rate by month as SVG")
    p.set_defaults(run=cmd_summarize)


def cmd_summarize(args: argparse.Namespace) -> int:
    from claims.batch.output import read_results
    from claims.batch.summary import Summary, render_csv, render_text
    from claims.errors import ConfigError

    if args.chart and not args.chart.lower().endswith(".svg"):
        raise ConfigError(
            "--chart: the chart is drawn as SVG (name it .svg); for PNG convert "
            "it, e.g. rsvg-convert chart.svg -o chart.png"
        )
    if args.top < 0:
        raise ConfigError(f"--top: must be 0 (all) or more (got {args.top})")
    wanted = [d.strip() for raw in args.by for d in raw.split(",") if d.strip()]
    summary = Summary()
    for path in args.results:
        for record in read_results(path):
            summary.add(record)
    tables = summary.tables(wanted or None)
    if args.csv:
        text = render_csv(tables)
        if args.csv == "-":
            sys.stdout.write(text)
        else:
            _write_file(args.csv, text)
    if args.chart:
        from claims.batch.chart import error_rate_svg

        _write_file(args.chart, error_rate_svg(summary.by_month()))
    if args.csv != "-":
        sys.stdout.write(render_text(summary, tables, top=args.top))
    return EXIT_OK


def _write_file(path: str, text: str) -> None:
    from claims.errors import InputError

    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
