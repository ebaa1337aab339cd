"""The matching under construction: links between A's and B's words, and the blocks they form."""

from __future__ import annotations

from corpusmend.siblings.alignment import UNMATCHED, Block
from corpusmend.siblings.tokens import Tokens

REWORDED_GAP = 4  # unmatched words a moved block may hold (a phrase reworded inside it)


class Matcher:
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


def blocks(m: Matcher) -> tuple[Block, ...]:
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


def _reworded_gap(m: Matcher, i: int, limit: int = REWORDED_GAP) -> int | None:
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
