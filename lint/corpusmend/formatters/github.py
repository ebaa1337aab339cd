"""GitHub Actions workflow commands: `::error file=...,line=...,col=...::message` per finding.

GitHub turns these lines into annotations on the pull request. Severities map to error,
warning and notice. A record's annotation points at the record's line in its file (JSONL, CSV)
and names the record id in the message.
"""

from __future__ import annotations

from corpusmend.findings import Finding
from corpusmend.formatters.base import Formatter
from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    head = f"{level} {props}" if props else level
    return f"::{head}::{escape_data(message)}\n"


class GithubFormatter(Formatter):
    name = "github"

    def document(self, result: DocumentResult) -> None:
        doc = result.doc
        if result.problem:
            where = {"file": doc.path} if doc.path else {}
            self.out.write(command("error", where, f"corpusmend: {result.problem}"))
        for f in result.findings:
            self.out.write(
                command(LEVELS[f.severity], self._where(result, f), self._text(result, f))
            )

    def _where(self, result: DocumentResult, f: Finding) -> dict[str, object]:
        doc = result.doc
        title = f"{f.code} {f.name}"
        source = record_source(doc)
        if doc.path is None:
            return {"title": title}
        if source is not None:
            where: dict[str, object] = {"file": doc.path}
            if source.line is not None:
                where["line"] = source.line
            return {**where, "title": title}
        return {
            "file": doc.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "title": title,
        }

    def _text(self, result: DocumentResult, f: Finding) -> str:
        source = record_source(result.doc)
        if source is None:
            return f"{f.code} {f.message}"
        return (
            f"{f.code} {f.message} (record {result.doc.id}, text line {f.line}, column {f.column})"
        )
