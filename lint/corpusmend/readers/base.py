"""What every reader shares: read options, read problems, and where a record came from."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document

# Markdown is not among them: its code blocks, tables and front matter are not prose, and rules
# such as FMT003 (doubled space) would "fix" aligned columns. `--include '*.md'` opts in.
TEXT_SUFFIXES = (".txt", ".text")
# The one suffix-to-format table: readers and record copiers both choose by it.
RECORD_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
RECORD_SUFFIXES = tuple(RECORD_FORMATS)
DEFAULT_INCLUDE = tuple(f"*{s}" for s in TEXT_SUFFIXES + RECORD_SUFFIXES)


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read; reported, never fatal to the run.

    `path` names the file (or "-"); for one bad record of a record file the message starts with
    the line or row ("line 17: invalid JSON ...") and the file's other records are still read.
    """

    path: str
    message: str
    note: bool = False  # a file skipped on purpose (see ReadOptions.skip_without_text_field)


@dataclass(frozen=True)
class MissingTextField(ReadProblem):
    """A record without the text field (`message` is "line N: no text field ...").

    Record readers gather these per file (MissingFieldTally) and report them once, so a wrong
    --text-field is one message with the fields the records do have, not one per record."""

    where: str = ""  # "line 3" or "row 0"
    detail: str = ""  # the message without the location


# Field names scrapers commonly give the article text, for "did you mean" suggestions.
TEXT_FIELD_NAMES = ("text", "content", "body", "article", "fulltext", "full_text", "raw_text")


def suggest_text_field(wanted: str, fields: Sequence[str], record: dict[str, Any] | None) -> str:
    """The field the user probably meant: a close spelling, a usual name, or the longest text
    ("" when nothing looks right)."""
    others = [f for f in fields if f != wanted]
    close = difflib.get_close_matches(wanted, others, n=1, cutoff=0.75)
    if close:
        return close[0]
    usual = [f for f in others if f.lower() in TEXT_FIELD_NAMES]
    if usual:
        return usual[0]
    texts = [(len(v), k) for k, v in (record or {}).items() if isinstance(v, str) and k in others]
    if texts and max(texts)[0] >= 40:
        return max(texts)[1]
    return ""


def missing_field_detail(
    wanted: str, fields: Sequence[str], record: dict[str, Any] | None, unit: str = "field"
) -> str:
    listed = ", ".join(repr(k) for k in fields) or "none"
    guess = suggest_text_field(wanted, fields, record)
    hint = f"; did you mean --text-field {guess}?" if guess else ""
    return f"no text {unit} {wanted!r} ({unit}s: {listed}){hint}"


class MissingFieldTally:
    """The records of one file that lack the text field, reported once when the file ends."""

    def __init__(self) -> None:
        self.first: MissingTextField | None = None
        self.count = 0

    def add(self, problem: MissingTextField) -> None:
        self.first = self.first or problem
        self.count += 1

    def problem(self, records: int, options: ReadOptions) -> ReadProblem | None:
        """One problem for the file's `records` records; a note when none had the field and
        `options.skip_without_text_field` says to skip such files."""
        first = self.first
        if first is None:
            return None
        if self.count == records and options.skip_without_text_field:
            return ReadProblem(first.path, f"skipped: {first.detail}", note=True)
        if self.count == 1:
            return ReadProblem(first.path, first.message)
        more = self.count - 1
        plural = "records" if more != 1 else "record"
        return ReadProblem(first.path, f"{first.where} and {more:,} more {plural}: {first.detail}")


def no_text_column(
    path: str, wanted: str, columns: Sequence[str], options: ReadOptions
) -> ReadProblem:
    """A CSV or Parquet file without the text column: an error, or a note when such files are
    skipped on purpose."""
    detail = missing_field_detail(wanted, columns, None, "column")
    if options.skip_without_text_field:
        return ReadProblem(path, f"skipped: {detail}", note=True)
    return ReadProblem(path, detail)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: which record fields hold the text and the id, which files to take."""

    text_field: str = "text"
    id_field: str = "id"
    include: tuple[str, ...] = DEFAULT_INCLUDE  # globs files under a directory must match
    exclude: tuple[str, ...] = ()  # globs that drop files and directories, explicit ones too
    stdin_format: str = "text"  # text | jsonl | csv
    max_doc_chars: int = 10_000_000  # a longer document is reported and skipped; 0: no limit
    # stdin's bytes, when the command read them ahead (`check - --fix` writes their fixed copy)
    stdin_bytes: bytes | None = field(default=None, repr=False, compare=False)
    # a record file none of whose records has the text field is skipped with a note, not an
    # error (the pre-commit hooks: a repository's other JSONL and CSV files are not articles)
    skip_without_text_field: bool = False


@dataclass(frozen=True)
class RecordSource:
    """Where a record document came from, so messages can point at it and writers copy it."""

    format: str  # jsonl | csv | parquet
    path: str | None  # None for stdin
    index: int  # 0-based position among the file's records (data rows)
    line: int | None  # 1-based line where the record starts (JSONL, CSV); None for Parquet
    text_field: str
    fields: tuple[str, ...]  # the record's field names, in their original order
    has_id: bool  # False when the id is the fallback location

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else f"row {self.index}"


def record_source(doc: Document) -> RecordSource | None:
    return doc.source


def record_format(name: str) -> str | None:
    """The record format a file name says by its suffix (jsonl, csv, parquet); None for text."""
    for suffix, format_name in RECORD_FORMATS.items():
        if name.endswith(suffix):
            return format_name
    return None


def is_record_path(path: str) -> bool:
    return record_format(path) is not None


def document_label(doc: Document) -> str:
    """How messages name a document: its path, or `file[id]` / `file[line N]` for a record."""
    source = record_source(doc)
    if source is None:
        return doc.path or doc.id
    file = source.path or "-"
    return f"{file}[{doc.id}]" if source.has_id else f"{file}[{source.where}]"


def make_record_document(
    record: dict[str, Any],
    source_format: str,
    path: str | None,
    index: int,
    line: int | None,
    options: ReadOptions,
) -> Document | ReadProblem:
    """A document from one record: text and id from the chosen fields, the rest as metadata."""
    where = f"line {line}" if line is not None else f"row {index}"
    name = path or "-"
    field = options.text_field
    if field not in record:
        detail = missing_field_detail(field, list(record), record)
        return MissingTextField(name, f"{where}: {detail}", where=where, detail=detail)
    text = record[field]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return ReadProblem(name, f"{where}: text field {field!r} is {kind}, not a string")
    raw_id = record.get(options.id_field)
    has_id = raw_id is not None and raw_id != ""
    location = f"{name}:{line}" if line is not None else f"{name}:{index}"
    doc_id = str(raw_id) if has_id else location
    metadata = {k: v for k, v in record.items() if k != field}
    source = RecordSource(source_format, path, index, line, field, tuple(record), has_id)
    return Document(text, id=doc_id, metadata=metadata, path=path, source=source)
