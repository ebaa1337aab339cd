"""The JSON contract: one object with every document, its findings and a summary."""

from __future__ import annotations

import json
from typing import Any

from corpusmend import __version__
from corpusmend.formatters.base import Formatter
from corpusmend.runner import DocumentResult


def document_record(result: DocumentResult) -> dict[str, Any]:
    record: dict[str, Any] = {
        "path": result.doc.path,
        "id": result.doc.id,
        "findings": [f.to_dict() for f in result.findings],
    }
    if result.problem:
        record["error"] = result.problem
    return record


class JsonFormatter(Formatter):
    name = "json"

    def __init__(self, out: Any) -> None:
        super().__init__(out)
        self.records: list[dict[str, Any]] = []

    def document(self, result: DocumentResult) -> None:
        self.records.append(document_record(result))

    def finish(self) -> None:
        payload = {
            "version": __version__,
            "documents": self.records,
            "summary": {
                "documents": self.documents,
                "findings": self.total,
                "by_code": dict(sorted(self.by_code.items())),
                "fixed": self.fixed,
            },
        }
        json.dump(payload, self.out, indent=2)
        self.out.write("\n")
