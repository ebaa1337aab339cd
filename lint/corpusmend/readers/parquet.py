"""Parquet files, read in small batches of rows with pyarrow (the `parquet` extra)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from corpusmend.document import Document
from corpusmend.errors import ReaderError
from corpusmend.readers.base import (
    ReadOptions,
    ReadProblem,
    make_record_document,
    no_text_column,
)

BATCH_ROWS = 256
INSTALL_HINT = "reading Parquet needs pyarrow: pip install 'corpusmend[parquet]'"


def import_parquet() -> ModuleType:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ReaderError(INSTALL_HINT) from exc
    return pq


def read_parquet(path: Path, options: ReadOptions) -> Iterator[Document | ReadProblem]:
    name = str(path)
    try:
        pq = import_parquet()
    except ReaderError as exc:
        yield ReadProblem(name, str(exc))
        return
    import pyarrow as pa

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield ReadProblem(name, f"cannot read Parquet: {exc}")
        return
    columns = parquet.schema_arrow.names
    if options.text_field not in columns:
        yield no_text_column(name, options.text_field, columns, options)
        return
    index = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                yield make_record_document(record, "parquet", name, index, None, options)
                index += 1
    except (OSError, pa.ArrowException) as exc:
        yield ReadProblem(name, f"row {index}: cannot read further: {exc}")
