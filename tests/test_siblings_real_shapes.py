"""Shapes real sibling copies showed (issue 10), in invented text: outlets paragraph, head and
quote differently, and none of that is an artifact; a repair keeps every mark it does not move.

Each test builds a clean article, a sibling of it and (where there is an artifact) a corrupted
copy; fixing against the sibling must give back the clean article, or change nothing.
"""

from __future__ import annotations

from siblings_texts import article, fixed, splice, with_siblings

from corpusmend import Document
from corpusmend.siblings import SiblingIndex
from corpusmend.siblings.repairs import WHOLE_COPY
from corpusmend.siblings.tokens import tokenize
from corpusmend.siblings.wholeness import join

OPENING = (
    "The ferry company of Wrenhaven said on Thursday that its oldest boat, the Marigold, will"
    " stay in service for two more summers while a new hull is built in the northern yards."
)
CREWS = (
    "Deckhands had expected the boat to be retired this autumn, after an inspection found rust"
    " along the keel and a cracked window in the wheelhouse that let the rain in."
)
QUOTE = (
    "“She has carried our grandparents and she can carry us a little longer,” said Odile"
    " Farrant, who has skippered the Marigold for nineteen years."
)
REPAIRS = (
    "The company finished the repairs “a few weeks ago” and had the boat checked again by the"
    " harbour inspectors, who found nothing that would keep her tied up."
)
TIMETABLE = (
    "The summer timetable, with crossings every forty minutes, starts on the first Saturday of"
    " June and runs until the end of September."
)
CLOSING = (
    "The new boat, still without a name, is due to be launched in the spring of the year after"
    " next, the company said in its statement."
)


def codes(linter, doc: str, *siblings: str) -> list[str]:
    return sorted(f.code for f in linter.check(doc, siblings=with_siblings(*siblings)))


def sib_codes(linter, doc: str, *siblings: str) -> list[str]:
    return [c for c in codes(linter, doc, *siblings) if c.startswith("SIB")]


# -- shape 1: a paragraph break between complete sentences is no artifact ------------------------


def test_a_break_between_whole_sentences_is_left_alone(linter):
    # this copy starts a new paragraph where the sibling goes on in the same one
    doc = article(OPENING, CREWS, QUOTE, TIMETABLE, CLOSING)
    sibling = article(OPENING, CREWS + " " + QUOTE, TIMETABLE, CLOSING)
    assert sib_codes(linter, doc, sibling) == []
    assert fixed(linter, doc, sibling) == doc


def test_several_quotation_paragraphs_stay_apart(linter):
    second = "“We will miss her when she goes,” Farrant added."
    third = "“But not yet.”"
    doc = article(OPENING, CREWS, QUOTE, second, third, CLOSING)
    sibling = article(OPENING, CREWS, QUOTE + " " + second + " " + third, CLOSING)
    assert fixed(linter, doc, sibling) == doc


def test_headline_and_byline_lines_the_sibling_runs_together(linter):
    # a headline and a byline end without a full stop; a sibling that has them on one line
    # says nothing about a broken sentence
    doc = article("Old ferry gets two more summers", "By Tamsin Oakley", OPENING, CREWS, CLOSING)
    sibling = article(
        "Old ferry gets two more summers By Tamsin Oakley Harbour Desk", OPENING, CREWS, CLOSING
    )
    assert "SIB004" not in codes(linter, doc, sibling)


def test_a_break_inside_a_sentence_is_still_rejoined(linter):
    head, tail = CREWS.split(" along the keel")
    doc = article(OPENING, head + " along the\n\nkeel" + tail, CLOSING)
    clean = article(OPENING, CREWS, CLOSING)
    assert "SIB004" in codes(linter, doc, clean)
    assert fixed(linter, doc, clean) == clean


# -- shape 2: a move eats no character ------------------------------------------------------------


def test_a_handle_at_the_insertion_point_keeps_its_at_sign(linter):
    tweet = "@wrenferries Good news for the island: the Marigold sails on until the new boat comes."
    clean = article(OPENING, CREWS, TIMETABLE, QUOTE, tweet, CLOSING)
    doc = article(OPENING, splice(CREWS, "along the keel", QUOTE), TIMETABLE, tweet, CLOSING)
    assert "SIB001" in codes(linter, doc, clean)
    assert fixed(linter, doc, clean) == clean


