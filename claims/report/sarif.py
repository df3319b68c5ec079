"""``--format sarif``: SARIF 2.1.0 for code-scanning UIs, valid against the OASIS schema.

Rule ids are the stable finding codes, described from ``claims.rules``, each with a ``helpUri``
into the rule reference. Regions are 1-based with ``columnKind: unicodeCodePoints`` on the
run; ``endColumn`` is exclusive. A relative path is a URI relative to ``%SRCROOT%`` (the
folder the run started in, given as ``base``), an absolute one a ``file://`` URI. Each result
has ``partialFingerprints`` from its code, its text and its occurrence in the file, so it
survives edits elsewhere in the story, and ``suppressions`` (empty, or one ``inSource`` for a
claims-disable directive). A finding whose expected figure is a safe replacement carries it
as a ``fixes`` entry. Inputs that could not be read make ``executionSuccessful`` false with
an error notification each; notes (as of today, stale data) are note notifications; the
config files used are named in the invocation. ok findings are not results.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claims import __version__
from claims.report import PROBLEMS, PROJECT_URL, RULES_URL, fix, notes
from claims.report import Reporter as _Base
from claims.rules import RULES

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "unverifiable": "note"}
_DEFAULT_LEVEL = {"error": "error", "warning": "warning", "ok": "none", "unverifiable": "note"}


def artifact(path: str, base: str | None) -> dict[str, Any]:
    """The artifactLocation of ``path``: relative to %SRCROOT% when it lies below ``base``,
    else an absolute ``file://`` URI; standard input is ``stdin``."""
    if path == "-":
        return {"uri": "stdin"}
    root = os.path.abspath(base or os.curdir)
    full = os.path.normpath(os.path.join(root, path))
    rel = os.path.relpath(full, root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(PurePosixPath(*Path(rel).parts).as_posix()), "uriBaseId": SRCROOT}


def _rule(code: str) -> dict[str, Any]:
    info = RULES[code]
    return {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.help},
        "help": {"text": info.help},
        "helpUri": f"{RULES_URL}#{code.lower()}",
        "defaultConfiguration": {"level": _DEFAULT_LEVEL[info.level]},
    }


def _fingerprint(code: str, text: str, occurrence: int) -> str:
    key = f"{code}\0{' '.join(text.split())}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _region(place: Mapping[str, Any]) -> dict[str, int]:
    return {
        "startLine": place["line"],
        "startColumn": place["column"],
        "endLine": place["end_line"],
        "endColumn": place["end_column"],
    }


class Reporter(_Base):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.rule_index: dict[str, int] = {}
        self.rules: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.artifacts: list[dict[str, Any]] = []

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        where = artifact(result.path, self.base)
        self.artifacts.append(
            {
                "location": where,
                "properties": {
                    "language": result.language,
                    "languageSource": result.language_source,
                },
            }
        )
        for note in notes(result):
            self.notifications.append(
                {
                    "level": "note",
                    "message": {"text": note},
                    "locations": [{"physicalLocation": {"artifactLocation": where}}],
                }
            )
        seen: dict[tuple[str, str], int] = {}
        for finding in result.findings:
            if finding.verdict.value in PROBLEMS:
                self.results.append(self._result(finding.to_dict(), where, seen))
        return ""

    def _result(
        self, d: dict[str, Any], where: dict[str, Any], seen: dict[tuple[str, str], int]
    ) -> dict[str, Any]:
        code = d["code"]
        if code not in self.rule_index:
            self.rule_index[code] = len(self.rules)
            self.rules.append(_rule(code))
        key = (code, " ".join(d["text"].split()))
        seen[key] = seen.get(key, 0) + 1
        item: dict[str, Any] = {
            "ruleId": code,
            "ruleIndex": self.rule_index[code],
            "level": _LEVEL[d["verdict"]],
            "message": {"text": d["message"]},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": where,
                        "region": {**_region(d), "snippet": {"text": d["text"]}},
                    }
                }
            ],
            "partialFingerprints": {"claimsFinding/v1": _fingerprint(*key, seen[key])},
            "suppressions": (
                [{"kind": "inSource", "justification": "claims-disable directive in the story"}]
                if d["suppressed"]
                else []
            ),
            "properties": {
                "verdict": d["verdict"],
                "check": d["check"],
                "diagnosis": d["diagnosis"],
                "deviation_pct": d["deviation_pct"],
                "expected": d["expected"],
                "rate": d["rate"],
            },
        }
        suggested = fix(d)
        if suggested is not None:
            place, text = suggested
            item["fixes"] = [
                {
                    "description": {"text": f"Write the expected figure: {text}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": where,
                            "replacements": [
                                {"deletedRegion": _region(place), "insertedContent": {"text": text}}
                            ],
                        }
                    ],
                }
            ]
        return item

    def finish(self) -> str:
        failed = [
            {
                "level": "error",
                "message": {"text": p.message},
                "descriptor": {"id": f"claims/{p.kind}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": artifact(p.path, self.base)}}
                ],
            }
            for p in self.problems
        ]
        invocation: dict[str, Any] = {
            "executionSuccessful": not self.problems,
            "toolExecutionNotifications": failed + self.notifications,
            "toolConfigurationNotifications": (
                [
                    {
                        "level": "note",
                        "message": {"text": f"configuration read from {c}"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": artifact(c, self.base)}}
                        ],
                    }
                    for c in self.configs
                ]
                + [{"level": "warning", "message": {"text": w}} for w in self.warnings]
            ),
            "properties": {"configFiles": list(self.configs)},
        }
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "claims",
                    "version": __version__,
                    "informationUri": PROJECT_URL,
                    "rules": self.rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                SRCROOT: {
                    "uri": Path(os.path.abspath(self.base or os.curdir)).as_uri().rstrip("/") + "/"
                }
            },
            "artifacts": self.artifacts,
            "results": self.results,
            "invocations": [invocation],
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
