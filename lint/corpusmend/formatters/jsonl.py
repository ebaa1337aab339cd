"""JSON Lines: one object per finding, written as it is found (streams over huge corpora).

Each line has the finding's keys from the JSON contract plus `path` and `id` of its document
(and `line` or `row` of a record in its file, as `record_line` / `record_row`). A document
that could not be read or checked gives one line with an `error` key instead.
"""

from __future__ import annotations

import json
from typing import Any

from corpusmend.formatters.base import Formatter
from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult


def document_keys(result: DocumentResult) -> dict[str, Any]:
    keys: dict[str, Any] = {"path": result.doc.path, "id": result.doc.id}
    source = record_source(result.doc)
    if source is not None:
        if source.line is not None:
            keys["record_line"] = source.line
        else:
            keys["record_row"] = source.index
    return keys


class JsonLinesFormatter(Formatter):
    name = "jsonl"

    def document(self, result: DocumentResult) -> None:
        keys = document_keys(result)
        if result.problem:
            self._line({**keys, "error": result.problem})
        for f in result.findings:
            self._line({**keys, **f.to_dict()})

    def _line(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