def test_a_dashed_subheading_at_the_insertion_point_keeps_its_dash(linter):
    heading = "- A new hull -"
    clean = article(OPENING, CREWS, TIMETABLE, QUOTE, heading, CLOSING)
    doc = article(OPENING, splice(CREWS, "along the keel", QUOTE), TIMETABLE, heading, CLOSING)
    assert fixed(linter, doc, clean) == clean


# -- shape 4: a block spliced inside a quotation --------------------------------------------------


def test_a_block_spliced_inside_a_quotation(linter):
    clean = article(OPENING, CREWS, REPAIRS, TIMETABLE, QUOTE, CLOSING)
    doc = article(OPENING, CREWS, splice(REPAIRS, "ago” and", QUOTE), TIMETABLE, CLOSING)
    assert "SIB001" in codes(linter, doc, clean)
    assert fixed(linter, doc, clean) == clean


def test_a_block_glued_to_a_closing_quote_tail(linter):
    clean = article(OPENING, CREWS, REPAIRS, TIMETABLE, QUOTE, CLOSING)
    doc = article(
        OPENING, CREWS, splice(REPAIRS, "ago” and", QUOTE, glued=True), TIMETABLE, CLOSING
    )
    assert fixed(linter, doc, clean) == clean


def test_a_block_spliced_inside_a_quotation_with_straight_quotes(linter):
    repairs, quote = (p.replace("“", '"').replace("”", '"') for p in (REPAIRS, QUOTE))
    clean = article(OPENING, CREWS, repairs, TIMETABLE, quote, CLOSING)
    for glued in (False, True):
        spliced = splice(repairs, 'ago" and', quote, glued=glued)
        doc = article(OPENING, CREWS, spliced, TIMETABLE, CLOSING)
        assert fixed(linter, doc, clean) == clean


def test_the_sibling_has_the_block_after_a_line_without_a_full_stop(linter):
    # a video's timestamp line stands before the quotation in the sibling: the quotation is
    # still whole there (it opens a line)
    clean = article(OPENING, CREWS, TIMETABLE, QUOTE, CLOSING)
    sibling = article(OPENING, CREWS, TIMETABLE, "Jun.02.2024 04:15", QUOTE, CLOSING)
    doc = article(OPENING, splice(CREWS, "along the keel", QUOTE), TIMETABLE, CLOSING)
    assert fixed(linter, doc, sibling) == clean


def test_the_copy_that_has_the_whole_quotation_decides_the_move(linter):
    # the closest copy words the quotation's second sentence otherwise, so only its first
    # sentence is a block there; moving that alone would leave the second in the sentence
    second = "“The engine is older than I am, and it has never once left us stranded at sea.”"
    reworded = "“Nothing on this coast runs as sweetly as that old engine of hers.”"
    quote = QUOTE + " " + second
    clean = article(OPENING, CREWS, TIMETABLE, quote, CLOSING)
    closest = article(OPENING, CREWS, TIMETABLE, QUOTE + " " + reworded, CLOSING)
    whole = article(
        OPENING.replace("on Thursday", "this week"),
        CREWS,
        TIMETABLE,
        quote,
        "A new boat is due the year after next.",
    )
    doc = article(OPENING, splice(CREWS, "along the keel", quote), TIMETABLE, CLOSING)
    assert fixed(linter, doc, closest, whole) == clean


# -- shape 3: a partial copy decides the place of a block it has whole ----------------------------


def test_a_partial_copy_with_the_sentence_and_the_block_decides(linter):
    # the sibling is a compilation: its own lead and other stories, and only a passage of this
    # one (the crews' paragraph and the quotation), far below a whole copy's share
    clean = article(OPENING, CREWS, QUOTE, TIMETABLE, CLOSING)
    other = (
        "In other harbour news, the lighthouse on Gannet Point will be painted in the autumn,"
        " and the ferry to the outer island gets a second deck crew for the busy weeks of August."
        " The fish market moves to the east quay for the whole of next year while its roof is"
        " replaced, and the ice plant beside it will run through the night in the meantime."
    )
    sibling = article("Harbour roundup for the week", other, CREWS, QUOTE, other.upper())
    doc = article(OPENING, splice(CREWS, "along the keel", QUOTE, glued=True), TIMETABLE, CLOSING)
    # the index finds it (a third of the copy's shingles), though it is no whole copy
    index = SiblingIndex.build([Document(doc, id="copy"), Document(sibling, id="roundup")])
    (match,) = index.query(Document(doc, id="copy"))
    assert match.document.id == "roundup" and match.containment < WHOLE_COPY
    assert fixed(linter, doc, sibling) == clean
    # a partial copy says nothing about the rest: no edge, coverage or insertion findings
    assert sib_codes(linter, clean, sibling) == []


