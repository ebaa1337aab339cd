"""Parquet records read in batches: other columns kept, bad rows reported by index."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, read_documents, record_source

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def test_rows_columns_and_null_text(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    table = pa.table(
        {"doc_id": [10, 11, 12], "body": ["One.", None, "Three."], "score": [0.5, 0.1, 0.9]}
    )
    pq.write_table(table, path)
    items = list(read_documents([str(path)], ReadOptions(text_field="body", id_field="doc_id")))
    one, problem, three = items
    assert isinstance(one, Document) and (one.id, one.text) == ("10", "One.")
    assert one.metadata["score"] == 0.5
    assert isinstance(problem, ReadProblem)
    assert problem.message == "row 1: text field 'body' is null, not a string"
    assert isinstance(three, Document) and record_source(three).index == 2  # type: ignore[union-attr]


def test_missing_column_and_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"content": ["x"]}), path)
    (problem,) = read_documents([str(path)])
    assert isinstance(problem, ReadProblem) and "no text column 'text'" in problem.message
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"this is not parquet")
    (problem,) = read_documents([str(bad)])
    assert isinstance(problem, ReadProblem) and problem.message.startswith("cannot read Parquet")


def test_many_row_groups_stream_in_order(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    texts = [f"Story number {i}." for i in range(1000)]
    pq.write_table(pa.table({"id": list(range(1000)), "text": texts}), path, row_group_size=97)
    docs = list(read_documents([str(path)]))
    assert [d.text for d in docs] == texts  # type: ignore[union-attr]
