"""Which of a document's candidates a sibling query verifies, and in what order of preference.

Verifying a candidate (fetching its text, shingling it, the exact overlap) is what a query
costs, and a story in 1,000 copies gives each copy 999 candidates: verifying them all makes a
corpus of copies quadratic. A query therefore scores its candidates by an estimate of their
similarity, the MinHash estimate of the Jaccard or, for a containment candidate (an excerpt),
the share of the smaller set of sampled shingles found in the other, whichever is higher, and
verifies only the best `verify_bound(max_siblings)` of them, ties broken by key: the choice
depends on the corpus, never on the order documents were added in.

Grouping copies of one story needs more than the best few pairs (two halves of a big group
must still meet), but only pairs that join something not yet joined: see `SiblingIndex.query`'s
`more`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from corpusmend.document import Document

# A query verifies at most this many candidates per sibling it may return. 4 (32 at the default
# 8 siblings): on the real copies of article-comparisons, where 79 of 680 documents have more
# than 32 candidates, one sibling list of 680 differs from verifying every candidate (a copy
# holding 38% of the document, its sampled share estimated at 18%, ranked 33rd) and the SIB
# findings are the same; FakeNewsNet and FakeNewsCorpus lists are all the same.
VERIFY_PER_SIBLING = 4


@dataclass(frozen=True)
class SiblingMatch:
    """A verified sibling: the document and how much of the two texts' shingles they share."""

    document: Document
    jaccard: float
    containment: float
    shared: int

    @property
    def similarity(self) -> float:
        return max(self.jaccard, self.containment)


def verify_bound(max_siblings: int) -> int:
    """How many candidates a query verifies when it returns at most `max_siblings`."""
    return VERIFY_PER_SIBLING * max_siblings


def scores(
    signature: np.ndarray, signatures: np.ndarray, contained_share: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(estimated Jaccard, score) of each candidate: `signatures` are theirs (one row each),
    `contained_share` the share of sampled shingles they have in common with the document
    (0 for a candidate that is not a containment candidate)."""
    jaccard = np.count_nonzero(signatures == signature, axis=1) / len(signature)
    return jaccard, np.maximum(jaccard, contained_share)


def best(score: np.ndarray, bound: int, key: Callable[[int], str]) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the `bound` highest scores (ties at the cut: the smaller key first),
    and the positions of the others. `key(position)` is asked only at the cut."""
    n = len(score)
    if n <= bound:
        return np.arange(n), np.zeros(0, dtype=np.int64)
    cut = np.partition(score, n - bound)[n - bound]  # the bound-th highest score
    above = np.flatnonzero(score > cut)
    tied = np.flatnonzero(score == cut)
    tied = tied[np.argsort([key(int(i)) for i in tied], kind="stable")]
    take = bound - len(above)
    rest = np.concatenate([np.flatnonzero(score < cut), tied[take:]])
    return np.concatenate([above, tied[:take]]), np.sort(rest)
