"""A file entirely in Windows-1252 is one finding with one safe fix (issue 14, item 11); a UTF-8
file with a few stray bytes keeps one finding per run. Same in JSON and SARIF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from corpusmend.cli import main

CP1252 = FIXTURES / "encoding" / "barcas-cp1252.txt"  # an invented Portuguese article
UTF8 = FIXTURES / "encoding" / "barcas-utf8.txt"  # the same article in UTF-8


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", "--isolated", "--no-cache", "--no-siblings", "--select", "ENC", *argv])
    return code, capsys.readouterr().out


@pytest.fixture
def cp1252(tmp_path: Path) -> Path:
    return Path(shutil.copyfile(CP1252, tmp_path / "barcas.txt"))


def test_a_windows_1252_file_is_one_finding(
    cp1252: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(capsys, str(cp1252))
    assert code == 1
    assert out.splitlines() == [
        f"{cp1252}:1:1: ENC006 [*] error: file is Windows-1252, not UTF-8 (22 bytes in 21 places)",
        "Found 1 finding in 1 document.",
        "[*] 1 fixable with --fix.",
    ]


def test_its_one_safe_fix_re_decodes_the_file(
    cp1252: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, "--fix", str(cp1252))[0] == 0
    assert cp1252.read_bytes() == UTF8.read_bytes()


def test_json_and_sarif_carry_the_one_finding(
    cp1252: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = check(capsys, "--format", "json", str(cp1252))
    (finding,) = json.loads(out)["documents"][0]["findings"]
    assert finding["code"] == "ENC006" and finding["fix"]["applicability"] == "safe"
    assert len(finding["fix"]["edits"]) == 21
    _, out = check(capsys, "--format", "sarif", str(cp1252))
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "ENC006"
    (fix,) = result["fixes"]
    assert len(fix["artifactChanges"][0]["replacements"]) == 21


def test_utf8_with_a_few_stray_bytes_keeps_one_finding_per_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stray.txt"
    text = (
        UTF8.read_bytes().replace(b"disse ele", b"disse\x92 ele").replace(b"pedido", b"pedido\x96")
    )
    path.write_bytes(text)
    code, out = check(capsys, str(path))
    assert [line.split(": ", 1)[1].split()[0] for line in out.splitlines()[:2]] == [
        "ENC002",
        "ENC002",
    ]
    assert "Found 2 findings in 1 document." in out and code == 1


def test_a_record_in_windows_1252_is_one_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.jsonl"
    article = CP1252.read_bytes().replace(b"\n", b"\\n")
    path.write_bytes(b'{"id": "barcas", "text": "' + article + b'"}\n')
    _, out = check(capsys, str(path))
    assert out.splitlines()[0] == (
        f"{path}[barcas]:1:1: ENC006 [*] error: record text is Windows-1252, not UTF-8 "
        "(22 bytes in 21 places)"
    )
