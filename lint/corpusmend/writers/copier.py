"""What every record copier is (RecordCopy: put, and the commit-or-drop of its AtomicFile) and
the error it raises when its source changed.

The copiers (jsonl_copy.py, csv_copy.py, parquet_copy.py) import this module; record_copy.py,
which picks a copier by the file's format, imports them. Nothing here imports a copier.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.errors import CorpusmendError
from corpusmend.readers.base import RecordSource
from corpusmend.writers.atomic import AtomicFile


class RecordCopy:
    """A copy of a record file written to an AtomicFile. Each copier says how it puts a record,
    copies the rest of its source and closes it; publishing or dropping the copy is shared."""

    _out: AtomicFile

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
        raise NotImplementedError

    def _copy_rest(self) -> None:
        """Copy what is left of the source (a failure here drops the copy)."""
        raise NotImplementedError

    def _close_source(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Copy the rest of the source and publish the copy (on any failure: drop it)."""
        try:
            self._copy_rest()
        except BaseException:
            self.abort()
            raise
        self._close_source()
        self._out.commit()

    def abort(self) -> None:
        """Drop the copy; the target is left as it was."""
        self._close_source()
        self._out.abort()


def changed_since_read(path: Path | str, where: str) -> CorpusmendError:
    return CorpusmendError(f"{path}: {where} changed on disk since it was read; copy not written")
