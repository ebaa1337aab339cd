"""Spliced quotations repaired through a sibling, in the shapes that used to defeat alignment.

Each test builds a clean article, a sibling of it (sometimes reworded near the splice) and a
corrupted copy in which a quotation paragraph was moved into the middle of a sentence; fixing
the copy against the sibling must give back the clean article exactly.
"""

from __future__ import annotations

from siblings_texts import article, fixed, splice, with_siblings

from corpusmend import Document, Linter
from corpusmend.siblings.align import align
from corpusmend.siblings.tokens import tokenize

OPENING = (
    "The harbour board of Quillon voted on Monday to close the north pier for repairs, a week"
    " after a storm tore away part of its railing and two of its lamp posts."
)
CLOSING = (
    "The board will meet again on the first Thursday of next month to hear the engineers'"
    " report and to decide how the repairs will be paid for."
)


def sib001(linter, doc: str, *siblings: str) -> list[str]:
    return [
        f.code for f in linter.check(doc, siblings=with_siblings(*siblings)) if f.code == "SIB001"
    ]


def test_a_quotation_starting_like_the_paragraph_after_its_place(linter):
    # the clean article has "...the water.\n\n“Nobody ..." and the copy "...the water.\n\nNobody":
    # an anchor across that paragraph break used to lend the quotation's first word away
    fishers = (
        "Fishing crews said the closure came at the worst time of the year, when the boats"
        " bring in most of their catch and need the pier to unload it before dawn."
    )
    engineers = "Engineers from the county will inspect the pilings below the water."
    quote = (
        "“Nobody here wants the pier closed a day longer than it must be,” the harbour master said."
    )
    injured = "Nobody was injured in the storm, though a moored dinghy was found upside down."
    clean = article(OPENING, fishers, engineers, quote, injured, CLOSING)
    doc = article(OPENING, splice(fishers, "bring in", quote), engineers, injured, CLOSING)
    assert sib001(linter, doc, clean) == ["SIB001"]
    assert fixed(linter, doc, clean) == clean


def test_two_quotations_ending_in_the_same_words(linter):
    # both quotations end "a teacher at the harbour school." and are followed by the same
    # paragraph in one text or the other
    lead = (
        "Parents asked the board to keep the footpath along the pier open during the repairs,"
        " because children walk that way to school every morning."
    )
    first = "“We are not asking for much,” said Ilse Marrow, a teacher at the harbour school."
    second = (
        "“A fence and a lamp would do, and the children could still walk safely,” said Ilse"
        " Marrow, a teacher at the harbour school."
    )
    after = "Nobody on the board spoke against the request, and it was passed without a vote."
    clean = article(OPENING, lead, CLOSING, first, second, after)
    doc = article(OPENING, splice(lead, "because children", second), CLOSING, first, after)
    assert fixed(linter, doc, clean) == clean


def test_the_sibling_rewords_the_sentence_at_the_splice(linter):
    # the sibling says "remained open until", the copy "stayed open until": the sentence the
    # quotation interrupts is rejoined in the copy's own words, with one space
    cafe = "The café on the quay stayed open until 9 p.m. so that the crews could warm up."
    quote = "“We will not leave the crews out in the cold,” said the café's owner, Ruth Amsel."
    clean = article(OPENING, cafe, CLOSING, quote)
    sibling = clean.replace("stayed open until", "remained open until")
    doc = article(OPENING, splice(cafe, "until 9", quote, glued=True), CLOSING)
    assert fixed(linter, doc, sibling) == clean


def test_a_quotation_whose_place_follows_a_time_of_day(linter):
    # "a.m." ends the sentence before the quotation's place: not an initial
    road = "The coast road was closed by the police and reopened shortly after 6 a.m."
    gulls = (
        "Volunteers spent the morning clearing the slipway of seaweed and broken planks while"
        " the gulls circled overhead."
    )
    quote = "“It was the worst storm I have seen in forty years,” said the lifeboat coxswain."
    clean = article(OPENING, gulls, road, quote, CLOSING)
    doc = article(OPENING, splice(gulls, "broken planks", quote), road, CLOSING)
    assert fixed(linter, doc, clean) == clean


def test_a_sentence_cut_after_a_number_with_a_short_rest(linter):
    # the rest of the sentence, "people, and some left early.", is too short for an anchor
    meeting = "The meeting at 7 p.m. drew 248 people, and some left early."
    quote = "“We asked the board twelve times and got two answers,” said Tomas Berl, a fisher."
    clean = article(OPENING, meeting, quote, CLOSING)
    doc = article(OPENING, splice(meeting, "people, and", quote), CLOSING)
    assert sib001(linter, doc, clean) == ["SIB001"]
    assert fixed(linter, doc, clean) == clean
    glued = article(OPENING, splice(meeting, "people, and", quote, glued=True), CLOSING)
    assert fixed(linter, glued, clean) == clean


