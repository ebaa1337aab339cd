"""Writing fixes: text files in place keep their bytes' shape; record files get fixed copies."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from conftest import run_cli
from corpusmend.document import Document
from corpusmend.errors import CorpusmendError
from corpusmend.readers import read_documents, record_source
from corpusmend.writers.jsonl_copy import JsonlCopy

GLUED = " date 2020-03-03 The library extended its opening hours."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ((GLUED + "\r\nIt opens on Sundays.\r\n").encode(), b"The library"),
        ((GLUED + "\nNo final newline.").encode(), b"The library"),
        (b"\xef\xbb\xbf" + (GLUED + "\r\nBOM and CRLF.").encode(), b"\xef\xbb\xbfThe library"),
    ],
    ids=["crlf", "no-final-newline", "bom"],
)
def test_fix_in_place_keeps_line_endings_final_newline_bom_and_mode(
    tmp_path: Path, raw: bytes, expected: bytes
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    path.chmod(0o640)
    result = run_cli("check", "--fix", "--select", "HDR001", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = path.read_bytes()
    assert fixed.startswith(expected)
    tail = raw[raw.index(b"hours.") :]
    assert fixed.endswith(tail)  # every line ending and the (missing) final newline kept
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_fix_refuses_to_rewrite_record_files_in_place(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": GLUED}) + "\n", encoding="utf-8")
    before = path.read_bytes()
    for args in (["--fix", str(path)], ["--fix", str(tmp_path)]):
        result = run_cli("check", *args)
        assert result.returncode == 2
        assert "--output-dir" in result.stderr and "c.jsonl" in result.stderr
    assert path.read_bytes() == before
    alone = run_cli("check", "--output-dir", str(tmp_path / "out"), str(path))
    assert alone.returncode == 2 and "with --fix" in alone.stderr
    inside = run_cli("check", "--fix", "--output-dir", str(tmp_path / "out"), str(tmp_path))
    assert inside.returncode == 2 and "must not be inside" in inside.stderr


def test_jsonl_copy_changes_only_fixed_records(tmp_path: Path) -> None:
    src = tmp_path / "in" / "c.jsonl"
    src.parent.mkdir()
    lines = [
        b'{"id":"keep","text":"Caf\xe9 unchanged, compact and with a stray byte."}\r\n',
        b"\n",
        b'{"id": "fix", "text": " date 2020-03-03 Fixed record.", "n": 1.5, "z": [1]}\r\n',
        b"{not json}\n",
        b'{"text": "No id here.", "id": null}',
    ]
    src.write_bytes(b"".join(lines))
    out = tmp_path / "out"
    result = run_cli(
        "check", "--fix", "--select", "HDR001", "--output-dir", str(out), str(src.parent)
    )
    assert result.returncode == 2  # the broken line is reported
    assert "line 4: invalid JSON" in result.stderr
    copy = (out / "c.jsonl").read_bytes().split(b"\n")
    assert copy[0] + b"\n" == lines[0] and copy[1] == b"" and copy[3] == b"{not json}"
    assert json.loads(copy[2]) == {"id": "fix", "text": "Fixed record.", "n": 1.5, "z": [1]}
    assert copy[2].endswith(b"\r") and copy[4] == lines[4]
    assert src.read_bytes() == b"".join(lines)  # the input is never touched


def test_jsonl_gz_copy_is_gzip(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl.gz"
    with gzip.open(src, "wb") as fh:
        fh.write(json.dumps({"id": "a", "text": GLUED}).encode() + b"\n")
    out = tmp_path / "out"
    assert run_cli("check", "--fix", "--output-dir", str(out), str(src)).returncode == 0
    (doc,) = read_documents([str(out / "c.jsonl.gz")])
    assert isinstance(doc, Document) and doc.text == "The library extended its opening hours."


def test_csv_copy_keeps_unchanged_rows_byte_for_byte(tmp_path: Path) -> None:
    src = tmp_path / "c.csv"
    rows = [
        b"\xef\xbb\xbfid,text,note\r\n",
        b'"k1","Quoted though it need not be.",x\r\n',
        b'k2,"' + GLUED.encode() + b'\r\nSecond line, with a comma.",y\r\n',
        b"k3,Plain,z\r\n",
    ]
    src.write_bytes(b"".join(rows))
    out = tmp_path / "out"
    result = run_cli("check", "--fix", "--select", "HDR001", "--output-dir", str(out), str(src))
    assert result.returncode == 0, result.stderr
    copy = (out / "c.csv").read_bytes()
    assert copy.startswith(rows[0] + rows[1]) and copy.endswith(rows[3])
    fixed = copy[len(rows[0] + rows[1]) : -len(rows[3])]
    assert (
        fixed == b'k2,"The library extended its opening hours.\r\nSecond line, with a comma.",y\r\n'
    )


def test_parquet_copy_keeps_schema_row_groups_and_other_columns(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "c.parquet"
    texts = [GLUED if i % 3 == 0 else f"Story {i}." for i in range(10)]
    table = pa.table({"id": pa.array(range(10), pa.int32()), "text": texts, "lang": ["en"] * 10})
    pq.write_table(table, src, row_group_size=4, compression="zstd")
    out = tmp_path / "out"
    assert run_cli("check", "--fix", "--output-dir", str(out), str(src)).returncode == 0
    copy = pq.ParquetFile(out / "c.parquet")
    assert copy.schema_arrow == table.schema
    assert copy.metadata.num_row_groups == 3
    assert copy.metadata.row_group(0).column(0).compression == "ZSTD"
    got = copy.read().to_pydict()
    assert got["id"] == list(range(10)) and got["lang"] == ["en"] * 10
    expected = [t.replace(GLUED, GLUED[17:]) for t in texts]
    assert got["text"] == expected


def test_copy_refuses_a_record_changed_since_it_was_read(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GLUED}) + "\n", encoding="utf-8")
    (doc,) = read_documents([str(src)])
    assert isinstance(doc, Document)
    src.write_text(json.dumps({"id": "a", "text": "Edited meanwhile."}) + "\n", encoding="utf-8")
    target = tmp_path / "out" / "c.jsonl"
    copy = JsonlCopy(src, target)
    with pytest.raises(CorpusmendError, match="changed on disk"):
        copy.put(doc, record_source(doc), "fixed")  # type: ignore[arg-type]
    copy.abort()
    assert os.listdir(tmp_path / "out") == []  # neither the copy nor a temporary file


def test_findings_sidecar_has_one_line_per_document(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": GLUED}) + "\n" + json.dumps({"id": "b", "text": "Ok."}),
        encoding="utf-8",
    )
    sidecar = tmp_path / "findings.jsonl"
    result = run_cli("check", "--findings-sidecar", str(sidecar), "--format", "concise", str(src))
    assert result.returncode == 1
    a, b = (json.loads(line) for line in sidecar.read_text(encoding="utf-8").splitlines())
    assert (a["id"], a["path"], a["line"], a["fixed"]) == ("a", str(src), 1, 0)
    assert [(f["code"], f["start"], f["end"]) for f in a["findings"]] == [("HDR001", 0, 17)]
    assert (b["id"], b["line"], b["findings"]) == ("b", 2, [])
