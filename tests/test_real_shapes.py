"""Regression cases in the shapes real syndicated news showed (issue 10, section 2), in invented
words: tests/fixtures/real_shapes/cases.yaml. Each runs the built-in rules' fix with the case's
siblings (unsafe fixes too, unless `safe_only`) and checks the text left and the errors."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from conftest import FIXTURES
from corpusmend import Linter

CASES: list[dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "real_shapes" / "cases.yaml").read_text(encoding="utf-8")
)["cases"]
LINTER = Linter()


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = []
        if case.get("known_failing"):
            marks.append(pytest.mark.xfail(reason=case["known_failing"], strict=True))
        out.append(pytest.param(case, id=case["name"].replace(" ", "-"), marks=marks))
    return out


def test_every_case_says_what_it_expects() -> None:
    assert len(CASES) >= 8
    for case in CASES:
        assert case["shape"][:1].isdigit(), case["name"]
        assert "fixed" in case or "no_errors" in case, case["name"]


@pytest.mark.parametrize("case", _params())
def test_real_shape(case: dict[str, Any]) -> None:
    document, siblings = case["document"], case.get("siblings") or []
    findings = LINTER.check(document, siblings=siblings)
    wrong = [
        f"{f.code} {f.message}"
        for f in findings
        if f.severity == "error" and f.code in case.get("no_errors", ())
    ]
    assert wrong == [], "error findings a reader judges wrong"
    if "fixed" in case:
        expected = document if case["fixed"] == "same" else case["fixed"]
        fixed = LINTER.fix(document, siblings=siblings, unsafe=not case.get("safe_only"))
        assert fixed.text == expected
