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

from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from corpusmend.siblings.tokens import Tokens, tokenize

UNMATCHED = -1
DEFAULT_NGRAM = 4
MIN_BLOCK_WORDS = 6
MIN_LEFTOVER_WORDS = 2
MAX_GAP_WORDS = 200  # longer gaps are left to the anchors (a plain diff is quadratic)
REWORDED_GAP = 4  # unmatched words a moved block may hold (a phrase reworded inside it)
REWORDED_SCORE = 60.0


@dataclass(frozen=True, slots=True)
class Block:
    """A run of A's words [a_start, a_end) found in B at [b_start, b_end), off the backbone."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int

    @property
    def size(self) -> int:
        return self.a_end - self.a_start


@dataclass(frozen=True)
class Alignment:
    """Word-level alignment of A against B.

    ``a_to_b[i]`` is the B word matched to A word i (or -1); ``moved[i]`` says whether that
    match is off the backbone (part of a moved block); ``b_to_a`` is the inverse.
    """

    a: Tokens
    b: Tokens
    a_to_b: tuple[int, ...]
    b_to_a: tuple[int, ...]
    moved: tuple[bool, ...]
    blocks: tuple[Block, ...]

    @property
    def matched(self) -> int:
        return sum(1 for j in self.a_to_b if j != UNMATCHED)

    @property
    def coverage(self) -> float:
        """Share of A's words found in B."""
        return self.matched / len(self.a) if len(self.a) else 0.0

    def in_backbone(self, i: int) -> bool:
        return self.a_to_b[i] != UNMATCHED and not self.moved[i]

    def matched_indices(self) -> list[int]:
        return [i for i, j in enumerate(self.a_to_b) if j != UNMATCHED]


def _ngram_positions(t: Tokens, n: int) -> dict[tuple[str, ...], int]:
    """n-gram -> its position when it occurs once; -1 when it repeats or when it runs across a
    paragraph break (the paragraphs around a moved block differ from one text to the other,
    yet the last words of one and the first of the next can agree by chance, "the harbour
    school. Nobody", and such an anchor ties the wrong paragraphs together)."""
    seen: dict[tuple[str, ...], int] = {}
    for i, gram in enumerate(zip(*(t.norms[k:] for k in range(n)), strict=False)):
        seen[gram] = -1 if gram in seen else i
    breaks = t.paragraph_breaks()
    if breaks:
        crossing = {i - k for i in breaks for k in range(n - 1)}
        for gram, i in seen.items():
            if i in crossing:
                seen[gram] = -1
    return seen


