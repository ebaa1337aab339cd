"""Reader bookkeeping lives in Document fields, never in the user's metadata; API errors name
API arguments, not command-line flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusmend import Document, Linter
from corpusmend.errors import SelectorError
from corpusmend.readers import ReadOptions, read_documents


def test_a_record_keeps_only_its_own_fields_as_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    record = {"id": "a1", "text": "The tide came in.", "__source__": "crawler-7", "bom": "no"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = read_documents([str(path)], ReadOptions())
    assert isinstance(doc, Document)
    # a field once reserved for corpusmend's bookkeeping is now the user's like any other
    assert doc.metadata == {"id": "a1", "__source__": "crawler-7", "bom": "no"}
    assert doc.source is not None and doc.source.line == 1 and doc.source.format == "jsonl"
    assert doc.with_text("x").source is doc.source


def test_a_bom_is_a_flag_not_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfThe tide came in.\n")
    (doc,) = read_documents([str(path)], ReadOptions())
    assert isinstance(doc, Document)
    assert doc.bom is True and doc.metadata == {}
    assert doc.with_text("x").bom is True


def test_api_selector_errors_name_the_argument_not_a_flag() -> None:
    with pytest.raises(SelectorError) as info:
        Linter(select=["NOPE"])
    assert str(info.value) == "select: 'NOPE' matches no rule code, prefix or name"
    assert "--" not in str(info.value)
    with pytest.raises(SelectorError) as info:
        Linter(extend_select=["NOPE"])
    assert str(info.value).startswith("extend_select: 'NOPE'")


def test_the_command_line_still_names_its_flag(capsys: pytest.CaptureFixture[str]) -> None:
    from corpusmend.cli import main

    assert main(["check", "--isolated", "--select", "NOPE", "-"]) == 2
    assert "--select: 'NOPE' matches no rule" in capsys.readouterr().err
