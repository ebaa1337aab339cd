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

from rapidfuzz import fuzz

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
    pairs = anchors.anchors(a, b, n)
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
        if i1 + n - i0 < MIN_BLOCK_WORDS:
            continue
        if any(m.a_to_b[i] != UNMATCHED for i in range(i0, i1 + n)):
            continue  # overlaps the backbone: a repeated phrase, not a moved block
        m.claim(i0, j0, i1 - i0 + n, moved=True)
        moved.append((i0, j0, i1 - i0 + n))
    for i, j, size in segments:
        m.extend(i, j, size, moved=False)
    for i, j, size in moved:
        m.extend(i, j, size, moved=True)
    drop_small_blocks(m)
    reclaim_block_edges(m)
    fill_gaps(m)
    match_leftover_runs(m)
    return Alignment(a, b, tuple(m.a_to_b), tuple(m.b_to_a), tuple(m.moved), blocks(m))


def align(a: str, b: str, n: int = DEFAULT_NGRAM) -> Alignment:
    """Align text `a` against its sibling `b` (not cached: a document's context holds its
    alignments, see :class:`~corpusmend.siblings.alignments.AlignmentStore`)."""
    return align_tokens(tokenize(a), tokenize(b), n)


def fuzzy_counterpart(text: str, candidates: list[str], cutoff: float = REWORDED_SCORE) -> bool:
    """Whether `text` is a rewording of one of `candidates` (or of their run)."""
    query = " ".join(text.split())
    if not query:
        return False
    pool = [" ".join(c.split()) for c in candidates if c.strip()]
    if len(pool) > 1:
        pool.append(" ".join(pool))
    return any(fuzz.token_set_ratio(query, c, score_cutoff=cutoff) for c in pool)