def test_a_moved_block_with_a_phrase_reworded_inside_it(linter):
    # the quotation is longer than the text it jumped over, so that text is the moved block,
    # cut in two by the reworded phrase; the halves are one block, and the quotation goes
    # after the whole of it
    hearing = (
        "At the hearing, Councillor Juno Brask asked why the flood barrier had been left"
        " unfinished for three winters."
    )
    residents = (
        "Residents of the lower town have raised concerns about the state of the sea wall"
        " since the last election."
    )
    quote = (
        "“It is a temporary fix for the lower town that has lasted eleven years, and nobody in"
        " the county office will say when it ends, or who will pay for the next one when the winter"
        " storms come back,” said Dr. Oren Vail, an engineer who has studied the barrier."
    )
    clean = article(OPENING, hearing, residents, quote, CLOSING)
    sibling = clean.replace("have raised concerns about", "have complained about")
    doc = article(OPENING, splice(hearing, "barrier had", quote), residents, CLOSING)
    assert fixed(linter, doc, sibling) == clean


def test_an_anchor_never_runs_across_a_paragraph_break():
    a = "one two three four five.\n\nsix seven eight nine ten."
    b = "one two three four five.\n\nsix seven eight nine ten."
    al = align(a, b)
    assert al.coverage == 1.0  # the words still match, by extension
    assert tokenize(a).paragraph_breaks() == [4]


def test_an_initial_is_no_sentence_end_but_a_time_of_day_at_a_line_end_is():
    t = tokenize("Dr. J. Smith came at 6 a.m.\n\nThen he left at 7 a.m. The end.")
    norms = list(t.norms)
    assert not t.ends_sentence(norms.index("j"))
    assert t.ends_sentence(norms.index("m"))  # "6 a.m." before a blank line
    assert t.ends_sentence(len(norms) - 1)


def test_a_paragraph_break_inside_a_sentence_the_sibling_has_whole(linter):
    harbour = "The board set aside money for the old swing bridge, a sum critics called too small."
    clean = article(OPENING, harbour, CLOSING)
    sibling = clean.replace("critics called", "critics have called")
    doc = article(OPENING, harbour.replace("old swing", "old\n\n\nswing"), CLOSING)
    sibs = [Document(sibling, id="copy")]
    found = [f for f in linter.check(doc, siblings=sibs) if f.code == "SIB004"]
    assert [doc[f.start : f.end] for f in found] == ["\n\n\n"]
    assert found[0].message.startswith("a sentence its siblings have whole is interrupted by")
    assert fixed(linter, doc, sibling) == clean
    # a break the sibling has too, or one after a colon, is left alone
    assert sib004(linter, clean, sibling) == []
    lead_in = article(OPENING, "The harbour master put it this way:\n\n“close it now.”", CLOSING)
    joined = lead_in.replace(":\n\n“", ": “")
    assert sib004(linter, lead_in, joined) == []


def sib004(linter, doc: str, *siblings: str) -> list[str]:
    return [
        f.code for f in linter.check(doc, siblings=with_siblings(*siblings)) if f.code == "SIB004"
    ]


def test_a_furniture_line_no_sibling_has_inside_the_document_is_removed(linter):
    only_sib002 = Linter(select=["SIB002"])  # the BPL rules may know the line too
    middle = "Volunteers cleared the slipway of seaweed and broken planks during the morning."
    clean = article(OPENING, middle, CLOSING)
    sibling = Document(clean.replace("during the morning", "in the morning"), id="copy")
    for line, inserted in (
        ("Share on Facebook Share via Email", article(OPENING, middle, "{}", CLOSING)),
        ("Sign up for our weekly briefing", article(OPENING, middle + "\n{}", CLOSING)),
    ):
        inserted = inserted.replace("{}", line)
        found = only_sib002.check(inserted, siblings=[sibling])
        assert [(f.code, f.data["where"]) for f in found] == [("SIB002", "inside")]
        assert inserted[found[0].start : found[0].end] == line
        assert only_sib002.fix(inserted, siblings=[sibling]).text == clean
        assert linter.fix(inserted, siblings=[sibling]).text == clean
    # a paragraph only this version has, with no furniture shape, is no artifact
    extra = article(OPENING, middle, "The gulls circled overhead all day.", CLOSING)
    assert only_sib002.check(extra, siblings=[sibling]) == []
    # nor is a sentence of prose that happens to contain a furniture word
    prose = "Copyright lawyers said the harbour photographs could be shared by the town for free."
    extra = article(OPENING, middle, prose, CLOSING)
    assert only_sib002.check(extra, siblings=[sibling]) == []


