"""After the anchors: the passes that settle a matching's edges, gaps and leftovers."""

from __future__ import annotations

from difflib import SequenceMatcher

from corpusmend.siblings.alignment import UNMATCHED
from corpusmend.siblings.matcher import Matcher, blocks

MIN_BLOCK_WORDS = 6
MIN_LEFTOVER_WORDS = 2
MAX_GAP_WORDS = 200  # longer gaps are left to the anchors (a plain diff is quadratic)


def reclaim_block_edges(m: Matcher) -> None:
    """Give a moved block back the word just before (after) it when the backbone holds that
    word of B only as the last (first) word of a run that goes on elsewhere: an anchor across a
    paragraph break ("the cliff path. Nobody" in both texts, followed by different paragraphs)
    lends the backbone the first word of the moved quotation."""
    a_norms, b_norms = m.a.norms, m.b.norms
    for block in blocks(m):
        i, j = block.a_start - 1, block.b_start - 1
        while i >= 0 and j >= 0 and m.a_to_b[i] == UNMATCHED and a_norms[i] == b_norms[j]:
            k = m.b_to_a[j]
            if k == UNMATCHED or m.moved[k] or _continues(m, k, j, +1):
                break
            m.a_to_b[k] = UNMATCHED
            m.link(i, j, moved=True)
            i, j = i - 1, j - 1
        i, j = block.a_end, block.b_end
        while i < len(a_norms) and j < len(b_norms) and m.a_to_b[i] == UNMATCHED:
            k = m.b_to_a[j]
            if a_norms[i] != b_norms[j] or k == UNMATCHED or m.moved[k] or _continues(m, k, j, -1):
                break
            m.a_to_b[k] = UNMATCHED
            m.link(i, j, moved=True)
            i, j = i + 1, j + 1


def fill_gaps(m: Matcher) -> None:
    """Inside each gap of the backbone (A words and B words between the same two backbone
    matches; not before the first or after the last, which SIB002 and SIB003 judge), link the
    runs of two or more words the two texts share, in order, as a plain diff would: the words
    around a reworded phrase ("is due to resume on Friday" against "should resume on Friday"),
    too short to hold an anchor."""
    prev_i, prev_j = -1, -1
    for i in range(len(m.a_to_b)):
        if not m.in_backbone(i):
            continue
        j = m.a_to_b[i]
        if j <= prev_j:
            continue  # not in order with the previous backbone word
        if prev_i >= 0 and 1 < i - prev_i <= MAX_GAP_WORDS and 1 < j - prev_j <= MAX_GAP_WORDS:
            _fill_gap(m, prev_i + 1, i, prev_j + 1, j)
        prev_i, prev_j = i, j


def _fill_gap(m: Matcher, a0: int, a1: int, b0: int, b1: int) -> None:
    a_free = [k for k in range(a0, a1) if m.a_to_b[k] == UNMATCHED]
    b_free = [k for k in range(b0, b1) if m.b_to_a[k] == UNMATCHED]
    if len(a_free) == len(b_free) == 1 and m.a.norms[a_free[0]] == m.b.norms[b_free[0]]:
        m.link(a_free[0], b_free[0], moved=False)  # a one-word gap on both sides
        return
    if len(a_free) < 2 or len(b_free) < 2:
        return
    a_words = [m.a.norms[k] for k in a_free]
    b_words = [m.b.norms[k] for k in b_free]
    matcher = SequenceMatcher(None, a_words, b_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size < 2:
            continue
        for k in range(block.size):
            m.link(a_free[block.a + k], b_free[block.b + k], moved=False)


def _leftover_runs(matches: list[int], norms: tuple[str, ...]) -> dict[tuple[str, ...], list[int]]:
    """Maximal runs of unmatched words (two or more), by their words -> where they start."""
    out: dict[tuple[str, ...], list[int]] = {}
    i, size = 0, len(matches)
    while i < size:
        if matches[i] != UNMATCHED:
            i += 1
            continue
        start = i
        while i < size and matches[i] == UNMATCHED:
            i += 1
        if i - start >= MIN_LEFTOVER_WORDS:
            out.setdefault(norms[start:i], []).append(start)
    return out


def match_leftover_runs(m: Matcher) -> None:
    """Pair a run of words that neither text matched with the one identical run of the other:
    a short moved piece (the end of a sentence a quotation was spliced into, "people, and some
    left early.") too short or too common to hold an anchor of its own."""
    in_b = _leftover_runs(m.b_to_a, m.b.norms)
    if not in_b:
        return
    for words, starts in _leftover_runs(m.a_to_b, m.a.norms).items():
        if len(starts) != 1 or len(in_b.get(words, ())) != 1:
            continue
        i, j = starts[0], in_b[words][0]
        moved = not _in_order(m, i, j, len(words))
        for k in range(len(words)):
            m.link(i + k, j + k, moved)


def _in_order(m: Matcher, i: int, j: int, size: int) -> bool:
    """Whether A words [i, i+size) matched to B words [j, j+size) keep the backbone's order."""
    before = next((m.a_to_b[k] for k in range(i - 1, -1, -1) if m.in_backbone(k)), -1)
    after = next(
        (m.a_to_b[k] for k in range(i + size, len(m.a_to_b)) if m.in_backbone(k)), len(m.b_to_a)
    )
    return before < j and j + size <= after


def _continues(m: Matcher, i: int, j: int, step: int) -> bool:
    """Whether A word i, matched to B word j, goes on matching B word j + step."""
    nxt = i + step
    return 0 <= nxt < len(m.a_to_b) and m.a_to_b[nxt] == j + step


def drop_small_blocks(m: Matcher) -> None:
    for block in blocks(m):
        if block.size < MIN_BLOCK_WORDS:
            for i in range(block.a_start, block.a_end):
                if m.a_to_b[i] == UNMATCHED:
                    continue
                m.b_to_a[m.a_to_b[i]] = UNMATCHED
                m.a_to_b[i] = UNMATCHED
                m.moved[i] = False
