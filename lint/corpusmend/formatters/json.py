"""The JSON contract: one object with every document, its findings and a summary.

The object is the one `json.dump(payload, indent=2)` writes, written as the documents come
(nothing is held until the end), and a document's findings array is encoded where the
document was checked (`encode`: a worker, with --jobs or Ray), so the main process, which
writes every worker's results in input order, only joins text.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from corpusmend import __version__
from corpusmend.findings import Finding
from corpusmend.formatters.base import Formatter
from corpusmend.runner import DocumentResult

DOCUMENT_INDENT = "    "  # a document object's depth in the payload: payload, "documents"
FIELD_INDENT = DOCUMENT_INDENT + "  "
HEAD = f'{{\n  "version": {json.dumps(__version__)},\n  "documents": '  # then the list


def encode_findings(findings: list[Finding]) -> str:
    """A document's findings array, indented as it sits in the payload."""
    text = json.dumps([f.to_dict() for f in findings], indent=2)
    return text.replace("\n", "\n" + FIELD_INDENT)


def document_text(result: DocumentResult) -> str:
    """One document's object in the payload (without the separator before it)."""
    findings = result.encoded_findings()
    if findings is None:
        findings = encode_findings(result.findings)
    fields = [
        f'"path": {json.dumps(result.doc.path)}',
        f'"id": {json.dumps(result.doc.id)}',
        f'"findings": {findings}',
    ]
    if result.problem:
        fields.append(f'"error": {json.dumps(result.problem)}')
    inner = f",\n{FIELD_INDENT}".join(fields)
    return f"{DOCUMENT_INDENT}{{\n{FIELD_INDENT}{inner}\n{DOCUMENT_INDENT}}}"


class JsonFormatter(Formatter):
    name = "json"
    encode = staticmethod(encode_findings)

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.written = 0

    def document(self, result: DocumentResult) -> None:
        self.out.write(",\n" if self.written else f"{HEAD}[\n")
        self.out.write(document_text(result))
        self.written += 1

    def finish(self) -> None:
        self.out.write("\n  ],\n" if self.written else f"{HEAD}[],\n")
        summary: dict[str, Any] = {
            "documents": self.documents,
            "findings": self.total,
            "by_code": dict(sorted(self.by_code.items())),
            "fixed": self.fixed,
        }
        text = json.dumps(summary, indent=2).replace("\n", "\n  ")
        self.out.write(f'  "summary": {text}\n}}\n')
