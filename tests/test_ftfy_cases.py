"""ftfy's own test cases (../shared/corpora/ftfy-test-cases, Apache-2.0, (c) Robyn Speer), run
through the ENC rules: every in-the-wild case is flagged and fixed to its encoding-only expected
text; every negative case is fixed to its expected text, with no ENC finding when that text is
the original; the known failures stay failures (strict xfail: a pass means we got better)."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED, shared_path
from corpusmend import Linter

CASE_DIR = ("corpora", "ftfy-test-cases")
# Cases where our expected text is not ftfy's `fixed-encoding`, and why.
EXPECTED_OVERRIDES = {
    "10Î&frac14;s": (
        "fixed",
        "ENC004 unescapes HTML entities, which ftfy's encoding-only repair leaves alone; the "
        "unescaped entity completes mojibake, so we reach ftfy's full repair",
    ),
}


def _cases(name: str) -> list:
    path = SHARED.joinpath(*CASE_DIR, f"{name}.json")
    if not path.exists():
        return [pytest.param(None, id="absent")]
    cases = json.loads(path.read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{i}-{c['label'][:40]}") for i, c in enumerate(cases)]


def _expected(case: dict) -> str:
    key = EXPECTED_OVERRIDES.get(case["original"], ("fixed-encoding",))[0]
    return case.get(key, case["fixed"])


@pytest.fixture(scope="module")
def enc() -> Linter:
    return Linter(select=["ENC"])


@pytest.mark.parametrize("case", _cases("in-the-wild"))
def test_in_the_wild_is_flagged_and_fixed(enc: Linter, case: dict | None) -> None:
    shared_path(*CASE_DIR, "in-the-wild.json")
    original, expected = case["original"], _expected(case)
    if expected != original:
        assert enc.check(original), "no ENC finding"
    assert enc.fix(original).text == expected


@pytest.mark.parametrize("case", _cases("negative"))
def test_negative_is_left_alone(enc: Linter, case: dict | None) -> None:
    shared_path(*CASE_DIR, "negative.json")
    original, expected = case["original"], _expected(case)
    if expected == original:
        assert enc.check(original) == []
    assert enc.fix(original).text == expected


@pytest.mark.parametrize("case", _cases("known-failures"))
@pytest.mark.xfail(strict=True, reason="ftfy gets these wrong too (its known-failures file)")
def test_known_failures(enc: Linter, case: dict | None) -> None:
    shared_path(*CASE_DIR, "known-failures.json")
    assert enc.fix(case["original"]).text == case["fixed"]
