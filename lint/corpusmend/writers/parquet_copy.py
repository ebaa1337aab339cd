"""A fixed copy of a Parquet file: same schema, row groups and compression, fixed texts swapped."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.readers.base import RecordSource
from corpusmend.readers.parquet import import_parquet
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.copier import RecordCopy, changed_since_read


class ParquetCopy(RecordCopy):
    def __init__(self, source: Path, target: Path) -> None:
        self.pq = import_parquet()
        self.source = source
        self._file = self.pq.ParquetFile(source)
        self._out = AtomicFile(target, mode=source.stat().st_mode & 0o7777)
        meta = self._file.metadata
        compression = (
            meta.row_group(0).column(0).compression.lower() if meta.num_row_groups else "snappy"
        )
        self._writer = self.pq.ParquetWriter(
            self._out.file, self._file.schema_arrow, compression=compression
        )
        self._group = -1  # the row group held in memory, -1 before the first
        self._start = 0  # index of its first row
        self._rows = 0  # its row count
        self._fixes: dict[int, tuple[str, str]] = {}  # row in group -> (checked, fixed) text
        self._field = ""

    def put(
        self,
        doc: Document,
        source: RecordSource,
        fixed_text: str | None,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """`fields` are not written: the copy keeps the source's schema and columns."""
        while source.index >= self._start + self._rows:
            if not self._advance():
                raise changed_since_read(self.source, f"row {source.index}")
        if fixed_text is not None:
            self._field = source.text_field
            self._fixes[source.index - self._start] = (doc.text, fixed_text)

    def _advance(self) -> bool:
        """Write the row group in hand and move to the next; False at the end of the file."""
        if self._group >= 0:
            self._write_group()
        self._group += 1
        self._start += self._rows
        if self._group >= self._file.metadata.num_row_groups:
            self._rows = 0
            return False
        self._rows = self._file.metadata.row_group(self._group).num_rows
        return True

    def _write_group(self) -> None:
        import pyarrow as pa

        table = self._file.read_row_group(self._group)
        if self._fixes:
            column = table.schema.get_field_index(self._field)
            values: list[Any] = table.column(column).to_pylist()
            for row, (checked, fixed) in self._fixes.items():
                if values[row] != checked:
                    raise changed_since_read(self.source, f"row {self._start + row}")
                values[row] = fixed
            array = pa.array(values, type=table.schema.field(column).type)
            table = table.set_column(column, table.schema.field(column), array)
            self._fixes = {}
        self._writer.write_table(table, row_group_size=max(table.num_rows, 1))

    def _copy_rest(self) -> None:
        while self._advance():
            pass
        self._writer.close()

    def _close_source(self) -> None:
        with contextlib.suppress(Exception):  # closed by _copy_rest already, or being dropped
            self._writer.close()
