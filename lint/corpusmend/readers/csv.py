"""CSV files (RFC 4180): a header row, then one record per row; fields may span lines.

Real scraped CSVs have huge fields, a BOM, stray invalid bytes and ragged rows. The field size
limit is lifted, the BOM is dropped from the first column name, invalid UTF-8 bytes are kept as
lone surrogates, and a ragged or broken row is reported with its line number while the other
rows are still read. `csv_rows` also gives each row's exact source text, so a fixed copy can
write unchanged rows back byte for byte.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from corpusmend.document import Document
from corpusmend.readers.base import (
    ReadOptions,
    ReadProblem,
    make_record_document,
    no_text_column,
)

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on some platforms
    csv.field_size_limit(2**31 - 1)


class _LineTap:
    """Hands lines to csv.reader and remembers them, so each row's source text is known."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.taken: list[str] = []
        self.line_no = 0

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.line_no += 1
        self.taken.append(line)
        return line

    def flush(self) -> str:
        raw = "".join(self.taken)
        self.taken = []
        return raw


def text_stream(binary: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")


def csv_rows(stream: Iterable[str]) -> Iterator[tuple[int, str, list[str] | csv.Error]]:
    """(first line number, source text, fields or the parse error) for every row, in order."""
    tap = _LineTap(stream)
    reader = csv.reader(tap, strict=False)
    while True:
        start = tap.line_no + 1
        try:
            row: list[str] | csv.Error = next(reader)
        except StopIteration:
            rest = tap.flush()
            if rest:
                yield start, rest, csv.Error("unexpected end of data")
            return
        except csv.Error as exc:
            row = exc
        raw = tap.flush()
        if isinstance(row, csv.Error) and not raw:
            return  # the reader is stuck at the end; nothing more to read
        yield start, raw, row


def read_csv_stream(
    stream: Iterable[str], path: str | None, options: ReadOptions
) -> Iterator[Document | ReadProblem]:
    name = path or "-"
    header: list[str] | None = None
    index = 0
    for line, _raw, row in csv_rows(stream):
        if isinstance(row, csv.Error):
            yield ReadProblem(name, f"line {line}: broken CSV row: {row}")
            continue
        if header is None:
            header = [row[0].removeprefix("\ufeff"), *row[1:]] if row else []
            dupes = sorted({c for c in header if header.count(c) > 1})
            if dupes:
                yield ReadProblem(name, f"line {line}: duplicate column names: {dupes}")
                return
            if options.text_field not in header:
                yield no_text_column(name, options.text_field, header, options)
                return
            continue
        if not row:
            continue  # a blank line
        if len(row) != len(header):
            yield ReadProblem(name, f"line {line}: {len(row)} fields, the header has {len(header)}")
            continue
        yield make_record_document(
            dict(zip(header, row, strict=True)), "csv", path, index, line, options
        )
        index += 1


def read_csv(path: Path, options: ReadOptions) -> Iterator[Document | ReadProblem]:
    try:
        binary = path.open("rb")
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with text_stream(binary) as stream:
        yield from read_csv_stream(stream, str(path), options)
