"""Inputs the fuzzer (fuzz/fuzz_linter.py) once broke: each must now keep every invariant."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from corpusmend import Linter
from corpusmend.readers.text import decode

CASES = sorted((FIXTURES / "fuzz").glob("*.bin"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fuzz_regression(path: Path, linter: Linter) -> None:
    text, _ = decode(path.read_bytes())
    findings = linter.check(text)
    assert not [f for f in findings if f.code == "ERR001"]
    assert all(0 <= f.start <= f.end <= len(text) for f in findings)
    once = linter.fix(text, unsafe=True)
    assert linter.fix(once.text, unsafe=True).text == once.text
