"""Property: a sibling-backed edit moves a block or rejoins a sentence, and nothing else.

Over generated articles (words, marks such as @handles, prices, dashes and bullets, quotation
paragraphs) and a sibling, with a quotation moved into an earlier paragraph's last sentence: every
SIB001 and SIB004 fix leaves the non-whitespace characters outside the moved block unchanged and
in order (the block's own characters appear once, together, somewhere in the result).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusmend import Document, Linter
from corpusmend.fixes import apply_edits

SIB_ONLY = Linter(select=["SIB"])
WORDS = [
    "harbour",
    "board",
    "pier",
    "storm",
    "railing",
    "lamp",
    "crews",
    "boats",
    "catch",
    "dawn",
    "ferry",
    "keel",
    "window",
    "rain",
    "summer",
    "yard",
    "hull",
    "timetable",
    "crossing",
    "island",
    "ticket",
    "deck",
    "rope",
    "tide",
    "gull",
    "quay",
    "mast",
    "sail",
    "anchor",
    "buoy",
    "wharf",
    "jetty",
    "lighthouse",
    "net",
    "oar",
    "skipper",
    "engine",
    "cargo",
    "bell",
    "chart",
    "compass",
]
MARKS = ["@quaywatch", "$40", "#pier", "-", "•", "—", "*", "&", "(ferry)", "3.5%"]
NAMES = ["said Odile Farrant", "the skipper said", "said a deckhand", "the harbour master said"]


@st.composite
def sentences(draw) -> str:
    tokens = draw(st.lists(st.sampled_from(WORDS + MARKS), min_size=6, max_size=14))
    first = draw(st.sampled_from(WORDS)).capitalize()
    return " ".join([first, *tokens]) + draw(st.sampled_from([".", ".", "?", "!"]))


@st.composite
def paragraphs(draw) -> str:
    body = " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))
    prefix = draw(st.sampled_from(["", "", "", "@quaywatch ", "- ", "• ", "— "]))
    return prefix + body


@st.composite
def quotations(draw) -> str:
    inner = draw(sentences())
    return "“" + inner + "” " + draw(st.sampled_from(NAMES)) + "."


@st.composite
def spliced_articles(draw) -> tuple[str, str]:
    """(corrupted, clean): a quotation moved into an earlier paragraph's last sentence."""
    paras = draw(st.lists(paragraphs(), min_size=4, max_size=7))
    quote = draw(quotations())
    at = draw(st.integers(2, len(paras)))
    clean = "\n\n".join([*paras[:at], quote, *paras[at:]])
    target = draw(st.integers(0, at - 1))
    par = paras[target]
    last = par[par.rfind(". ") + 2 :] if ". " in par else par
    offset = len(par) - len(last)
    spots = [
        offset + m.start()
        for m in re.finditer(r"(?<= )[a-z]\w*", last)
        if 2 <= last[: m.start()].count(" ") <= last.count(" ") - 2
    ]
    if not spots:
        return clean, clean
    cut = draw(st.sampled_from(spots))
    glue = draw(st.sampled_from(["\n\n", " "]))
    broken = par[:cut].rstrip() + "\n\n" + quote + glue + par[cut:]
    return "\n\n".join([*paras[:target], broken, *paras[target + 1 : at], *paras[at:]]), clean


def non_space(text: str) -> str:
    return "".join(text.split())


def keeps_outside(text: str, start: int, end: int, fixed: str) -> bool:
    """Whether `fixed` holds text's non-space characters outside [start, end) in order, with
    the block's own appearing once, together, somewhere among them."""
    outside = non_space(text[:start] + text[end:])
    block = non_space(text[start:end])
    result = non_space(fixed)
    if not block:
        return result == outside
    pos = result.find(block)
    while pos != -1:
        if result[:pos] + result[pos + len(block) :] == outside:
            return True
        pos = result.find(block, pos + 1)
    return False


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spliced_articles(), st.booleans())
def test_sibling_edits_keep_every_character_outside_the_block(case, reworded):
    corrupted, clean = case
    sibling = clean.replace(" the ", " a ") if reworded else clean
    sibs = [Document(sibling, id="sibling")]
    for f in SIB_ONLY.check(corrupted, siblings=sibs):
        if f.fix is None or f.code not in ("SIB001", "SIB004"):
            continue
        fixed = apply_edits(corrupted, f.fix.edits)
        assert keeps_outside(corrupted, f.start, f.end, fixed), (f.code, f.message)


def test_the_property_catches_a_lost_character():
    # the check itself: dropping the @ of a handle outside the block is caught
    text = "One two.\n\nBLOCK here.\n\n@quaywatch three four."
    start, end = text.index("BLOCK"), text.index("here.") + 5
    moved = "One two.\n\nquaywatch three four.\n\nBLOCK here."
    assert not keeps_outside(text, start, end, moved)
    assert keeps_outside(text, start, end, moved.replace("quaywatch", "@quaywatch"))
