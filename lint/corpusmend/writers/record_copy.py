"""Fixed copies of record files: the source copied record by record, fixed texts swapped in.

A copy walks its source file in step with the results (which arrive in input order): records
that were not fixed, blank lines, broken lines and headers are copied byte for byte; a fixed
record gets its text field replaced and everything else kept. Before replacing, the copy checks
that the source still holds the text that was checked, so a file changed during the run is
never mixed with fixes meant for its old content. The copy appears under its name only when it
is complete (see AtomicFile).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpusmend.errors import CorpusmendError
from corpusmend.readers.base import record_format
from corpusmend.writers.copier import RecordCopy
from corpusmend.writers.csv_copy import CsvCopy
from corpusmend.writers.jsonl_copy import JsonlCopy
from corpusmend.writers.parquet_copy import ParquetCopy

__all__ = ["RecordCopy", "open_record_copy"]

COPIERS: dict[str, Callable[[Path, Path], RecordCopy]] = {
    "jsonl": JsonlCopy,
    "csv": CsvCopy,
    "parquet": ParquetCopy,
}


def open_record_copy(source: Path, target: Path) -> RecordCopy:
    """The copier for a record file, chosen by its format (the readers' suffix table)."""
    copier = COPIERS.get(record_format(source.name) or "")
    if copier is None:
        raise CorpusmendError(f"{source}: not a record file")
    return copier(source, target)
