"""`check - --fix` writes the fixed text to stdout and the findings to stderr, as ruff does
(issue 14, item 1): for a text and for JSONL / CSV records on stdin."""

from __future__ import annotations

import io
import sys

import pytest

from conftest import run_cli
from corpusmend.cli import main

ARTICLE = " date 2021-03-04 The orchard co-op sold its first cider.\nTrailing space here.  \n"
ARTICLE_FIXED = "The orchard co-op sold its first cider.\nTrailing space here.\n"


def check_stdin(
    data: bytes, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["check", "--isolated", "--no-siblings", "-", "--fix", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_on_stdin_comes_back_fixed_on_stdout() -> None:
    result = run_cli("check", "--isolated", "-", "--fix", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ARTICLE_FIXED
    assert "(2 fixed)" in result.stderr


def test_unfixable_findings_go_to_stderr_and_the_text_comes_back_unchanged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    text = "By Ann Lee The council voted on Tuesday to keep the ferry running all winter long.\n"
    code, out, err = check_stdin(text.encode(), ["--select", "HDR002"], monkeypatch, capsys)
    assert out == text
    assert "-:1:1: HDR002 warning: " in err and code == 1


def test_jsonl_records_on_stdin_come_back_fixed_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    data = (
        b'{"id": "a", "text": " date 2021-03-04 The orchard co-op sold its first cider."}\n'
        b"\n"
        b"not json at all\n"
        b'{"id":"b",  "text": "Unchanged record, odd spacing kept."}\r\n'
    )
    code, out, err = check_stdin(data, ["--stdin-format", "jsonl"], monkeypatch, capsys)
    assert out == (
        '{"id": "a", "text": "The orchard co-op sold its first cider."}\n'
        "\n"
        "not json at all\n"
        '{"id":"b",  "text": "Unchanged record, odd spacing kept."}\r\n'
    )
    assert "-: line 3: invalid JSON" in err and code == 2


def test_csv_records_on_stdin_come_back_fixed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    data = (
        b'id,text,source\r\n1," date 2021-03-04 The orchard co-op sold cider.\nMore.",web\r\n'
        b"2,Plain row.,print\r\n"
    )
    code, out, err = check_stdin(data, ["--stdin-format", "csv"], monkeypatch, capsys)
    assert code == 0, err
    assert out == (
        'id,text,source\r\n1,"The orchard co-op sold cider.\nMore.",web\r\n2,Plain row.,print\r\n'
    )
    assert "Found 0 findings in 2 documents (1 fixed)." in err
