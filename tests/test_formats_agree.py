"""The same corpus as text files, JSONL, JSONL.gz, CSV and Parquet gives the same findings,
and `--fix --output-dir` gives the same fixed texts in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from format_corpus import (
    ARTICLES,
    write_csv,
    write_jsonl,
    write_jsonl_gz,
    write_parquet,
    write_text_dir,
)

from conftest import run_cli

pytest.importorskip("pyarrow")

WRITERS = {
    "jsonl": lambda d: write_jsonl(d / "corpus.jsonl"),
    "jsonl.gz": lambda d: write_jsonl_gz(d / "corpus.jsonl.gz"),
    "csv": lambda d: write_csv(d / "corpus.csv"),
    "parquet": lambda d: write_parquet(d / "corpus.parquet"),
}


def findings_by_id(payload: dict, from_path: bool) -> dict[str, list[tuple]]:
    out = {}
    for doc in payload["documents"]:
        key = Path(doc["path"]).stem if from_path else doc["id"]
        out[key] = [
            (f["code"], f["start"], f["end"], f["line"], f["column"], f["message"])
            for f in doc["findings"]
        ]
    return out


@pytest.fixture(scope="module")
def text_findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    root = write_text_dir(tmp_path_factory.mktemp("txt") / "corpus")
    result = run_cli("check", "--format", "json", str(root))
    assert result.returncode == 1, result.stderr
    found = findings_by_id(json.loads(result.stdout), from_path=True)
    codes = {f[0] for fs in found.values() for f in fs}
    assert {"HDR001", "BPL002", "ENC001", "FMT003"} <= codes
    assert found["library-hours"] == []
    return found


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_record_formats_find_what_text_files_find(
    fmt: str, tmp_path: Path, text_findings: dict
) -> None:
    path = WRITERS[fmt](tmp_path)
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert [d["id"] for d in payload["documents"]] == list(ARTICLES)
    assert {d["path"] for d in payload["documents"]} == {str(path)}
    assert findings_by_id(payload, from_path=False) == text_findings


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_fixed_copies_hold_the_same_texts_as_fixed_text_files(fmt: str, tmp_path: Path) -> None:
    text_root = write_text_dir(tmp_path / "corpus")
    fixed_text = run_cli(
        "check", "--fix", "--output-dir", str(tmp_path / "out-txt"), str(text_root)
    )
    assert fixed_text.returncode == 0, fixed_text.stdout + fixed_text.stderr
    expected = {p.stem: p.read_bytes().decode("utf-8") for p in (tmp_path / "out-txt").iterdir()}
    assert expected["harbour-reopens"].startswith("The harbour at Kelmouth")

    path = WRITERS[fmt](tmp_path)
    out = tmp_path / "out"
    fixed = run_cli("check", "--fix", "--output-dir", str(out), str(path))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    copy = out / path.name
    check = run_cli("check", "--format", "json", "--select", "HDR001,ENC001,BPL002", str(copy))
    payload = json.loads(check.stdout)
    assert payload["summary"]["findings"] == 0
    assert read_texts(copy) == expected


def read_texts(path: Path) -> dict[str, str]:
    from corpusmend.readers import read_documents

    return {d.id: d.text for d in read_documents([str(path)])}
