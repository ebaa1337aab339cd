"""JSON Lines (and gzip-compressed JSON Lines): one record per line, streamed line by line.

A line that is not a JSON object is reported with its line number and the other lines are still
read. Invalid UTF-8 bytes are kept as lone surrogates (like the text reader), so ENC rules can
report them and a fixed copy writes them back unchanged.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from corpusmend.document import Document
from corpusmend.readers.base import (
    MissingFieldTally,
    MissingTextField,
    ReadOptions,
    ReadProblem,
    make_record_document,
)

DECODE_ERRORS = (OSError, EOFError, zlib.error)


def open_jsonl(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it ends with .gz."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def parse_line(raw: bytes) -> dict | str | None:
    """A record, None for a blank line, or an error message."""
    text = raw.decode("utf-8", errors="surrogateescape")
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    if not isinstance(value, dict):
        return f"expected a JSON object, got {type(value).__name__}"
    return value


def read_jsonl_stream(
    stream: BinaryIO, path: str | None, options: ReadOptions
) -> Iterator[Document | ReadProblem]:
    name = path or "-"
    index = 0
    line_no = 0
    missing = MissingFieldTally()
    try:
        for line_no, raw in enumerate(stream, start=1):
            parsed = parse_line(raw)
            if parsed is None:
                continue
            if isinstance(parsed, str):
                yield ReadProblem(name, f"line {line_no}: {parsed}")
                continue
            item = make_record_document(parsed, "jsonl", path, index, line_no, options)
            index += 1
            if isinstance(item, MissingTextField):
                missing.add(item)
            else:
                yield item
    except DECODE_ERRORS as exc:
        yield ReadProblem(name, f"line {line_no + 1}: cannot read further: {exc}")
    problem = missing.problem(index, options)
    if problem is not None:
        yield problem


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | ReadProblem]:
    try:
        stream = open_jsonl(path)
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from read_jsonl_stream(stream, str(path), options)
