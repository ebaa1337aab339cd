"""Alignment against one sibling: anchors, the in-order backbone, moved blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from siblings_texts import FERRY, LIBRARY, article, moved

from corpusmend import Document, Linter
from corpusmend.siblings.align import align, longest_increasing


def _block_text(al, block) -> str:
    return al.a.text[al.a.outer_start(block.a_start) : al.a.outer_end(block.a_end - 1)]


def test_longest_increasing_keeps_the_longest_in_order_run():
    values = [0, 1, 8, 9, 2, 3, 4, 5, 10]
    kept = [values[k] for k in longest_increasing(values)]
    assert kept == [0, 1, 2, 3, 4, 5, 10]
    assert longest_increasing([]) == []


def test_identical_texts_align_completely_in_order():
    text = article(*LIBRARY)
    al = align(text, text)
    assert al.coverage == 1.0
    assert al.blocks == ()
    assert all(al.a_to_b[i] == i for i in range(len(al.a)))


def test_a_moved_paragraph_is_one_moved_block_not_a_delete_and_insert():
    doc = article(*moved(LIBRARY, 4, 1))  # the grant paragraph moved up
    al = align(doc, article(*LIBRARY))
    assert [_block_text(al, b) for b in al.blocks] == [LIBRARY[4]]
    assert al.coverage == 1.0


def test_text_with_no_counterpart_stays_unmatched():
    doc = "Posted by the newsroom at 09:14\n\n" + article(*LIBRARY)
    al = align(doc, article(*LIBRARY))
    unmatched = [al.a.norms[i] for i, j in enumerate(al.a_to_b) if j == -1]
    assert unmatched == ["posted", "by", "the", "newsroom", "at", "09", "14"]


def test_unrelated_texts_share_almost_nothing():
    al = align(article(*FERRY), article(*LIBRARY))
    assert al.coverage < 0.1
    assert al.blocks == ()


WORDS = st.sampled_from(["the", "harbour", "board", "said", "on", "Friday", "quay", "a", "vote"])
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.randoms(use_true_random=False))
def test_alignment_links_are_one_to_one_and_pair_equal_words(paras, rng):
    other = list(paras)
    rng.shuffle(other)  # moved paragraphs
    if len(other) > 2:
        other[1] = other[1].replace(" ", "\n\n", 1)  # a broken sentence
    al = align("\n\n".join(paras), "\n\n".join(other))
    for i, j in enumerate(al.a_to_b):
        if j != -1:
            assert al.b_to_a[j] == i and al.a.norms[i] == al.b.norms[j]
        else:
            assert not al.moved[i]
    for j, i in enumerate(al.b_to_a):
        assert i == -1 or al.a_to_b[i] == j
    for block in al.blocks:
        assert al.moved[block.a_start] and al.moved[block.a_end - 1]


LINTER = Linter(select=["SIB"])


@settings(max_examples=60, deadline=None)
@given(TEXT, st.randoms(use_true_random=False))
def test_sibling_rules_never_crash_and_their_fixes_reach_a_fixed_point(paras, rng):
    other = list(paras)
    rng.shuffle(other)
    if len(other) > 2:
        other[1] = other[1].replace(" ", "\n\n", 1)
    doc, sibling = "\n\n".join(other), "\n\n".join(paras)
    assert not [f for f in LINTER.check(doc, siblings=[sibling]) if f.code == "ERR001"]
    once = LINTER.fix(doc, siblings=[sibling], unsafe=True)
    assert LINTER.fix(once.text, siblings=[sibling], unsafe=True).text == once.text


def test_the_sib_rules_share_one_alignment_per_pair_through_the_documents_context():
    import pickle

    from corpusmend.passes.context import DocumentContext

    doc = Document(article(*moved(LIBRARY, 4, 1)), id="doc")
    sibs = (Document(article(*LIBRARY), id="a"), Document(article(*LIBRARY[:-1]), id="b"))
    ctx = DocumentContext(siblings=sibs)
    findings = Linter(select=["SIB"]).check_document(doc, ctx)
    assert findings, "the moved paragraph is reported"
    assert ctx.alignments.aligned == 2  # four rules, two siblings: each pair aligned once
    assert len(pickle.loads(pickle.dumps(ctx.alignments))) == 0  # never sent to a worker


def test_aligning_b_against_a_is_not_always_the_inverse_of_a_against_b():
    # why the alignment store keeps both directions: the gap fills and the moved blocks are
    # settled from A's side, so another paragraph between two shared ones links differently
    a = article(FERRY[0], LIBRARY[7], LIBRARY[0])
    b = article(FERRY[0], LIBRARY[4], LIBRARY[0])
    ab, ba = align(a, b), align(b, a)
    assert ab.a_to_b != ba.b_to_a


# A copy whose lead has the quotation spliced into it: the quotation is on that copy's backbone
# and the lead is off it, while the lead's last words also stand in that copy's headline.
_LEAD = (
    "The harbour board of Kestrel Point voted on Monday to dredge the silted inner channel and"
    " let the larger trawlers back into port."
)
_LEAD_REWORDED = (
    "The harbour board of Kestrel Point voted on Monday to dredge the silted inner channel, a"
    " job fishing crews have asked for since the storms."
)
_QUOTE = (
    "“We have waited eleven years for somebody to take the mud seriously, and now that they"
    " have, we want the dredgers here before the autumn gales close the bar,” said Wenna"
    " Coldridge, who runs the fish market on the quay."
)
_REST = (
    "The work will cost about four million pounds, most of it from a coastal fund, and is due"
    " to start in September once the seal colony has left the sandbanks for the season."
    " Board members said the channel would be checked again each spring."
)


def test_a_lead_moved_below_a_quotation_stays_matched_when_its_headline_shares_words():
    doc = article("Kestrel Point to dredge its channel", _LEAD, _QUOTE, _REST)
    sibling = article(
        "Inner channel and let the larger trawlers back, board decides",
        _QUOTE,
        _LEAD_REWORDED,
        _REST,
    )
    al = align(doc, sibling)
    a = al.a
    lead_start = doc.index(_LEAD)
    common = _LEAD[: _LEAD.index(" inner")]  # "The harbour board ... the silted" in both
    shared = [i for i in range(len(a)) if lead_start <= a.starts[i] < lead_start + len(common)]
    assert len(shared) == len(common.split())
    assert all(al.a_to_b[i] != -1 and al.moved[i] for i in shared)


def test_a_headline_phrase_inside_a_moved_lead_does_not_take_the_backbone():
    # the copy's headline repeats six words of the lead ("inner channel and let the larger"),
    # a lead this copy has further down (a quotation was spliced in above it). Taken as the
    # backbone, those six words would push the byline both copies share off it.
    byline = "By Morwenna Trice, Harbour Desk"
    lead = (
        "The harbour board of Kestrel Point voted on Monday to dredge the silted inner channel"
        " and let the larger trawlers back in, a decision the fishing crews of the town had"
        " sought for years."
    )
    reworded = lead.replace("and let the larger trawlers", "so that trawlers can come")
    doc = article("Kestrel Point to dredge its channel", byline, lead, _QUOTE, _REST)
    sibling = article("Inner channel and let the larger boats", byline, _QUOTE, reworded, _REST)
    al = align(doc, sibling)
    start = doc.index(byline)
    words = [i for i in range(len(al.a)) if start <= al.a.starts[i] < start + len(byline)]
    assert [al.a_to_b[i] for i in words] == _b_words(al, byline)


def _b_words(al, text: str) -> list[int]:
    start = al.b.text.index(text)
    return [j for j in range(len(al.b)) if start <= al.b.starts[j] < start + len(text)]