# -- shape 6: an extra whole paragraph, an intro line before a block quotation --------------------


def test_an_extra_whole_paragraph_is_not_an_interruption(linter):
    extra = "Tickets bought for the autumn crossings will be honoured on any other boat."
    doc = article(OPENING, CREWS, extra, TIMETABLE, CLOSING)
    sibling = article(OPENING, CREWS + " " + TIMETABLE, CLOSING)
    assert "SIB004" not in codes(linter, doc, sibling)
    assert fixed(linter, doc, sibling) == doc


def test_an_extra_subheading_line_is_not_an_interruption(linter):
    doc = article("Old ferry gets two more summers", "Repairs done", OPENING, CREWS, CLOSING)
    sibling = article("Old ferry gets two more summers " + OPENING, CREWS, CLOSING)
    assert "SIB004" not in codes(linter, doc, sibling)


def test_an_intro_line_ending_in_a_comma_before_a_block_quotation(linter):
    intro = "In a letter to passengers on Friday, the company wrote,"
    letter = "“The Marigold is safe, and she is staying with us for two more summers.”"
    doc = article(OPENING, CREWS, intro, letter, CLOSING)
    sibling = article(OPENING, CREWS, intro + " " + letter, CLOSING)
    assert "SIB004" not in codes(linter, doc, sibling)
    assert fixed(linter, doc, sibling) == doc


# -- a corrupted copy of the same page must not change how the other copies are fixed -----------


def test_the_same_page_scraped_again_is_no_other_version(linter):
    # two scrapes of one page share their furniture line; a third version lacks it. Whether the
    # second scrape is intact or corrupted, the first is fixed the same way: the line goes.
    line = "Published June 2, 2024"
    page = article(OPENING, line, CREWS, QUOTE, TIMETABLE, CLOSING)
    other = article(OPENING, CREWS, QUOTE, TIMETABLE, CLOSING.replace("in its statement", "today"))
    rescrape = article(OPENING, line, splice(CREWS, "along the keel", QUOTE), TIMETABLE, CLOSING)
    clean = article(OPENING, CREWS, QUOTE, TIMETABLE, CLOSING)
    assert fixed(linter, page, other) == clean
    assert fixed(linter, page, other, page) == clean
    assert fixed(linter, page, other, rescrape) == clean


def test_a_snippet_cut_with_an_ellipsis_at_a_line_end_ends_its_sentence():
    # a news aggregator cuts each story's lead short with " ..." and puts a time line after it:
    # the lead does not run on into the time line (nor into a block after it)
    t = tokenize("The ferry will stay in service for two more ...\n\n4 hours ago")
    assert t.ends_sentence(list(t.norms).index("more"))
    # an ellipsis inside a line is a pause, not an end
    t = tokenize("The ferry will stay … for two more summers.")
    assert not t.ends_sentence(list(t.norms).index("stay"))
    # a full stop set off by a space (scraped text) still ends the sentence
    t = tokenize("Talks may turn to the ferry .\n\nThe new hull")
    assert t.ends_sentence(list(t.norms).index("ferry"))


def test_which_line_breaks_cut_a_sentence():
    # a join is broken where a sentence is cut: not after a time line, nor before a lower-case
    # furniture line ("amp") that never ends a sentence
    def broken(text: str, left: str, right: str) -> bool:
        t = tokenize(text)
        i, j = list(t.norms).index(left), list(t.norms).index(right)
        return join(t, i, t.text[t.outer_end(i) : t.outer_start(j)], j).broken()

    assert not broken("Top stories\n\n4 hours ago\n\nThe ferry stays.", "ago", "the")
    assert not broken("The ferry stays.\n\namp\n\nMore news.", "stays", "amp")
    assert broken("The ferry stays.\n\nto the end of the summer.", "stays", "to")
    assert broken("It was built in May. Crews fixed its\n\nHull and deck.", "its", "hull")
