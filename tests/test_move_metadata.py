"""--move-metadata keeps what header fixes remove (issue 14, item 7): HDR001's date and
HDR002's title and byline go into record fields (names configurable) and, for text files and
records alike, into the findings sidecar; reader bookkeeping never leaks into them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusmend.cli import main

DATED = " date 2021-03-04 The tide came in early and the harbour road flooded again."
BYLINE = "By Ann Lee\nThe council met on Tuesday to talk about the ferry timetable for winter.\n"


def fix(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    code = main(["check", "--no-cache", "--no-siblings", "--fix", *argv])
    capsys.readouterr()
    return code


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_records_get_the_moved_date_and_keep_their_own_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    records = [
        {"id": "a", "text": DATED},
        {"id": "b", "text": DATED, "date": "2021-03-05"},  # the record's own value wins
        {"id": "c", "text": DATED, "date": ""},  # an empty value is filled
    ]
    Path("news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    argv = ["--isolated", "--move-metadata", "--output-dir", "out", "news.jsonl"]
    assert fix(capsys, *argv, "--findings-sidecar", "side.jsonl") == 0
    copied = read_jsonl(Path("out/news.jsonl"))
    assert copied[0] == {"id": "a", "text": DATED[17:], "date": "2021-03-04"}
    assert copied[1]["date"] == "2021-03-05" and copied[2]["date"] == "2021-03-04"
    side = read_jsonl(Path("side.jsonl"))
    assert [s.get("metadata") for s in side] == [
        {"date": "2021-03-04"},
        None,
        {"date": "2021-03-04"},
    ]
    # without the flag the value is dropped, as before
    assert fix(capsys, "--isolated", "--output-dir", "plain", "news.jsonl") == 0
    assert "date" not in read_jsonl(Path("plain/news.jsonl"))[0]


def test_field_names_come_from_the_command_line_or_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("news.csv").write_text(
        "id,text,published,writer\r\n" + f'1,"{BYLINE}",,\r\n', encoding="utf-8"
    )
    Path("dated.jsonl").write_text(json.dumps({"id": "d", "text": DATED}) + "\n")
    argv = ["--isolated", "--move-metadata", "--metadata-field", "author=writer"]
    assert fix(capsys, *argv, "--output-dir", "out", "news.csv", "dated.jsonl") == 0
    assert Path("out/news.csv").read_bytes().decode() == (
        "id,text,published,writer\r\n"
        '1,"The council met on Tuesday to talk about the ferry timetable for winter.\n"'
        ",,Ann Lee\r\n"
    )
    Path(".corpusmend.yaml").write_text(
        "move-metadata: true\nmetadata-fields: {date: published}\n", encoding="utf-8"
    )
    assert fix(capsys, "--output-dir", "cfg", "news.csv", "dated.jsonl") == 0
    assert read_jsonl(Path("cfg/dated.jsonl"))[0] == {
        "id": "d",
        "text": DATED[17:],
        "published": "2021-03-04",
    }
    assert ",,Ann Lee" not in Path("cfg/news.csv").read_text()  # no "author" column to fill


def test_text_files_keep_the_moved_values_in_the_sidecar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_bytes(b"\xef\xbb\xbf" + BYLINE.encode())  # a BOM: bookkeeping
    argv = ["--isolated", "--move-metadata", "--findings-sidecar", "side.jsonl", "story.txt"]
    assert fix(capsys, *argv) == 0
    (line,) = read_jsonl(Path("side.jsonl"))
    assert line["metadata"] == {"author": "Ann Lee"}  # no "bom", no "__source__"
    assert Path("story.txt").read_bytes().startswith(b"\xef\xbb\xbfThe council met")


def test_a_bad_metadata_field_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fix", "--move-metadata", "--metadata-field", "date", "-"]) == 2
    assert "expected VALUE=FIELD" in capsys.readouterr().err
