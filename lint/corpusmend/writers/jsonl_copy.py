"""A fixed copy of a JSON Lines file (gzip-compressed when the source is)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from corpusmend.document import Document
from corpusmend.readers.base import RecordSource
from corpusmend.readers.jsonl import open_jsonl, parse_line
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.copier import RecordCopy, changed_since_read


def line_ending(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""


def replace_text(
    raw: bytes,
    doc: Document,
    source: RecordSource,
    fixed_text: str,
    fields: Mapping[str, Any] | None = None,
) -> bytes:
    """The source line with the record's text field set to fixed_text (and `fields` set where
    the record has no value for them)."""
    record = parse_line(raw)
    if not isinstance(record, dict) or record.get(source.text_field) != doc.text:
        raise changed_since_read(source.path or "-", f"line {source.line}")
    record[source.text_field] = fixed_text
    for name, value in (fields or {}).items():
        if record.get(name) in (None, ""):
            record[name] = value
    return json_bytes(record) + line_ending(raw)


def json_bytes(value: object) -> bytes:
    """JSON as UTF-8; invalid bytes read from the input go back as they came, and a lone
    surrogate from a JSON escape (no UTF-8 form) stays a \\u escape."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True).encode("ascii")


class JsonlCopy(RecordCopy):
    def __init__(self, source: Path, target: Path) -> None:
        self.source = source
        self._in = open_jsonl(source)
        self._out = AtomicFile(target, mode=source.stat().st_mode & 0o7777)
        self._sink: BinaryIO = self._out.file
        if source.name.endswith(".gz"):
            self._sink = gzip.GzipFile(fileobj=self._out.file, mode="wb", mtime=0)  # type: ignore[assignment]
        self._line = 0  # lines of the source consumed so far

    def put(
        self,
        doc: Document,
        source: RecordSource,
        fixed_text: str | None,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        assert source.line is not None
        while self._line < source.line - 1:
            self._copy_line()
        raw = self._next_line(source)
        if fixed_text is not None:
            raw = replace_text(raw, doc, source, fixed_text, fields)
        self._sink.write(raw)

    def _next_line(self, source: RecordSource) -> bytes:
        raw = self._in.readline()
        if not raw:
            raise changed_since_read(self.source, f"line {source.line}")
        self._line += 1
        return raw

    def _copy_line(self) -> bool:
        raw = self._in.readline()
        if not raw:
            return False
        self._line += 1
        self._sink.write(raw)
        return True

    def _copy_rest(self) -> None:
        while self._copy_line():
            pass
        if self._sink is not self._out.file:
            self._sink.close()  # the gzip stream's trailer

    def _close_source(self) -> None:
        self._in.close()
