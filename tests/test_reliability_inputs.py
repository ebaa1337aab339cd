"""Hostile inputs: each is reported or handled, never crashes the run, never loses data."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

GLUED = " date 2021-06-01 The ferry sailed at noon.\n"


def test_documents_over_the_size_limit_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text("word " * 3000, encoding="utf-8")
    (tmp_path / "small.txt").write_text(GLUED, encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(
        json.dumps({"id": "long", "text": "x " * 3000})
        + "\n"
        + json.dumps({"id": "ok", "text": GLUED})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--no-siblings", "--max-doc-chars", "1000", str(tmp_path))
    assert result.returncode == 2
    assert "huge.txt" in result.stderr and "over the --max-doc-chars limit" in result.stderr
    assert "long: document of 6,000 characters" in result.stderr
    assert "small.txt:1:1: HDR001" in result.stdout
    assert "r.jsonl[ok]:1:1: HDR001" in result.stdout


def test_lone_surrogate_in_json_is_reported_and_survives_a_fixed_copy(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": " date 2021-06-01 Half \\ud83d an emoji."}\n', encoding="utf-8"
    )
    checked = run_cli("check", "--no-siblings", str(source))
    assert "ENC005" in checked.stdout
    out = tmp_path / "out"
    fixed = run_cli("check", "--no-siblings", "--fix", "--output-dir", str(out), str(source))
    assert fixed.returncode == 1, fixed.stderr  # ENC005 has no fix and remains
    (line,) = (out / "in.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["text"] == "Half \ud83d an emoji."


def test_odd_but_valid_text_is_checked_without_errors(tmp_path: Path) -> None:
    texts = {
        "empty.txt": "",
        "blank.txt": " \n\t\n\n",
        "rtl.txt": "قال المجلس إن الجدار سيبنى في الربيع.\nהמועצה הצביעה בעד.\n",
        "combining.txt": "Cafe\u0301 owners met. The n\u0303 was kept.\n",
        "quotes.txt": "“She said ‘he said “they said ‘no’” twice’ loudly.”\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path))
    payload = json.loads(result.stdout)
    assert payload["summary"]["documents"] == len(texts)
    assert "ERR001" not in payload["summary"]["by_code"]
    assert result.returncode in (0, 1), result.stderr


def test_binary_and_invalid_utf8_files(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "cp1252.txt").write_bytes(b"The mayor\x92s office said it\x92s done.\n")
    result = run_cli("check", "--no-siblings", str(tmp_path))
    assert result.returncode == 2
    assert "image.txt" in result.stderr and "binary" in result.stderr
    assert "cp1252.txt:1:10: ENC002" in result.stdout