def test_a_glued_continuation_after_a_phrase_the_sibling_rewords(linter):
    # "is due to resume on Friday," against "should resume on Friday,": the words left of the
    # splice are matched around the rewording, and the glued rest ("weather permitting.") goes
    # back after them
    work = "Work on the pier is due to resume on Friday, weather permitting."
    quote = "“We asked the board twelve times and got two answers,” said Tomas Berl, a fisher."
    clean = article(OPENING, work, quote, CLOSING)
    sibling = clean.replace("is due to resume", "should resume")
    doc = article(OPENING, splice(work, "weather permitting", quote, glued=True), CLOSING)
    assert fixed(linter, doc, sibling) == clean


def test_a_continuation_starting_with_the_word_that_starts_the_next_paragraph(linter):
    # "...the council.”⏎⏎the decision" in the copy, "...the council.”⏎⏎The board" in the
    # sibling: "the" must not be matched across the paragraph break (the quotation is longer
    # than the text it jumped over, so that text is the moved block)
    said = (
        "Mira Ockenden, an economist at the regional bank, said the decision would affect"
        " about seventy households along the quay."
    )
    first = (
        "“Nobody here wants the quay closed for long, and nobody wants the boats to land their"
        " catch in another town while the repairs drag on through the whole of the winter,”"
        " said Lea Quill, who speaks for the council."
    )
    second = "“The numbers do not add up,” said Lea Quill, who speaks for the council."
    # "the decision would affect" twice: no anchor starts the moved text at "the"
    ferry = "A second vote on the decision would affect the ferry timetable as well."
    clean = article(OPENING, ferry, said, second, first, CLOSING)
    doc = article(OPENING, ferry, splice(said, "the decision", first), second, CLOSING)
    assert fixed(linter, doc, clean) == clean


def test_a_match_is_never_extended_across_a_paragraph_break():
    # "the" opens a paragraph in both texts, but not the same paragraph: extending the match
    # of "... epsilon." into the next paragraph would pair them
    a = "alpha beta gamma delta epsilon.\n\nthe zeta eta theta iota kappa."
    b = "alpha beta gamma delta epsilon.\n\nThe lambda mu nu xi.\n\nzeta eta theta iota kappa."
    al = align(a, b)
    the = list(al.a.norms).index("the")
    assert al.a_to_b[the] == -1
    assert al.a_to_b[the + 1] == list(al.b.norms).index("zeta")


def test_a_quoted_post_that_ends_in_hashtags(linter):
    # the post closes with its tags, not a full stop ("...the quay. #Quillon #pier”): that is a
    # sentence end, so the block is whole and goes back after the line that introduces it
    signs = "The harbour board put up signs along the quay in both English and Danish."
    intro = "The harbour master, Edda Vinge, said in a post on Saturday :"
    post = (
        "“We want every visitor to know that the pier is closed for their own safety. The"
        " signs along the quay say so in two languages. #Quillon #pier”"
    )
    clean = article(OPENING, signs, intro, post, CLOSING)
    for glued in (True, False):
        doc = article(OPENING, splice(signs, "both English", post, glued=glued), intro, CLOSING)
        assert sib001(linter, doc, clean) == ["SIB001"]
        assert fixed(linter, doc, clean) == clean


def test_hashtags_end_a_sentence_only_after_one():
    t = tokenize("It was closed. #Quillon #pier” and then the #MeToo” posts, #pier\n\nNext")
    ends = [t.norms[i] for i in range(len(t)) if t.ends_sentence(i)]
    assert ends == ["closed", "pier"]


def test_copies_that_agree_on_a_side_of_this_copy_s_caption_place_the_block(linter):
    # this copy has a caption of its own between the two paragraphs the quotation stands
    # between in the copies; one copy has nothing around the quotation (either side of the
    # caption fits it), the other has a sign-up line before it and the next paragraph right
    # after it: counted over both, the quotation goes after the caption
    gulls = (
        "Volunteers spent the morning clearing the slipway of seaweed and broken planks while"
        " the gulls circled overhead."
    )
    rope = "The harbour master roped off the pier's last forty metres on Sunday evening."
    caption = "Workers inspect the pier on Monday. (Photo: Ana Ruiz, File)"
    quote = "“We will not reopen it until every piling has been checked,” the harbour master said."
    after = "Engineers from the county will inspect the pilings below the water next week."
    clean = article(OPENING, gulls, rope, caption, quote, after, CLOSING)
    plain = article(OPENING, gulls, rope, quote, after, CLOSING)
    signup = article(OPENING, gulls, rope, "Sign up for our harbour newsletter", quote, after)
    doc = article(OPENING, splice(gulls, "broken planks", quote), rope, caption, after, CLOSING)
    assert fixed(linter, doc, plain, signup) == clean


def test_a_credit_in_brackets_after_a_sentence_ends_the_caption():
    t = tokenize("Workers inspect the pier. (Photo: Ana Ruiz, File)\n\nThe (old) pier\n\nNext")
    ends = [t.norms[i] for i in range(len(t)) if t.ends_sentence(i)]
    assert ends == ["pier", "file"]
