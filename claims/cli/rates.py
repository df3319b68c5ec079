"""``claims rates show|info|update|import``: the local rate store from the command line."""

from __future__ import annotations

import argparse
import sys

from claims.cli._common import EXIT_OK, Parser, add_cache_dir, iso_date, store_dir


def seconds(text: str) -> float:
    """A --timeout value: a finite number of seconds above 0 and at most an hour."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value <= 3600):  # NaN and inf fail this too
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds above 0 and at most 3600 (got {text[:20]!r})"
        )
    return value


def add_rates(sub) -> None:
    p = sub.add_parser("rates", help="the local rate store")
    rsub = p.add_subparsers(dest="rates_command", required=True, parser_class=Parser)
    show = rsub.add_parser("show", help="the reference rate for a pair on a date")
    show.add_argument("base")
    show.add_argument("quote")
    show.add_argument("--date", required=True, help="YYYY-MM-DD")
    show.add_argument(
        "--format",
        default="text",
        choices=["text", "json"],
        help="json: Rate fields, value as a decimal string",
    )
    show.add_argument(
        "--online",
        action="store_true",
        help="when the store has no rate, ask forex-python's web service",
    )
    show.add_argument(
        "--timeout",
        type=seconds,
        default=5.0,
        metavar="S",
        help="seconds to wait for --online (default 5)",
    )
    add_cache_dir(show)
    show.set_defaults(run=cmd_rates_show)
    info = rsub.add_parser("info", help="sources, currencies and where the store lives")
    info.add_argument("--format", default="text", choices=["text", "json"])
    add_cache_dir(info)
    info.set_defaults(run=cmd_rates_info)
    update = rsub.add_parser("update", help="download the ECB history and swap it in")
    update.add_argument("--url", help="where to download from (default: the ECB's own URL)")
    update.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        metavar="S",
        help="seconds per network read (default 30; 4x that for the whole download)",
    )
    update.add_argument(
        "--force",
        action="store_true",
        help="accept a history that covers fewer days than the one held",
    )
    add_cache_dir(update)
    update.set_defaults(run=cmd_rates_update)
    imp = rsub.add_parser(
        "import",
        help="add a table of rates: an official series (FRED, the Fed's H.10, the IMF) or any CSV",
    )
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument(
        "--source",
        help="who published the table, as it is cited (default for "
        "fred, h10 and imf: the publisher's name)",
    )
    imp.add_argument(
        "--format",
        dest="fmt",
        default="auto",
        choices=["auto", "table", "fred", "h10", "imf", "columns"],
        help="auto (default): told by the file's header; table: date,base,quote,"
        "rate columns; fred: a FRED H.10 CSV; h10: the Federal Reserve's H.10 "
        "Data Download Program CSV; imf: the IMF's representative rates "
        "(TSV/XLS export or CSV); columns: any CSV read through --column",
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="KEY=COLUMN",
        help="with --format columns: date=COLUMN, and BASE/QUOTE=COLUMN for each "
        "pair (QUOTE per 1 BASE); repeat",
    )
    imp.add_argument(
        "--date-format",
        metavar="FMT",
        help="strptime format of the date column (default YYYY-MM-DD), e.g. %%d/%%m/%%Y",
    )
    imp.add_argument(
        "--prefer",
        action="store_true",
        help="answer this table's pairs before the ECB (default: only where the "
        "ECB and the pegs cannot)",
    )
    add_cache_dir(imp)
    imp.set_defaults(run=cmd_rates_import)


def cmd_rates_show(args: argparse.Namespace) -> int:
    import json

    from claims.errors import NoRate
    from claims.rates import open_store

    on = iso_date(args.date, "--date")
    store = open_store(store_dir(args))
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
    used = {"peg": "fixed rate", "hmrc": f"monthly rate for {data['date'][:7]}"}.get(
        rate.kind, f"fixing of {data['date']}"
    )
    if data["date"] != data["requested_date"]:
        used += f", the latest on or before {data['requested_date']}"
    else:
        used += f" for {data['requested_date']}"
    margin = (
        f"  margin: {rate.margin_pct}% ({rate.frequency} rate: a day's market may stray that far)\n"
        if rate.margin_pct is not None
        else ""
    )
    from claims.rates.explain import explain

    why = "".join(
        f"  {name}: {outcome}\n" for name, outcome in explain(store, args.base, args.quote, on)
    )
    sys.stdout.write(
        f"1 {rate.base} = {data['value']} {rate.quote}  ({used}; {rate.source})\n"
        f"  dataset: {rate.dataset}\n{margin}why:\n{why}"
    )
    return EXIT_OK


def cmd_rates_info(args: argparse.Namespace) -> int:
    import json

    from claims.rates import open_store

    info = open_store(store_dir(args)).info()
    if args.format == "json":
        sys.stdout.write(json.dumps(info, indent=2) + "\n")
        return EXIT_OK
    out = [
        f"store:     {info['store']}  (chosen by {info['chosen_by']})",
        f"built:     {info['built']}  (why: {info['build_reason']})",
        f"integrity: {info['integrity']}",
        f"data:      {info['data_dir']}  (pegs, source notes)",
        "sources:",
    ]
    for src in info["sources"]:
        span = (
            f"{src['first_date']} to {src['last_date']}"
            if src["last_date"]
            else f"from {src['first_date']}"
        )
        unit = {"peg": "pegs", "hmrc": "currencies"}.get(src["kind"], "series")
        out.append(
            f"  {src['source']}: {src['pairs']} {unit}, {span}, {src['frequency']}, "
            f"margin {src['margin']}; used {src['used']}  [{src['dataset']}]"
        )
    out.append(f"currencies: {len(info['currencies'])}")
    for code, cur in info["currencies"].items():
        span = f"{cur['first_date']} to {cur['last_date'] or 'now'}"
        out.append(f"  {code}  {span:<26}  {'; '.join(cur['sources'])}")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_rates_update(args: argparse.Namespace) -> int:
    from claims.rates.locations import store_location
    from claims.rates.update import DEFAULT_URL, update

    result = update(
        store_location(store_dir(args)),
        args.url or DEFAULT_URL,
        timeout=args.timeout,
        force=args.force,
    )
    via = f" from {result.url}" if result.url != result.requested_url else ""
    sys.stdout.write(
        f"updated: ECB history {result.first_date} to {result.last_date} "
        f"({result.currencies} currencies, sha256 {result.sha256[:12]}; "
        f"was up to {result.previous_last_date or 'nothing'}){via}\n"
    )
    return EXIT_OK


def cmd_rates_import(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from claims.errors import RateError
    from claims.rates import open_store
    from claims.rates.locations import store_location
    from claims.rates.update import import_csv

    location = store_location(store_dir(args))
    table = import_csv(
        location,
        Path(args.file),
        args.source,
        fmt=args.fmt,
        columns=args.column,
        date_format=args.date_format,
        prefer=args.prefer,
    )
    pairs = ", ".join(f"{b}/{q}" for b, q in sorted(table.series))
    out = [
        f"imported: {table.rows} rates from {args.file} ({table.fmt}) as '{table.citation}' "
        f"({pairs}; {table.frequency}{', preferred' if table.prefer else ''})"
    ]
    out += [f"note: {note}" for note in table.notes]
    store = open_store(location.folder)
    elsewhere: dict[str, list[str]] = {}
    for (base, quote), (dates, _vals) in sorted(table.series.items()):
        try:
            used = store.rate(base, quote, date.fromisoformat(dates[-1]))
        except RateError:
            continue
        if used.source != table.citation:
            elsewhere.setdefault(used.source, []).append(f"{base}/{quote}")
    for source, covered in elsewhere.items():
        out.append(
            f"note: {', '.join(covered)} {'is' if len(covered) == 1 else 'are'} answered "
            f"by the {source} where it has a rate; this table is used for "
            f"{'it' if len(covered) == 1 else 'them'} only on other days (import with "
            "--prefer to use it first)"
        )
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK
