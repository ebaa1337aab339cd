from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from corpusmend import Document, Linter


def test_check_and_fix_through_the_api(linter: Linter) -> None:
    text = " date 2022-07-01 The bridge reopened.\n"
    (finding,) = [f for f in linter.check(text) if f.code == "HDR001"]
    assert (finding.start, finding.end, finding.severity) == (0, 17, "error")
    result = linter.fix(text)
    assert result.text == "The bridge reopened.\n"
    assert [f.code for f in result.applied] == ["HDR001"]
    assert linter.fix(result.text).text == result.text


def test_documents_with_metadata_are_accepted(linter: Linter) -> None:
    doc = Document("Plain text.", id="a-1", metadata={"url": "x"})
    assert linter.check(doc) == []


def test_one_linter_is_safe_across_threads(linter: Linter) -> None:
    texts = [f" date 2022-07-{d:02d} Story number {d}." for d in range(1, 29)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(linter.fix, texts))
    assert [r.text for r in results] == [f"Story number {d}." for d in range(1, 29)]


def test_select_limits_rules() -> None:
    assert Linter(select=["FMT"]).check(" date 2022-07-01 Text.") == []
