"""The error and warning rates by month as a small, dependency-free SVG line chart.

Hand-written rather than matplotlib: one chart of two lines needs ~100 lines of SVG, not a
40 MB plotting stack, and the output is plain text a test can read. Months run evenly from the
first to the last dated month; a month with no judged figure leaves a gap in the lines. Every
point carries a tooltip with its counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from claims.batch.summary import Row

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 40, 50
SERIES = (("error", "error_rate", "#c0392b", "errors"),
          ("warning", "warning_rate", "#d68910", "warnings"))


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice_ceiling(value: float) -> float:
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0):
        if value <= step:
            return step
    return 1.0


def error_rate_svg(rows: Sequence[Row], title: str = "Error rate by month") -> str:
    """An SVG document: error and warning rates (of figures judged) per as-of month."""
    dated = {r.key: r for r in rows if r.key != "undated" and len(r.key) == 7 and r.checked}
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">\n'
            f'<title>{escape(title)}</title>\n<rect width="100%" height="100%" fill="white"/>\n'
            f'<text x="{LEFT}" y="22" font-size="15" font-weight="bold">{escape(title)}</text>\n')
    if not dated:
        return head + f'<text x="{LEFT}" y="{HEIGHT // 2}">no dated results to draw</text>\n</svg>\n'
    months = _months(min(dated), max(dated))
    top_rate = _nice_ceiling(max(max(r.error_rate or 0, r.warning_rate or 0) for r in dated.values()))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(months) - 1)

    def x(i: int) -> float:
        return LEFT + (i * step if len(months) > 1 else plot_w / 2)

    def y(rate: float) -> float:
        return TOP + plot_h * (1 - rate / top_rate)

    parts = [head]
    for k in range(5):                                   # horizontal grid and y labels
        rate = top_rate * k / 4
        parts.append(f'<line x1="{LEFT}" y1="{y(rate):.1f}" x2="{WIDTH - RIGHT}" y2="{y(rate):.1f}" '
                     f'stroke="#ddd"/><text x="{LEFT - 6}" y="{y(rate) + 4:.1f}" '
                     f'text-anchor="end">{100 * rate:g}%</text>\n')
    every = max(1, len(months) // 12)
    for i, month in enumerate(months):                   # x labels: about a dozen
        if i % every == 0 or i == len(months) - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
                         f'{month}</text>\n')
    for name, attr, colour, label in SERIES:
        runs: list[list[str]] = [[]]
        for i, month in enumerate(months):
            row = dated.get(month)
            if row is None:
                runs.append([])
                continue
            runs[-1].append(f"{x(i):.1f},{y(getattr(row, attr) or 0):.1f}")
        for run in runs:
            if len(run) > 1:
                parts.append(f'<polyline class="{name}" fill="none" stroke="{colour}" '
                             f'stroke-width="2" points="{" ".join(run)}"/>\n')
        for i, month in enumerate(months):
            row = dated.get(month)
            if row is not None:
                count = getattr(row, name)
                parts.append(f'<circle class="{name}" cx="{x(i):.1f}" '
                             f'cy="{y(getattr(row, attr) or 0):.1f}" r="3" fill="{colour}">'
                             f'<title>{month}: {count} {label} of {row.checked} figures judged '
                             f'({100 * (getattr(row, attr) or 0):.1f}%)</title></circle>\n')
    for k, (_name, _attr, colour, label) in enumerate(SERIES):
        lx = WIDTH - RIGHT - 200 + k * 100
        parts.append(f'<rect x="{lx}" y="12" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{lx + 16}" y="22">{label}</text>\n')
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 8}" fill="#555">share of the figures judged '
                 f'(ok + warnings + errors) in stories of that month</text>\n</svg>\n')
    return "".join(parts)
