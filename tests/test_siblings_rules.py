"""SIB001-SIB004 through the Python API, on invented sibling articles."""

from __future__ import annotations

import pytest
from siblings_texts import FERRY, LIBRARY, REWORDED, article, moved, spliced

from corpusmend import Document, Linter
from corpusmend.fixes import apply_edits

CLEAN = article(*LIBRARY)


def sib(findings) -> list[str]:
    return [f.code for f in findings if f.code.startswith("SIB")]


def test_a_spliced_quotation_goes_back_and_the_sentence_is_rejoined(linter):
    doc = spliced()
    found = linter.check(doc, siblings=[CLEAN])
    move = next(f for f in found if f.code == "SIB001")
    assert doc[move.start : move.end] == LIBRARY[3]
    assert move.fix.applicability == "unsafe"
    assert move.fix.provenance == {
        "sibling": "<text>",
        "similarity": 1.0,
        "versions": 2,
        "agree": 2,
    }
    # SIB001 supersedes the single-document splice fix: SPL001 is still reported, without a fix
    splice = [f for f in found if f.code == "SPL001"]
    assert splice and all(f.fix is None for f in splice)
    result = linter.fix(doc, siblings=[CLEAN], unsafe=True)
    assert result.text == CLEAN
    assert "SIB001" in [f.code for f in result.applied]
    assert linter.fix(result.text, siblings=[CLEAN], unsafe=True).text == CLEAN


def test_without_siblings_the_splice_rule_keeps_its_own_fix(linter):
    found = linter.check(spliced())
    assert [f.code for f in found if f.code == "SPL001" and f.fix is not None] == ["SPL001"]
    assert sib(found) == []


def test_the_intact_version_gets_no_finding_from_a_corrupted_sibling(linter):
    assert sib(linter.check(CLEAN, siblings=[spliced()])) == []


def test_a_moved_paragraph_needs_a_majority_of_versions(linter):
    doc = article(*moved(LIBRARY, 4, 1))
    # two versions: either order keeps every sentence whole, so nothing is decided
    assert sib(linter.check(doc, siblings=[CLEAN])) == []
    # three versions: the two siblings agree, the paragraph goes back (a warning: it breaks
    # no sentence, and outlets do reorder paragraphs)
    other = Document(article(*REWORDED), id="rewrite")
    found = linter.check(doc, siblings=[Document(CLEAN, id="clean"), other])
    assert sib(found) == ["SIB005"]
    assert found[0].severity == "warning"
    assert found[0].fix.provenance["versions"] == 3
    # the move is shown, never applied
    assert found[0].fix.applicability == "display"
    assert apply_edits(doc, found[0].fix.edits) == CLEAN
    fixed = linter.fix(doc, siblings=[Document(CLEAN, id="clean"), other], unsafe=True)
    assert fixed.text == doc


def test_three_versions_with_one_corrupted(linter):
    corrupted = Document(article(*moved(LIBRARY, 4, 1)), id="corrupted")
    rewrite = Document(article(*REWORDED), id="rewrite")
    # the clean document is outvoted by no one: the corrupted sibling is the odd one out
    assert sib(linter.check(CLEAN, siblings=[corrupted, rewrite])) == []
    # a sibling as corrupted as the document does not win against the document and another
    assert (
        sib(
            linter.check(
                corrupted.text, siblings=[corrupted.with_text(corrupted.text + " "), rewrite]
            )
        )
        == []
    )


def test_a_truncated_copy_is_told_what_is_missing_but_never_given_it(linter):
    doc = article(*LIBRARY[:5])
    found = linter.check(doc, siblings=[Document(CLEAN, id="full", path="corpus/full.txt")])
    assert sib(found) == ["SIB003"]
    short = found[0]
    assert short.severity == "warning"
    assert short.fix.applicability == "display"
    assert short.fix.edits[0].content == "\n\n" + article(*LIBRARY[5:])
    assert short.fix.provenance["path"] == "corpus/full.txt"
    assert linter.fix(doc, siblings=[CLEAN], unsafe=True).text == doc


