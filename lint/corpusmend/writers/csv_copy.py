"""A fixed copy of a CSV file: unchanged rows byte for byte, fixed rows re-quoted (RFC 4180)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.readers.base import RecordSource
from corpusmend.readers.csv import csv_rows, text_stream
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.copier import RecordCopy, changed_since_read


def serialize_row(fields: list[str], like: str) -> str:
    """One CSV row ending like the source row did (quoting fields that hold \\r or \\n)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(fields)
    row = buffer.getvalue().removesuffix("\r\n")
    if like.endswith("\r\n"):
        return row + "\r\n"
    if like.endswith(("\n", "\r")):
        return row + like[-1]
    return row


def fill_columns(row: list[str], header: list[str], fields: Mapping[str, Any] | None) -> None:
    """Moved values go into columns the header has and the row leaves empty (a CSV copy keeps
    its columns: a value without one is only in the findings sidecar)."""
    for name, value in (fields or {}).items():
        if name in header and row[header.index(name)] == "":
            row[header.index(name)] = str(value)


class CsvCopy(RecordCopy):
    def __init__(self, source: Path, target: Path) -> None:
        self.source = source
        self._stream = text_stream(source.open("rb"))
        self._rows = csv_rows(self._stream)
        self._out = AtomicFile(target, mode=source.stat().st_mode & 0o7777)
        self._header: list[str] | None = None

    def _write(self, text: str) -> None:
        self._out.file.write(text.encode("utf-8", errors="surrogateescape"))

    def _next_row(self) -> tuple[int, str, list[str] | csv.Error] | None:
        item = next(self._rows, None)
        if item is not None and self._header is None and isinstance(item[2], list):
            first = item[2]
            self._header = [first[0].removeprefix("\ufeff"), *first[1:]] if first else []
        return item

    def put(
        self,
        doc: Document,
        source: RecordSource,
        fixed_text: str | None,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        while True:
            item = self._next_row()
            if item is None:
                raise changed_since_read(self.source, f"line {source.line}")
            line, raw, row = item
            if line < (source.line or 0):
                self._write(raw)
                continue
            if line != source.line or not isinstance(row, list) or self._header is None:
                raise changed_since_read(self.source, f"line {source.line}")
            break
        if fixed_text is None:
            self._write(raw)
            return
        column = self._header.index(source.text_field)
        if row[column] != doc.text:
            raise changed_since_read(self.source, f"line {source.line}")
        row[column] = fixed_text
        fill_columns(row, self._header, fields)
        self._write(serialize_row(row, raw))

    def _copy_rest(self) -> None:
        while (item := self._next_row()) is not None:
            self._write(item[1])

    def _close_source(self) -> None:
        self._stream.close()
