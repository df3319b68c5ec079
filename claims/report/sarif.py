"""``--format sarif``: SARIF 2.1.0 for code-scanning UIs.

Rule ids are the stable finding codes, described from ``claims.rules``. Regions are 1-based
with ``columnKind: unicodeCodePoints`` on the run; ``endColumn`` is exclusive. Each result
has a ``partialFingerprints`` entry from its code, its text and its occurrence in the file, so
it survives edits elsewhere in the story. Suppressed findings carry an ``inSource``
suppression; ok findings are not results.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claims import __version__
from claims.report import PROBLEMS
from claims.rules import RULES

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "unverifiable": "note"}
_DEFAULT_LEVEL = {"error": "error", "warning": "warning", "ok": "none", "unverifiable": "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/")) if path != "-" else "stdin"


def _rule(code: str) -> dict[str, Any]:
    info = RULES[code]
    return {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.help},
        "help": {"text": info.help},
        "defaultConfiguration": {"level": _DEFAULT_LEVEL[info.level.value]},
    }


def _fingerprint(code: str, text: str, occurrence: int) -> str:
    key = f"{code}\0{' '.join(text.split())}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        seen: dict[tuple[str, str], int] = {}
        for finding in result.findings:
            d = finding.to_dict()
            if d["verdict"] not in PROBLEMS:
                continue
            code = d["code"]
            if code not in rule_index:
                rule_index[code] = len(rules)
                rules.append(_rule(code))
            end_line, end_col = d["end_line"], d["end_column"]
            key = (code, " ".join(d["text"].split()))
            seen[key] = seen.get(key, 0) + 1
            item: dict[str, Any] = {
                "ruleId": code,
                "ruleIndex": rule_index[code],
                "level": _LEVEL[d["verdict"]],
                "message": {"text": d["message"]},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path)},
                    "region": {"startLine": d["line"], "startColumn": d["column"],
                               "endLine": end_line, "endColumn": end_col,
                               "snippet": {"text": d["text"]}},
                }}],
                "partialFingerprints": {"claimsFinding/v1": _fingerprint(*key, seen[key])},
                "properties": {"verdict": d["verdict"], "check": d["check"],
                               "diagnosis": d["diagnosis"], "deviation_pct": d["deviation_pct"],
                               "expected": d["expected"], "rate": d["rate"]},
            }
            if d["suppressed"]:
                item["suppressions"] = [{"kind": "inSource",
                                         "justification": "claims-disable directive in the story"}]
            sarif_results.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claims",
                "version": __version__,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{"executionSuccessful": True}],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
