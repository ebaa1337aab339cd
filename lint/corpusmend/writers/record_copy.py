"""Fixed copies of record files: the source copied record by record, fixed texts swapped in.

A copy walks its source file in step with the results (which arrive in input order): records
that were not fixed, blank lines, broken lines and headers are copied byte for byte; a fixed
record gets its text field replaced and everything else kept. Before replacing, the copy checks
that the source still holds the text that was checked, so a file changed during the run is
never mixed with fixes meant for its old content. The copy appears under its name only when it
is complete (see AtomicFile).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from corpusmend.document import Document
from corpusmend.errors import CorpusmendError
from corpusmend.readers.base import RecordSource


class RecordCopy(Protocol):
    def put(
        self,
        doc: Document,
        source: RecordSource,
        fixed_text: str | None,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Copy the source up to this record, then the record (with fixed_text when given).

        `fields`: values --move-metadata moves into the record. JSONL adds them; CSV fills
        columns the header has and the row leaves empty; Parquet keeps its schema and rows
        (the values are in the findings sidecar)."""

    def commit(self) -> None:
        """Copy the rest of the source and publish the copy."""

    def abort(self) -> None:
        """Drop the copy; the target is left as it was."""


def changed_since_read(path: Path | str, where: str) -> CorpusmendError:
    return CorpusmendError(f"{path}: {where} changed on disk since it was read; copy not written")


def open_record_copy(source: Path, target: Path) -> RecordCopy:
    """The copier for a record file, chosen by its suffix (like the readers)."""
    name = source.name
    if name.endswith((".jsonl", ".jsonl.gz")):
        from corpusmend.writers.jsonl_copy import JsonlCopy

        return JsonlCopy(source, target)
    if name.endswith(".csv"):
        from corpusmend.writers.csv_copy import CsvCopy

        return CsvCopy(source, target)
    if name.endswith(".parquet"):
        from corpusmend.writers.parquet_copy import ParquetCopy

        return ParquetCopy(source, target)
    raise CorpusmendError(f"{source}: not a record file")
