"""HDR001 (glued date header) and HDR002 (glued title or byline) end to end, with the metadata
move through the API and the JSON output."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run_cli, shared_path
from corpusmend import Document, Linter

FAMILIES = ("HDR", "BPL", "TRN", "FMT")


@pytest.fixture(scope="module")
def headers() -> Linter:
    return Linter(select=["HDR"])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (" date 2018-09-14 The ferry ran again.", "2018-09-14"),
        ("Date: 14 September 2018\n\nThe ferry ran again.", "2018-09-14"),
        ("Published: Sept. 4, 2018\nThe ferry ran again.", "2018-09-04"),
        ("Updated Tuesday, 4th Sep 2018 09:12 BST — The ferry ran again.", "2018-09-04"),
        ("Last updated on 2018-09-04T09:12:00+01:00\nThe ferry ran again.", "2018-09-04"),
    ],
)
def test_date_header_family_is_removed_and_moved(headers: Linter, text: str, date: str) -> None:
    (finding,) = headers.check(text)
    assert finding.code == "HDR001" and finding.severity == "error" and finding.start == 0
    assert finding.fix is not None and finding.fix.metadata == {"date": date}
    doc = Document(text, id="r1", metadata={"url": "https://example.org/ferry"})
    moved = headers.fix(doc, move_metadata=True)
    assert moved.text == "The ferry ran again."
    assert moved.metadata == {"url": "https://example.org/ferry", "date": date}
    removed = headers.fix(doc)  # removal by default: the metadata is left as it was
    assert removed.text == "The ferry ran again."
    assert removed.metadata == {"url": "https://example.org/ferry"}


def test_move_keeps_a_date_the_record_already_has() -> None:
    linter = Linter(select=["HDR001"], move_metadata=True)
    doc = Document("date 2018-09-14\nThe ferry ran again.", metadata={"date": "2018-09-15"})
    result = linter.fix(doc)
    assert result.text == "The ferry ran again."
    assert result.metadata == {"date": "2018-09-15"}


def test_title_from_metadata_and_byline_move_too(headers: Linter) -> None:
    text = "Ferry Crews To Strike\n\nBy Ann Lee / Coastal Wire\n\nThe crews strike on Friday."
    doc = Document(text, metadata={"title": "Ferry crews to strike!"})
    found = headers.check(doc)
    assert [(f.code, text[f.start : f.end]) for f in found] == [
        ("HDR002", "Ferry Crews To Strike"),
        ("HDR002", "By Ann Lee / Coastal Wire"),
    ]
    result = headers.fix(doc, move_metadata=True)
    assert result.text == "The crews strike on Friday."
    assert result.metadata == {"title": "Ferry crews to strike!", "author": "Ann Lee"}
    # without the metadata title, a first line is just a heading
    assert headers.check("Ferry Crews To Strike\n\nFerry crews will strike on Friday.") == []


def test_json_output_carries_the_moved_value(tmp_path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text((FIXTURES / "glued" / "orchard-dated.txt").read_text(encoding="utf-8"))
    proc = run_cli("check", "--select", "HDR001", "--format", "json", str(path))
    assert proc.returncode == 1, proc.stderr
    (finding,) = json.loads(proc.stdout)["documents"][0]["findings"]
    assert finding["code"] == "HDR001"
    assert finding["fix"]["metadata"] == {"date": "2019-05-02"}
    assert finding["fix"]["edits"] == [{"start": 0, "end": 17, "content": ""}]


def test_seeds_get_only_hdr001_from_these_families() -> None:
    seeds = shared_path("seeds")
    linter = Linter(select=list(FAMILIES))
    clean = (seeds / "000_e078c78a2c2bce74.txt").read_text(encoding="utf-8")
    assert linter.check(clean) == []
    glued = (seeds / "001_54844bae62cb43cd.txt").read_text(encoding="utf-8")
    found = linter.check(glued)
    assert [(f.code, glued[f.start : f.end]) for f in found] == [("HDR001", " date 2018-09-14 ")]
    assert found[0].fix is not None and found[0].fix.metadata == {"date": "2018-09-14"}


@pytest.mark.parametrize("path", sorted((FIXTURES / "clean").glob("*.txt")), ids=lambda p: p.name)
def test_clean_fixtures_get_no_error_from_any_rule(path) -> None:
    findings = Linter().check(path.read_text(encoding="utf-8"))
    assert [f for f in findings if f.severity == "error"] == []
    # and nothing at all from these families: they are written without artifacts
    assert [f for f in findings if f.code.startswith(FAMILIES)] == []
