"""The error and warning rates over time as a small, dependency-free SVG line chart.

Hand-written rather than matplotlib: one chart of two lines needs ~150 lines of SVG, not a
40 MB plotting stack, and the output is plain text a test can read. Periods run evenly from
the first to the last dated month: months, or quarters past four years, or years past ten (a
month of a long archive holds too few figures for its rate to mean much). A period with no
judged figure leaves a gap in the lines; grey bars along the bottom show how many figures each
period judged, so a spike on three figures reads as what it is. Every point has a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from claims.batch.summary import Row

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 40, 50
SERIES = (
    ("error", "error_rate", "#c0392b", "errors"),
    ("warning", "warning_rate", "#d68910", "warnings"),
)


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _period(month: str, size: str) -> str:
    if size == "year":
        return month[:4]
    if size == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month


def periods(rows: Sequence[Row]) -> tuple[str, list[str], dict[str, Row]]:
    """The period size, every period from first to last, and the rows summed per period."""
    dated = [r for r in rows if len(r.key) == 7 and r.key[4] == "-" and r.checked]
    if not dated:
        return "month", [], {}
    months = _months(min(r.key for r in dated), max(r.key for r in dated))
    size = "month" if len(months) <= 48 else "quarter" if len(months) <= 120 else "year"
    summed: dict[str, Row] = {}
    for r in dated:
        key = _period(r.key, size)
        total = summed.setdefault(key, Row(key))
        total.stories += r.stories
        total.stories_with_errors += r.stories_with_errors
        total.add(
            {
                name: getattr(r, name)
                for name in ("ok", "warning", "error", "unverifiable", "suppressed")
            }
        )
    return size, list(dict.fromkeys(_period(m, size) for m in months)), summed


def _nice_ceiling(value: float) -> float:
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0):
        if value <= step:
            return step
    return 1.0


def error_rate_svg(rows: Sequence[Row], title: str = "Error rate") -> str:
    """An SVG document: error and warning rates (of figures judged) per as-of period."""
    size, keys, dated = periods(rows)
    title = f"{title} by {size}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">\n'
        f'<title>{escape(title)}</title>\n<rect width="100%" height="100%" fill="white"/>\n'
        f'<text x="{LEFT}" y="22" font-size="15" font-weight="bold">{escape(title)}</text>\n'
    )
    if not dated:
        return (
            head + f'<text x="{LEFT}" y="{HEIGHT // 2}">no dated results to draw</text>\n</svg>\n'
        )
    top_rate = _nice_ceiling(
        max(max(r.error_rate or 0, r.warning_rate or 0) for r in dated.values())
    )
    most = max(r.checked for r in dated.values())
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(keys) - 1)

    def x(i: int) -> float:
        return LEFT + (i * step if len(keys) > 1 else plot_w / 2)

    def y(rate: float) -> float:
        return TOP + plot_h * (1 - rate / top_rate)

    parts = [head]
    for k in range(5):  # horizontal grid and y labels
        rate = top_rate * k / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y(rate):.1f}" x2="{WIDTH - RIGHT}" y2="{y(rate):.1f}" '
            f'stroke="#ddd"/><text x="{LEFT - 6}" y="{y(rate) + 4:.1f}" '
            f'text-anchor="end">{100 * rate:g}%</text>\n'
        )
    bar_w = max(1.0, min(step * 0.6, 14.0))
    for i, key in enumerate(keys):  # volume: figures judged per period
        row = dated.get(key)
        if row is not None:
            h = plot_h * 0.25 * row.checked / most
            parts.append(
                f'<rect class="judged" x="{x(i) - bar_w / 2:.1f}" y="{y(0) - h:.1f}" '
                f'width="{bar_w:.1f}" height="{h:.1f}" fill="#e5e5e5"/>\n'
            )
    every = max(1, -(-len(keys) // 10))
    for i, key in enumerate(keys):  # x labels: about ten, never crowded
        if i % every == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
                f"{key}</text>\n"
            )
    for name, attr, colour, label in SERIES:
        runs: list[list[str]] = [[]]
        for i, key in enumerate(keys):
            row = dated.get(key)
            if row is None:
                runs.append([])
                continue
            runs[-1].append(f"{x(i):.1f},{y(getattr(row, attr) or 0):.1f}")
        for run in runs:
            if len(run) > 1:
                parts.append(
                    f'<polyline class="{name}" fill="none" stroke="{colour}" '
                    f'stroke-width="2" points="{" ".join(run)}"/>\n'
                )
        for i, key in enumerate(keys):
            row = dated.get(key)
            if row is not None:
                count = getattr(row, name)
                parts.append(
                    f'<circle class="{name}" cx="{x(i):.1f}" '
                    f'cy="{y(getattr(row, attr) or 0):.1f}" r="3" fill="{colour}">'
                    f"<title>{key}: {count} {label} of {row.checked} figures judged "
                    f"({100 * (getattr(row, attr) or 0):.1f}%)</title></circle>\n"
                )
    for k, (_name, _attr, colour, label) in enumerate(SERIES):
        lx = WIDTH - RIGHT - 300 + k * 100
        parts.append(
            f'<rect x="{lx}" y="12" width="12" height="12" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="22">{label}</text>\n'
        )
    parts.append(
        f'<rect x="{WIDTH - RIGHT - 100}" y="12" width="12" height="12" fill="#e5e5e5"/>'
        f'<text x="{WIDTH - RIGHT - 84}" y="22">figures judged</text>\n'
    )
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 8}" fill="#555">rates: share of the figures '
        f"judged (ok + warnings + errors) in stories of that {size}; bars: how many "
        f"(most: {most:,})</text>\n</svg>\n"
    )
    return "".join(parts)
