"""JSONL and JSONL.gz records: fields, ids, bad lines, invalid bytes, stdin."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import run_cli
from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, read_documents, record_source


def read_all(path: Path, **options: str) -> list[Document | ReadProblem]:
    return list(read_documents([str(path)], ReadOptions(**options)))


def test_text_id_and_the_rest_of_the_record(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"url": "https://a.example/1", "body": "First story.", "key": 7, "tags": ["x"]})
        + "\n\n"
        + json.dumps({"body": "Second story."})
        + "\n",
        encoding="utf-8",
    )
    first, second = read_all(path, text_field="body", id_field="key")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.text, first.id, first.path) == ("First story.", "7", str(path))
    assert first.metadata["url"] == "https://a.example/1" and first.metadata["tags"] == ["x"]
    assert "body" not in first.metadata
    source = record_source(first)
    assert source is not None and (source.line, source.fields) == (
        1,
        ("url", "body", "key", "tags"),
    )
    assert second.id == f"{path}:3"  # no id: the file and line


def test_bad_lines_are_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "a", "text": "One."}\n'
        '{"id": "b", "text": "Two."\n'
        '["not", "an", "object"]\n'
        '{"id": "d", "content": "Four."}\n'
        '{"id": "e", "text": null}\n'
        '{"id": "f", "text": "Six."}\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "f"]
    problems = [i.message for i in items if isinstance(i, ReadProblem)]
    assert problems[0].startswith("line 2: invalid JSON")
    assert problems[1] == "line 3: expected a JSON object, got list"
    assert problems[2] == "line 5: text field 'text' is null, not a string"
    # records without the text field are gathered and said once, when the file ends
    assert problems[3] == (
        "line 4: no text field 'text' (fields: 'id', 'content'); did you mean --text-field content?"
    )


def test_cli_reports_bad_line_with_file_and_line_and_checks_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "a", "text": " date 2020-01-01 The ferry ran late."}\n{broken\n', encoding="utf-8"
    )
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert f"{path}: line 2: invalid JSON" in result.stderr
    assert f"{path}[a]:1:1: HDR001" in result.stdout


def test_gzip_and_invalid_bytes_kept_as_surrogates(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"id": "a", "text": "Caf\xe9 prices rose."}\n')
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and doc.text == "Caf\udce9 prices rose."
    result = run_cli("check", "--select", "ENC002", str(path))
    assert "ENC002" in result.stdout


def test_truncated_gzip_is_reported_after_the_lines_before_it(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(b'{"id": "%d", "text": "Story."}\n' % i for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = read_all(path)
    assert isinstance(items[-1], ReadProblem) and "cannot read further" in items[-1].message
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 1


def test_stdin_jsonl() -> None:
    lines = '{"id": "r1", "text": " date 2021-02-03 Snow closed the pass."}\n'
    result = run_cli("check", "--stdin-format", "jsonl", "--format", "json", "-", stdin=lines)
    (doc,) = json.loads(result.stdout)["documents"]
    assert (doc["id"], doc["path"], doc["findings"][0]["code"]) == ("r1", None, "HDR001")
