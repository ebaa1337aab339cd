"""What every record copier is (RecordCopy) and the error it raises when its source changed.

The copiers (jsonl_copy.py, csv_copy.py, parquet_copy.py) import this module; record_copy.py,
which picks a copier by the file's format, imports them. Nothing here imports a copier.
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
