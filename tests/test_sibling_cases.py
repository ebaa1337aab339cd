"""Sibling rule cases too long for a rule's `tests:` in rules/siblings.yaml, as folders.

Each folder of tests/fixtures/siblings/ that holds a document.txt is one case, named for its
rule (`sib001-...`), run as the rule's embedded cases are (only that rule selected, unsafe fixes
applied, a second fix changing nothing):

    document.txt    the document checked
    siblings/*.txt  its sibling versions
    findings.txt    the codes it must get, one a line (empty: none)
    expected.txt    the document after fixing (the document itself when nothing is applied)

Every file ends with one newline that is not part of the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from corpusmend import Linter
from corpusmend.ruleset.rule import RuleCase
from corpusmend.ruleset.testing import case_failures

CASES = sorted(p.parent for p in (FIXTURES / "siblings").glob("*/document.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").removesuffix("\n")


def _case(folder: Path) -> RuleCase:
    codes = _read(folder / "findings.txt").split()
    return RuleCase(
        text=_read(folder / "document.txt"),
        expect=tuple({"code": c} for c in codes) or None,
        fixed=_read(folder / "expected.txt"),
        siblings=tuple(_read(p) for p in sorted((folder / "siblings").glob("*.txt"))),
        unsafe=True,
        name=folder.name,
    )


def test_there_are_cases_for_each_rule_that_has_long_ones() -> None:
    assert {p.name.split("-")[0] for p in CASES} == {"sib001", "sib003", "sib005"}


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_sibling_case(folder: Path) -> None:
    code = folder.name.split("-")[0].upper()
    everything = Linter().all_rules
    rule = next(r for r in everything if r.code == code)
    assert case_failures(Linter.from_rules([rule], everything), rule, _case(folder)) == []
