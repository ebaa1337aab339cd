"""Fixes never overwrite a file that changed since it was read, nor a read-only file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli
from corpusmend import Linter
from corpusmend.errors import CorpusmendError
from corpusmend.readers.text import read_text_document
from corpusmend.runner import RunOptions, process
from corpusmend.writers import write_fixed_text_file

GLUED = " date 2020-03-03 The library extended its opening hours.\n"


def test_file_changed_between_check_and_write_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    result = process(Linter(), read_text_document(path), RunOptions(fix=True))
    assert result.fixed_text is not None
    path.write_text(GLUED + "An editor added this line meanwhile.\n", encoding="utf-8")
    with pytest.raises(CorpusmendError, match="changed on disk"):
        write_fixed_text_file(result)
    assert path.read_text(encoding="utf-8").endswith("meanwhile.\n")


def test_read_only_file_is_reported_and_others_fixed(tmp_path: Path) -> None:
    locked, open_ = tmp_path / "locked.txt", tmp_path / "open.txt"
    for p in (locked, open_):
        p.write_text(GLUED, encoding="utf-8")
    os.chmod(locked, 0o444)
    result = run_cli("check", "--fix", str(tmp_path))
    assert result.returncode == 2
    assert "locked.txt" in result.stderr and "read-only" in result.stderr
    assert locked.read_text(encoding="utf-8") == GLUED
    assert open_.read_text(encoding="utf-8").startswith("The library")
    assert f"{locked}:1:1: HDR001" in result.stdout


def test_permissions_bom_crlf_and_final_newline_survive_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeff date 2020-03-03 First line.\r\nSecond line.".encode())
    os.chmod(path, 0o640)
    assert run_cli("check", "--fix", "--select", "HDR001", str(path)).returncode == 0
    assert path.read_bytes() == "\ufeffFirst line.\r\nSecond line.".encode()
    assert path.stat().st_mode & 0o777 == 0o640