def longest_increasing(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of `values` (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[pos] = v
            tail_at[pos] = k
        prev[k] = tail_at[pos - 1] if pos else -1
    out = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        out.append(k)
        k = prev[k]
    return out[::-1]


def _anchors(a: Tokens, b: Tokens, n: int) -> list[tuple[int, int]]:
    in_a = _ngram_positions(a, n)
    in_b = _ngram_positions(b, n)
    pairs = [(i, in_b.get(g, -1)) for g, i in in_a.items() if i >= 0]
    return sorted((i, j) for i, j in pairs if j >= 0)


class _Matcher:
    def __init__(self, a: Tokens, b: Tokens) -> None:
        self.a, self.b = a, b
        self.a_to_b = [UNMATCHED] * len(a)
        self.b_to_a = [UNMATCHED] * len(b)
        self.moved = [False] * len(a)
        self._na, self._nb = len(a), len(b)
        self._a_norms, self._b_norms = a.norms, b.norms
        self.a_breaks = frozenset(a.paragraph_breaks())  # words a blank line follows
        self.b_breaks = frozenset(b.paragraph_breaks())

    def free(self, i: int, j: int) -> bool:
        return (
            0 <= i < self._na
            and 0 <= j < self._nb
            and self.a_to_b[i] == UNMATCHED
            and self.b_to_a[j] == UNMATCHED
            and self._a_norms[i] == self._b_norms[j]
        )

    def in_backbone(self, i: int) -> bool:
        return self.a_to_b[i] != UNMATCHED and not self.moved[i]

    def link(self, i: int, j: int, moved: bool) -> None:
        self.a_to_b[i], self.b_to_a[j], self.moved[i] = j, i, moved

    def claim(self, i: int, j: int, n: int, moved: bool) -> None:
        """Match the n words at i and j (those still free)."""
        for k in range(n):
            if self.free(i + k, j + k):
                self.link(i + k, j + k, moved)

    def extend(self, i: int, j: int, n: int, moved: bool) -> None:
        """Extend the match of the n words at i and j both ways while the words agree, within
        their paragraphs: the first word of the next paragraph can agree by chance ("council.
        The" against "council. the decision"), and that paragraph's own anchors claim it."""
        a_breaks, b_breaks = self.a_breaks, self.b_breaks
        lo_i, lo_j = i - 1, j - 1
        while lo_i not in a_breaks and lo_j not in b_breaks and self.free(lo_i, lo_j):
            self.link(lo_i, lo_j, moved)
            lo_i, lo_j = lo_i - 1, lo_j - 1
        hi_i, hi_j = i + n, j + n
        while hi_i - 1 not in a_breaks and hi_j - 1 not in b_breaks and self.free(hi_i, hi_j):
            self.link(hi_i, hi_j, moved)
            hi_i, hi_j = hi_i + 1, hi_j + 1


def _segments(chain: list[tuple[int, int]], n: int) -> list[tuple[int, int, int]]:
    """Consecutive anchors of the chain on one diagonal, overlapping or touching, as
    (a start, b start, words): one claim per segment instead of one per anchor."""
    out: list[tuple[int, int, int]] = []
    for i, j in chain:
        if out:
            si, sj, size = out[-1]
            if i - si == j - sj and i <= si + size:
                out[-1] = (si, sj, max(size, i + n - si))
                continue
        out.append((i, j, n))
    return out


def _runs(anchors: list[tuple[int, int]], n: int) -> list[list[tuple[int, int]]]:
    """Group anchors (sorted by A position) into runs with the same A-to-B offset."""
    runs: list[list[tuple[int, int]]] = []
    for i, j in anchors:
        if runs:
            pi, pj = runs[-1][-1]
            if i - pi == j - pj and 0 < i - pi <= n + 2:
                runs[-1].append((i, j))
                continue
        runs.append([(i, j)])
    return runs


def _blocks(m: _Matcher) -> tuple[Block, ...]:
    """Maximal runs of moved matches that stay contiguous in B (across a few words reworded
    in both texts: "have raised concerns about" against "have complained about")."""
    out: list[Block] = []
    i = 0
    size = len(m.a)
    while i < size:
        if not m.moved[i]:
            i += 1
            continue
        start, j = i, m.a_to_b[i]
        while True:
            if i + 1 < size and m.moved[i + 1] and 0 < m.a_to_b[i + 1] - m.a_to_b[i] <= 3:
                i += 1
                continue
            k = _reworded_gap(m, i)
            if k is None:
                break
            i = k
        out.append(Block(start, i + 1, j, m.a_to_b[i] + 1))
        i += 1
    return tuple(out)


def _reworded_gap(m: _Matcher, i: int, limit: int = REWORDED_GAP) -> int | None:
    """The next moved word after moved word i when only a few unmatched words of both texts
    lie between them; None otherwise."""
    k = i + 1
    while k < len(m.a_to_b) and k - i <= limit and m.a_to_b[k] == UNMATCHED:
        k += 1
    if k == i + 1 or k >= len(m.a_to_b) or not m.moved[k]:
        return None
    j, jk = m.a_to_b[i], m.a_to_b[k]
    if not 0 < jk - j <= limit + 1:
        return None
    if any(m.b_to_a[x] != UNMATCHED for x in range(j + 1, jk)):
        return None
    return k


def align_tokens(a: Tokens, b: Tokens, n: int = DEFAULT_NGRAM) -> Alignment:
    """Anchors first (backbone, then moved runs), extended word by word only once every anchor
    is linked: extending the backbone first would let a word that happens to follow it in both
    texts (a paragraph starting with the same word as a moved quotation) steal the moved
    block's first word."""
    anchors = _anchors(a, b, n)
    chain = longest_increasing([j for _, j in anchors])
    backbone = [anchors[k] for k in chain]
    segments = _segments(backbone, n)
    m = _Matcher(a, b)
    for i, j, size in segments:
        m.claim(i, j, size, moved=False)
    in_chain = set(backbone)
    off = [p for p in anchors if p not in in_chain]
    moved: list[tuple[int, int, int]] = []
    for run in _runs(off, n):
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
    _drop_small_blocks(m)
    _reclaim_block_edges(m)
    _fill_gaps(m)
    _match_leftover_runs(m)
    return Alignment(a, b, tuple(m.a_to_b), tuple(m.b_to_a), tuple(m.moved), _blocks(m))


def _reclaim_block_edges(m: _Matcher) -> None:
    """Give a moved block back the word just before (after) it when the backbone holds that
    word of B only as the last (first) word of a run that goes on elsewhere: an anchor across a
    paragraph break ("the cliff path. Nobody" in both texts, followed by different paragraphs)
    lends the backbone the first word of the moved quotation."""
    a_norms, b_norms = m.a.norms, m.b.norms
    for block in _blocks(m):
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


def _fill_gaps(m: _Matcher) -> None:
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


def _fill_gap(m: _Matcher, a0: int, a1: int, b0: int, b1: int) -> None:
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


def _match_leftover_runs(m: _Matcher) -> None:
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


def _in_order(m: _Matcher, i: int, j: int, size: int) -> bool:
    """Whether A words [i, i+size) matched to B words [j, j+size) keep the backbone's order."""
    before = next((m.a_to_b[k] for k in range(i - 1, -1, -1) if m.in_backbone(k)), -1)
    after = next(
        (m.a_to_b[k] for k in range(i + size, len(m.a_to_b)) if m.in_backbone(k)), len(m.b_to_a)
    )
    return before < j and j + size <= after


def _continues(m: _Matcher, i: int, j: int, step: int) -> bool:
    """Whether A word i, matched to B word j, goes on matching B word j + step."""
    nxt = i + step
    return 0 <= nxt < len(m.a_to_b) and m.a_to_b[nxt] == j + step


def _drop_small_blocks(m: _Matcher) -> None:
    for block in _blocks(m):
        if block.size < MIN_BLOCK_WORDS:
            for i in range(block.a_start, block.a_end):
                if m.a_to_b[i] == UNMATCHED:
                    continue
                m.b_to_a[m.a_to_b[i]] = UNMATCHED
                m.a_to_b[i] = UNMATCHED
                m.moved[i] = False


@lru_cache(maxsize=256)
def align(a: str, b: str, n: int = DEFAULT_NGRAM) -> Alignment:
    """Align text `a` against its sibling `b` (cached: every SIB rule asks for the same pairs)."""
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
