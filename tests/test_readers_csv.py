"""CSV records: RFC 4180 quoting, multi-line and huge fields, BOM, stray bytes, ragged rows."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import run_cli, shared_path
from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, read_documents, record_source


def read_all(path: Path, **options: str) -> list[Document | ReadProblem]:
    return list(read_documents([str(path)], ReadOptions(**options)))


def test_multiline_quoted_fields_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(
        b'id,content,title\r\na,"First line,\r\nsecond ""quoted"" line.",One\r\nb,"Plain.",Two\r\n'
    )
    a, b = read_all(path, text_field="content")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == 'First line,\r\nsecond "quoted" line.'
    assert a.metadata["title"] == "One" and b.metadata["title"] == "Two"
    source_a, source_b = record_source(a), record_source(b)
    assert source_a is not None and source_b is not None
    assert (source_a.line, source_b.line) == (2, 4)


def test_bom_invalid_bytes_and_a_field_over_the_default_limit(tmp_path: Path) -> None:
    huge = "word " * 60_000  # 300 KB, over csv's default 128 KB field limit
    path = tmp_path / "c.csv"
    path.write_bytes(
        b"\xef\xbb\xbfid,text\n" + b"1,Caf\xe9 opened.\n" + b'2,"' + huge.encode() + b'"\n'
    )
    one, two = read_all(path)
    assert isinstance(one, Document) and one.id == "1"  # the BOM is not part of "id"
    assert one.text == "Caf\udce9 opened."
    assert isinstance(two, Document) and two.text == huge


def test_ragged_row_and_missing_column_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,text\n1,Fine.\n2,Too,many\n3,Also fine.\n", encoding="utf-8")
    items = read_all(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["1", "3"]
    (problem,) = [i for i in items if isinstance(i, ReadProblem)]
    assert problem.message == "line 3: 3 fields, the header has 2"
    (missing,) = read_all(path, text_field="body")
    assert isinstance(missing, ReadProblem)
    assert missing.message == (
        "no text column 'body' (columns: 'id', 'text'); did you mean --text-field text?"
    )


def test_missing_id_falls_back_to_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("text\nOne.\n", encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and doc.id == f"{path}:2"


def test_fake_news_sample_reads_all_250_rows(tmp_path: Path) -> None:
    sample = shared_path("corpora", "fakenewscorpus", "news_sample.csv")
    items = read_all(sample, text_field="content")
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 250 and len(items) == 250
    with sample.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [d.text for d in docs] == [r["content"] for r in rows]
    assert any("\n" in d.text for d in docs)
    result = run_cli("check", "--text-field", "content", "--statistics", str(sample))
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip()
