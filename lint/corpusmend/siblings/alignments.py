"""The alignments one document's checks share, owned by its context (no process-wide cache).

Every SIB rule aligns the document against each of its siblings; the store aligns each
(document text, sibling text) pair once and tokenizes each text once, for all the rules and the
rounds of a fix. It lives as long as the document's context and never travels: a pickled store
arrives empty.

Alignments are directed. Aligning B against A is not the inverse of aligning A against B: the
backbone (a longest increasing chain of anchors), the gap fills (difflib) and the moved-block
edges are settled from A's side, and on the real copies of ../shared/corpora/article-comparisons
24 of 176 sibling pairs link other words the other way round. So the pair (B, A) is aligned
again when B is checked, by B's own context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpusmend.siblings.alignment import Alignment
    from corpusmend.siblings.tokens import Tokens

# A fix re-checks the document after each round of edits: a new text, new pairs. Eight siblings
# over eight rounds fit; beyond that the oldest pairs go first.
MAX_PAIRS = 64
# Texts an engine's batch tokenizes once for all its documents (copies of one story share their
# siblings); the oldest go first.
MAX_TEXTS = 256


class TokenCache:
    """Tokenized texts, shared by the alignment stores of one batch of documents (a group of
    story copies: each text is tokenized once, not once per document that reads it)."""

    def __init__(self, max_texts: int = MAX_TEXTS) -> None:
        self.max_texts = max_texts
        self._tokens: dict[str, Tokens] = {}

    def get(self, text: str) -> Tokens:
        found = self._tokens.get(text)
        if found is None:
            from corpusmend.siblings.tokens import tokenize

            found = self._tokens[text] = tokenize(text)
            if len(self._tokens) > self.max_texts:
                del self._tokens[next(iter(self._tokens))]
        return found


class AlignmentStore:
    def __init__(self, max_pairs: int = MAX_PAIRS, tokens: TokenCache | None = None) -> None:
        self.max_pairs = max_pairs
        self._pairs: dict[tuple[str, str], Alignment] = {}
        self._tokens = tokens if tokens is not None else TokenCache(2 * max_pairs)
        # what the SIB rules make of the alignments (repairs.pairs), keyed as they please
        self.pairs: dict[Any, Any] = {}
        self.aligned = 0  # pairs aligned (not served from the store)

    def tokens(self, text: str) -> Tokens:
        return self._tokens.get(text)

    def share_tokens(self, tokens: TokenCache) -> None:
        """Tokenize through `tokens`, the cache of the batch this document is checked in."""
        self._tokens = tokens

    def align(self, a: str, b: str) -> Alignment:
        """Text `a` aligned against its sibling `b`, once per pair."""
        key = (a, b)
        found = self._pairs.get(key)
        if found is None:
            from corpusmend.siblings.align import align_tokens

            found = self._pairs[key] = align_tokens(self.tokens(a), self.tokens(b))
            self.aligned += 1
            if len(self._pairs) > self.max_pairs:
                del self._pairs[next(iter(self._pairs))]
                self.pairs.clear()
        return found

    def __len__(self) -> int:
        return len(self._pairs)

    def __getstate__(self) -> dict[str, Any]:
        return {"max_pairs": self.max_pairs}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["max_pairs"])  # type: ignore[misc]
