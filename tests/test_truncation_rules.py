"""TRN001 on whole invented articles: cut-off endings are found, ordinary endings are not."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from corpusmend import Linter

TRN = Linter(select=["TRN"])
BODY = (FIXTURES / "clean" / "harbour.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize(
    ("tail", "how"),
    [
        (
            "The council will decide on the wall when it meets again in the spring, but",
            "mid-sentence",
        ),
        ("Engineers said the new cranes would be tested by the harbour's own inspec-", "mid-word"),
        (
            'She added: "We will not let the quay stand empty through another winter.',
            "inside a quotation",
        ),
        (
            "The clean-up of the outer basin is expected to take another six weeks [...]",
            "with a cut marker",
        ),
    ],
)
def test_cut_off_articles(tail: str, how: str) -> None:
    text = f"{BODY}\n\n{tail}\n"
    (finding,) = TRN.check(text)
    assert finding.code == "TRN001" and finding.severity == "warning" and finding.fix is None
    assert f"ends {how}" in finding.message
    assert text[finding.start : finding.end] == tail


def test_furniture_after_the_cut_is_looked_past() -> None:
    text = f"{BODY}\n\nThe council will decide on the wall in the spring, when\n\nShare this:\n"
    (finding,) = TRN.check(text)
    assert text[finding.start : finding.end].endswith("when")


@pytest.mark.parametrize(
    "tail",
    [
        "Ann Lee, Coastal Wire",
        "- a torch for the walk back along the quay after dark",
        "More on the storm: https://example.org/harbour/storm-report",
        "The repairs will cost 4.2 million (about a year of harbour fees)",
        "Photo Credit: Port Ellery Harbour Board Archive Via Coastal Wire",
        "HOW TO REACH THE HARBOUR OFFICE DURING THE REPAIRS AND AFTER THEM",
        "The figures, by month, were:",
    ],
)
def test_ordinary_endings(tail: str) -> None:
    assert TRN.check(f"{BODY}\n\n{tail}\n") == []


def test_clean_fixtures_end_properly() -> None:
    for path in sorted((FIXTURES / "clean").glob("*.txt")):
        assert TRN.check(path.read_text(encoding="utf-8")) == [], path.name
