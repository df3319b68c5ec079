"""The rule reference, written from ``claims.rules``: Markdown for ``docs/rules.md`` and plain
text for ``claims rules [CODE]``."""

from __future__ import annotations

from collections.abc import Iterable

from claims.rules import CHECKS, DIAGNOSES, RULES, Rule

_TITLES = {
    "currency-conversion": "Currency conversions",
    "unit-conversion": "Unit conversions",
    "arithmetic": "Arithmetic",
}


def markdown() -> str:
    """The whole reference page: every rule by check, then the diagnosis slugs."""
    lines = [
        "# Rule reference",
        "",
        "Generated from `claims/rules.py` by `tools/gen_rules.py` (also `claims rules`); "
        "do not edit by hand.",
        "",
    ]
    for check in CHECKS:
        lines += [f"## {_TITLES[check]}", ""]
        for r in (r for r in RULES.values() if r.check == check):
            lines += [
                f'<a id="{r.code.lower()}"></a>',
                "",
                f"### {r.code} `{r.name}` ({r.level})",
                "",
                r.summary,
                "",
                r.help,
                "",
            ]
            if r.bad:
                lines.append(f"- Flagged: `{r.bad}`")
            if r.good:
                lines.append(f"- Fine: `{r.good}`")
            if r.bad or r.good:
                lines.append("")
    lines += [
        "## Diagnoses",
        "",
        "A finding's `diagnosis` is one of these slugs (or null):",
        "",
        "| diagnosis | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{slug}` | {meaning} |" for slug, meaning in DIAGNOSES.items()]
    return "\n".join(lines).rstrip() + "\n"


def text(rules: Iterable[Rule], *, full: bool) -> str:
    """One line per rule, or (``full``) each rule's help and examples too."""
    out: list[str] = []
    for r in rules:
        out.append(f"{r.code}  {r.name:<26} {r.level:<12} {r.summary}")
        if full:
            out += [f"    {r.help}"]
            out += [f"    flagged: {r.bad}"] if r.bad else []
            out += [f"    fine:    {r.good}"] if r.good else []
            out.append("")
    return "\n".join(out).rstrip() + "\n"
