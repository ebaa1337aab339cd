"""SARIF 2.1.0: the static-analysis log that GitHub code scanning and IDE viewers read.

Columns count code points (`columnKind: unicodeCodePoints`), like every corpusmend position.
Text-file findings carry a region and, when they have edits, a fix. A record's finding points
at the record's line in its file (JSONL, CSV), names the record as a logical location, and
keeps the position inside the record's text in the result's properties.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from corpusmend import __version__
from corpusmend.findings import Finding
from corpusmend.formatters.base import Formatter
from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


class SarifFormatter(Formatter):
    name = "sarif"

    def __init__(self, out: Any) -> None:
        super().__init__(out)
        self.rules: dict[str, dict[str, Any]] = {}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def document(self, result: DocumentResult) -> None:
        if result.problem:
            note: dict[str, Any] = {"level": "error", "message": {"text": result.problem}}
            if result.doc.path:
                note["locations"] = [self._file_location(result.doc.path)]
            self.notifications.append(note)
        for f in result.findings:
            self.results.append(self._result(result, f))

    def _rule_index(self, f: Finding) -> int:
        if f.code not in self.rules:
            self.rules[f.code] = {
                "id": f.code,
                "name": f.name,
                "defaultConfiguration": {"level": LEVELS[f.severity]},
            }
        return list(self.rules).index(f.code)

    @staticmethod
    def _file_location(path: str) -> dict[str, Any]:
        return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}

    def _result(self, result: DocumentResult, f: Finding) -> dict[str, Any]:
        doc = result.doc
        out: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": self._rule_index(f),
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
        }
        source = record_source(doc)
        if source is not None:
            location: dict[str, Any] = {
                "logicalLocations": [{"fullyQualifiedName": doc.id, "kind": "object"}]
            }
            if doc.path:
                location.update(self._file_location(doc.path))
                if source.line is not None:
                    location["physicalLocation"]["region"] = {"startLine": source.line}
            out["locations"] = [location]
            out["properties"] = {
                "record": doc.id,
                "textRegion": _region(f),
            }
            return out
        if doc.path is None:
            out["locations"] = [{"logicalLocations": [{"fullyQualifiedName": doc.id}]}]
            return out
        location = self._file_location(doc.path)
        location["physicalLocation"]["region"] = _region(f)
        out["locations"] = [location]
        if f.fix and f.fix.edits and f.fix.applicability != "display":
            out["fixes"] = [
                {
                    "description": {"text": f"{f.fix.message} ({f.fix.applicability})"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": artifact_uri(doc.path)},
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "charOffset": e.start,
                                        "charLength": e.end - e.start,
                                    },
                                    "insertedContent": {"text": e.content},
                                }
                                for e in f.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return out

    def finish(self) -> None:
        invocation: dict[str, Any] = {"executionSuccessful": not self.notifications}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "corpusmend",
                            "version": __version__,
                            "rules": list(self.rules.values()),
                        }
                    },
                    "invocations": [invocation],
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")


def _region(f: Finding) -> dict[str, int]:
    """A SARIF region for a finding's span: 1-based lines and columns, code-point offsets."""
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }
