"""Align a document (A) against one sibling (B), moved blocks included.

Plain diffs are monotone: a moved paragraph comes out as a deletion plus an insertion. Here
(after passim and patience diff):

1. anchors are word n-grams that occur exactly once in A and once in B;
2. the longest chain of anchors increasing in both texts is the in-order backbone;
3. backbone matches are extended word by word while the two texts agree;
4. runs of anchors off the backbone, consistent among themselves, are moved blocks;
5. what is left are gaps: text of A with no counterpart in B (insertions) and text of B that A
   lacks. Reworded sentences fall in gaps too; :func:`fuzzy_counterpart` tells them apart.
"""

from __future__ import annotations

from corpusmend.siblings import anchors
from corpusmend.siblings.alignment import UNMATCHED, Alignment, Block
from corpusmend.siblings.anchors import longest_increasing
from corpusmend.siblings.matcher import Matcher, blocks
from corpusmend.siblings.refine import (
    MIN_BLOCK_WORDS,
    drop_small_blocks,
    fill_gaps,
    match_leftover_runs,
    reclaim_block_edges,
)
from corpusmend.siblings.tokens import Tokens, tokenize

DEFAULT_NGRAM = 4
REWORDED_SCORE = 60.0

__all__ = [
    "MIN_BLOCK_WORDS",
    "UNMATCHED",
    "Alignment",
    "Block",
    "align",
    "align_tokens",
    "fuzzy_counterpart",
    "longest_increasing",
]


def align_tokens(a: Tokens, b: Tokens, n: int = DEFAULT_NGRAM) -> Alignment:
    """Anchors first (backbone, then moved runs), extended word by word only once every anchor
    is linked: extending the backbone first would let a word that happens to follow it in both
    texts (a paragraph starting with the same word as a moved quotation) steal the moved
    block's first word."""
    pairs = anchors.drop_islands(anchors.anchors(a, b, n), n)
    chain = longest_increasing([j for _, j in pairs])
    backbone = [pairs[k] for k in chain]
    segments = anchors.segments(backbone, n)
    m = Matcher(a, b)
    for i, j, size in segments:
        m.claim(i, j, size, moved=False)
    in_chain = set(backbone)
    off = [p for p in pairs if p not in in_chain]
    moved: list[tuple[int, int, int]] = []
    for run in anchors.runs(off, n):
        (i0, j0), (i1, _) = run[0], run[-1]
        free = _longest_free(m, i0, j0, i1 + n - i0)
        if free is None:
            continue
        i, j, size = free
        m.claim(i, j, size, moved=True)
        moved.append((i, j, size))
    for i, j, size in segments:
        m.extend(i, j, size, moved=False)
    for i, j, size in moved:
        m.extend(i, j, size, moved=True)
    drop_small_blocks(m)
    reclaim_block_edges(m)
    fill_gaps(m)
    match_leftover_runs(m)
    return Alignment(a, b, tuple(m.a_to_b), tuple(m.b_to_a), tuple(m.moved), blocks(m))


def _longest_free(m: Matcher, i0: int, j0: int, size: int) -> tuple[int, int, int] | None:
    """The longest stretch of a run of moved anchors (A words i0.., B words j0..) whose words
    the backbone has not taken, when it is a block's worth of words; None otherwise.

    A few words of the run can be on the backbone by chance: a splice in one copy's lead puts
    the quotation on the backbone and the lead off it, and the lead's last words ("R. Kelly and
    other") also stand in the copy's headline, which the backbone then ties them to. The rest of
    the lead is still a moved block, and a copy should not lose it (its share of matched words
    decides whether it is a whole copy). A run the backbone takes most of stays out: a repeated
    phrase, not a moved block."""
    best: tuple[int, int, int] | None = None
    k = 0
    while k < size:
        if m.a_to_b[i0 + k] != UNMATCHED or m.b_to_a[j0 + k] != UNMATCHED:
            k += 1
            continue
        start = k
        while k < size and m.a_to_b[i0 + k] == UNMATCHED and m.b_to_a[j0 + k] == UNMATCHED:
            k += 1
        if best is None or k - start > best[2]:
            best = (i0 + start, j0 + start, k - start)
    if best is None or best[2] < MIN_BLOCK_WORDS:
        return None
    return best


def align(a: str, b: str, n: int = DEFAULT_NGRAM) -> Alignment:
    """Align text `a` against its sibling `b` (not cached: a document's context holds its
    alignments, see :class:`~corpusmend.siblings.alignments.AlignmentStore`)."""
    return align_tokens(tokenize(a), tokenize(b), n)


def fuzzy_counterpart(text: str, candidates: list[str], cutoff: float = REWORDED_SCORE) -> bool:
    """Whether `text` is a rewording of one of `candidates` (or of their run)."""
    from rapidfuzz import fuzz  # here: a check without siblings never loads it

    query = " ".join(text.split())
    if not query:
        return False
    pool = [" ".join(c.split()) for c in candidates if c.strip()]
    if len(pool) > 1:
        pool.append(" ".join(pool))
    return any(fuzz.token_set_ratio(query, c, score_cutoff=cutoff) for c in pool)
