"""The HDR, BPL, TRN and FMT rules on the 250-row FakeNewsCorpus sample (skips without ../shared).

What is asserted here was read and judged by hand: every BPL finding is page furniture (the kinds
listed below), every HDR002 finding is the record's title repeated as the first line or a byline
or dateline line, and TRN001 fires only on the few rows that are really cut off.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter

import pytest

from conftest import shared_path
from corpusmend import Document, Linter

# How the furniture lines judged correct begin (case-insensitive).
FURNITURE_STARTS = (
    "% of readers think this story is fact",
    "headline:",
    "subscribe to ",
    "please adhere to our commenting policy",
    "comment policy:",
    "this article has been contributed",
    "this content may be freely reproduced",
    "spread the word!",
    "advertisement",
    "read more",
    "continue reading",
    "follow @",
    "follow us on",
    "the post ",
    "see an error in this article",
    "related",
    "photo credit:",
    "image credit:",
    "featured image via",
    "listen to the podcast",
    "copyright ©",
    "before it's news ©",
    "follow the ",
    "like us on facebook",
    "like this: like loading",
    "share this: reddit",
    "filed under:",
    "tags:",
    "to read more posts like this visit",
    "watch on youtube",
    "more critical reads",  # link labels ending in "Click here"
    "(to donate to",
    "for more places to find",
)
BYLINE_STARTS = ("by ", "by:", "posted on", "authored by")


@pytest.fixture(scope="module")
def sample() -> list[tuple[dict[str, str], list]]:
    path = shared_path("corpora", "fakenewscorpus", "news_sample.csv")
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    linter = Linter(select=["HDR", "BPL", "TRN", "FMT"])
    return [
        (
            row,
            linter.check(Document(row["content"], id=row["id"], metadata={"title": row["title"]})),
        )
        for row in rows
    ]


def test_per_rule_counts(sample) -> None:
    counts = Counter(f.code for _, found in sample for f in found)
    assert len(sample) == 250
    assert counts["HDR001"] == 0  # the sample has no labelled date headers
    assert 150 <= counts["HDR002"] <= 165
    assert counts["BPL001"] >= 60
    assert counts["BPL002"] >= 190
    assert 1 <= counts["TRN001"] <= 6


def test_known_furniture_is_flagged_in_every_row_that_has_it(sample) -> None:
    for row, found in sample:
        flagged = {row["content"][f.start : f.end].casefold() for f in found}
        for line in row["content"].split("\n"):
            key = line.strip().casefold()
            if key.startswith(("% of readers think this story is fact", "headline: bitcoin")):
                assert key in flagged, (row["id"], line)


def test_every_furniture_finding_is_furniture(sample) -> None:
    for row, found in sample:
        for f in found:
            if f.code.startswith("BPL"):
                text = row["content"][f.start : f.end].casefold()
                assert text.startswith(FURNITURE_STARTS), (row["id"], text)
                assert "\n" not in text


def test_every_top_matter_finding_is_a_title_or_a_byline(sample) -> None:
    wrong = []
    for row, found in sample:
        for f in found:
            if f.code != "HDR002":
                continue
            text = row["content"][f.start : f.end]
            dated = text[:3] in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"}
            if not (
                text == row["title"].strip() or text.casefold().startswith(BYLINE_STARTS) or dated
            ):
                wrong.append((row["id"], text))
    assert wrong == []


def test_truncation_findings_end_mid_sentence(sample) -> None:
    for row, found in sample:
        for f in found:
            if f.code == "TRN001":
                assert f.end == len(row["content"].rstrip()), row["id"]
                if "mid-" in f.message:
                    assert row["content"].rstrip()[-1] not in '.!?”")', row["id"]
                else:
                    assert "inside a quotation" in f.message or "cut marker" in f.message


def test_fixing_removes_the_furniture_and_keeps_the_rest(sample) -> None:
    linter = Linter(select=["BPL", "FMT"])
    for row, _ in sample[:60]:
        result = linter.fix(row["content"])
        assert "% of readers think this story is Fact" not in result.text
        assert linter.fix(result.text).text == result.text
        kept = [line for line in row["content"].split("\n") if len(line) > 400]
        assert all(line in result.text for line in kept)  # long prose lines are never touched