def test_an_excerpt_is_missing_text_at_both_ends(linter):
    doc = article(*LIBRARY[2:5])
    found = [f for f in linter.check(doc, siblings=[CLEAN]) if f.code.startswith("SIB")]
    assert [f.code for f in found] == ["SIB003", "SIB003"]
    assert {f.data["where"] for f in found} == {"start", "end"}


def test_a_glued_header_no_sibling_has_is_removed(linter):
    doc = "Posted 2024-03-12 by the newsroom " + CLEAN
    found = linter.check(doc, siblings=[CLEAN])
    edge = next(f for f in found if f.code == "SIB002")
    assert doc[edge.start : edge.end] == "Posted 2024-03-12 by the newsroom"
    assert linter.fix(doc, siblings=[CLEAN]).text == CLEAN


def test_a_sentence_at_the_end_the_shorter_sibling_lacks_is_not_removed(linter):
    doc = article(*LIBRARY)
    shorter = article(*LIBRARY[:7])
    assert sib(linter.check(doc, siblings=[shorter])) == []


def test_an_insertion_inside_a_sentence_is_taken_out_and_kept(linter):
    ad = "Subscribe to the Marrowby Courier for daily news."
    doc = CLEAN.replace("its stone front and", f"its stone front {ad} and")
    found = linter.check(doc, siblings=[CLEAN])
    assert sib(found) == ["SIB004"]
    # SIB004 keeps the inserted text as its own paragraph after the sentence...
    kept = Linter(select=["SIB004"]).fix(doc, siblings=[CLEAN], unsafe=True).text
    assert kept == CLEAN.replace(LIBRARY[1], LIBRARY[1] + "\n\n" + ad)
    # ...where, a line no sibling has with the shape of page furniture, SIB002 removes it
    assert linter.fix(doc, siblings=[CLEAN], unsafe=True).text == CLEAN


@pytest.mark.parametrize("siblings", [[REWORDED], [LIBRARY]])
def test_reworded_siblings_without_artifacts_give_no_finding(linter, siblings):
    others = [article(*s) for s in siblings]
    assert sib(linter.check(article(*REWORDED), siblings=[*others, CLEAN])) == []
    assert sib(linter.check(CLEAN, siblings=[article(*REWORDED)])) == []


def test_unrelated_siblings_give_no_finding(linter):
    assert sib(linter.check(CLEAN, siblings=[article(*FERRY)])) == []


def test_sibling_rules_are_skipped_without_siblings(linter):
    assert sib(linter.check("Posted 2024-03-12 " + article(*LIBRARY[:2]))) == []


def test_a_reworded_lead_is_not_text_the_siblings_lack(linter):
    reworded = CLEAN.replace("The city council of Marrowby", "Marrowby's council", 1)
    assert reworded != CLEAN
    assert sib(linter.check(reworded, siblings=[CLEAN])) == []
    assert sib(linter.check(CLEAN, siblings=[reworded])) == []


def test_a_glued_date_goes_and_the_reworded_words_after_it_stay(linter):
    reworded = CLEAN.replace("The city council of Marrowby", "Marrowby's council", 1)
    doc = "date 2024-03-12 " + reworded
    fixed = Linter(select=["SIB002"]).fix(doc, siblings=[CLEAN]).text
    assert fixed == reworded


def test_a_credit_line_before_the_copyright_line_stays():
    # the copies lack both lines; the copyright line is furniture, the credit line is the story's
    credit = "Pennick's statement was read out by the council clerk."
    notice = "Copyright 2024 The Marrowby Courier. All rights reserved."
    doc = article(CLEAN, credit, notice)
    edges = Linter(select=["SIB002"])  # alone: BPL002 would report the copyright line first
    siblings = [CLEAN, article(*REWORDED)]
    [edge] = edges.check(doc, siblings=siblings)
    assert doc[edge.start : edge.end] == notice
    assert edges.fix(doc, siblings=siblings).text == article(CLEAN, credit)


def test_a_line_that_is_no_sentence_goes_with_the_copyright_line():
    doc = article(CLEAN, "More from the Courier", "Copyright 2024 The Marrowby Courier.")
    fixed = Linter(select=["SIB002"]).fix(doc, siblings=[CLEAN, article(*REWORDED)]).text
    assert fixed == CLEAN
