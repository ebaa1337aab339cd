"""An alignment of a document (A) against one sibling (B): matched words and moved blocks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from corpusmend.siblings.tokens import Tokens

UNMATCHED = -1


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

    @cached_property
    def matched(self) -> int:
        """A's words found in B (asked for again and again: counted once)."""
        return len(self.a_to_b) - self.a_to_b.count(UNMATCHED)

    @property
    def coverage(self) -> float:
        """Share of A's words found in B."""
        return self.matched / len(self.a) if len(self.a) else 0.0

    def in_backbone(self, i: int) -> bool:
        return self.a_to_b[i] != UNMATCHED and not self.moved[i]

    def matched_indices(self) -> list[int]:
        return [i for i, j in enumerate(self.a_to_b) if j != UNMATCHED]
