"""The findings sidecar: one JSON line per document with its id, source and findings.

A later job can join it to the corpus by id (or file and line/row) to filter or repair records
without checking them again. Documents without findings get a line too, so the join is
complete. Written atomically: the file appears when the run ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.jsonl_copy import json_bytes


def sidecar_record(result: DocumentResult) -> dict[str, Any]:
    doc = result.doc
    record: dict[str, Any] = {"id": doc.id, "path": doc.path}
    source = record_source(doc)
    if source is not None:
        record["line" if source.line is not None else "row"] = (
            source.line if source.line is not None else source.index
        )
    record["findings"] = [f.to_dict() for f in result.findings]
    record["fixed"] = len(result.applied)
    if result.moved:
        record["metadata"] = result.moved  # values header fixes moved (--move-metadata)
    if result.problem:
        record["error"] = result.problem
    return record


class FindingsSidecar:
    def __init__(self, path: Path) -> None:
        self._out = AtomicFile(path)

    def write(self, result: DocumentResult) -> None:
        self._out.file.write(json_bytes(sidecar_record(result)) + b"\n")

    def commit(self) -> None:
        self._out.commit()

    def abort(self) -> None:
        self._out.abort()
