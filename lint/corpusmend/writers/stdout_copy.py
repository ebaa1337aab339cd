"""`check - --fix`: the fixed copy of stdin goes to stdout, as ruff does (findings go to stderr).

The command reads stdin whole before the run (ReadOptions.stdin_bytes), so the copy is made
from the same bytes the readers saw: a text document is written back fixed (or unchanged, byte
for byte); JSONL and CSV records keep every byte of the lines and rows that were not fixed
(blank and broken lines included) and only a fixed record's text field changes.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from corpusmend.document import Document
from corpusmend.readers.base import RecordSource, record_source
from corpusmend.readers.csv import csv_rows, text_stream
from corpusmend.readers.text import encode
from corpusmend.runner import DocumentResult
from corpusmend.writers.csv_copy import fill_columns, serialize_row
from corpusmend.writers.jsonl_copy import replace_text


def from_stdin(result: DocumentResult) -> bool:
    """Whether a result is about stdin: its text, one of its records, or a problem reading it."""
    doc = result.doc
    source = record_source(doc)
    if source is not None:
        return source.path is None
    return (doc.path is None and doc.id == "-") or (result.unread and doc.path == "-")


class StdoutCopyWriter:
    """Gathers the fixes of stdin's documents; `close` writes the fixed copy of stdin."""

    def __init__(self, data: bytes, stdin_format: str) -> None:
        self.data = data
        self.format = stdin_format
        self.text: tuple[Document, str] | None = None  # the text document and its fixed text
        self.records: dict[int, tuple[Document, RecordSource, str, dict]] = {}  # by line

    def write(self, result: DocumentResult) -> DocumentResult:
        if result.fixed_text is None:
            return result
        source = record_source(result.doc)
        if source is None:
            self.text = (result.doc, result.fixed_text)
        elif source.line is not None:
            self.records[source.line] = (result.doc, source, result.fixed_text, result.moved)
        return result

    def close(self, out: BinaryIO) -> None:
        if self.format == "jsonl":
            self._jsonl(out)
        elif self.format == "csv":
            self._csv(out)
        elif self.text is not None:
            doc, fixed = self.text
            out.write(encode(fixed, doc.bom))
        else:
            out.write(self.data)
        out.flush()

    def _jsonl(self, out: BinaryIO) -> None:
        for line_no, raw in enumerate(io.BytesIO(self.data), start=1):
            fixed = self.records.get(line_no)
            out.write(raw if fixed is None else replace_text(raw, *fixed))

    def _csv(self, out: BinaryIO) -> None:
        header: list[str] | None = None
        for line_no, raw, row in csv_rows(text_stream(io.BytesIO(self.data))):
            fixed = self.records.get(line_no)
            if header is None and isinstance(row, list):
                header = [row[0].removeprefix("\ufeff"), *row[1:]] if row else []
            elif fixed is not None and isinstance(row, list) and header is not None:
                _, source, text, moved = fixed
                row[header.index(source.text_field)] = text
                fill_columns(row, header, moved)
                raw = serialize_row(row, raw)
            out.write(raw.encode("utf-8", errors="surrogateescape"))
