"""Readers turn paths into documents. Each input format lives in its own module here."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from corpusmend.document import Document
from corpusmend.readers.base import (
    RECORD_SUFFIXES,
    TEXT_SUFFIXES,
    ReadOptions,
    ReadProblem,
    RecordSource,
    document_label,
    is_record_path,
    record_format,
    record_source,
)
from corpusmend.readers.csv import read_csv, read_csv_stream, text_stream
from corpusmend.readers.jsonl import read_jsonl, read_jsonl_stream
from corpusmend.readers.parquet import read_parquet
from corpusmend.readers.text import decode, looks_binary, read_text_document
from corpusmend.readers.walk import discover as _discover

__all__ = [
    "RECORD_SUFFIXES",
    "TEXT_SUFFIXES",
    "ReadOptions",
    "ReadProblem",
    "RecordSource",
    "discover",
    "document_label",
    "is_record_path",
    "read_documents",
    "record_format",
    "record_source",
]

DEFAULT_OPTIONS = ReadOptions()

RecordReader = Callable[[Path, ReadOptions], Iterator[Document | ReadProblem]]
RECORD_READERS: dict[str, RecordReader] = {
    "jsonl": read_jsonl,
    "csv": read_csv,
    "parquet": read_parquet,
}


def discover(
    paths: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Path | str | ReadProblem]:
    """Paths named, and matching files under directories (sorted, no hidden); "-" is stdin."""
    return _discover(paths, options)


def read_documents(
    paths: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Document | ReadProblem]:
    """Documents (or read problems) from files, directories and stdin, one at a time."""
    options = options or DEFAULT_OPTIONS
    for p in discover(paths, options):
        if isinstance(p, ReadProblem):
            yield p
        elif p == "-":
            yield from within_limit(read_stdin(options), options.max_doc_chars)
        else:
            assert isinstance(p, Path)
            yield from within_limit(read_path(p, options), options.max_doc_chars)


def within_limit(
    items: Iterable[Document | ReadProblem], limit: int
) -> Iterator[Document | ReadProblem]:
    """Documents longer than `limit` characters become read problems (0: no limit)."""
    for item in items:
        if limit and isinstance(item, Document) and len(item.text) > limit:
            yield ReadProblem(
                item.path or item.id,
                f"{item.id}: document of {len(item.text):,} characters is over the "
                f"--max-doc-chars limit of {limit:,}; skipped",
            )
        else:
            yield item


def read_path(path: Path, options: ReadOptions) -> Iterator[Document | ReadProblem]:
    format_name = record_format(path.name)
    if format_name is not None:
        yield from RECORD_READERS[format_name](path, options)
    elif options.max_doc_chars and _size(path) > 4 * options.max_doc_chars:
        # a UTF-8 character is at most 4 bytes: this file is over the limit, so do not read it
        yield ReadProblem(
            str(path),
            f"file of {_size(path):,} bytes is over the --max-doc-chars limit of "
            f"{options.max_doc_chars:,}; skipped",
        )
    else:
        yield read_text_file(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_text_file(path: Path) -> Document | ReadProblem:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
    if looks_binary(data):
        return ReadProblem(str(path), "binary file (NUL bytes), skipped")
    return read_text_document(path, data)


def read_stdin(options: ReadOptions) -> Iterator[Document | ReadProblem]:
    stream: BinaryIO = sys.stdin.buffer
    if options.stdin_bytes is not None:
        stream = io.BytesIO(options.stdin_bytes)
    if options.stdin_format == "jsonl":
        yield from read_jsonl_stream(stream, None, options)
    elif options.stdin_format == "csv":
        yield from read_csv_stream(text_stream(stream), None, options)
    else:
        text, bom = decode(stream.read())
        yield Document(text, id="-", bom=bom)
