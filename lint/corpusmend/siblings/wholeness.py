"""Whether the joins between pieces of text keep sentences whole.

A join is where one piece of text meets the next: the last word before it (does a sentence
terminator follow it?), the spacing, and the first word after it (capital or not). A sentence is
broken at a join when a terminator is followed by a lower-case word ("said. to the United
Nations"), or when a line break cuts text that has no terminator ("submitted proofs\\n\\nThe").
"""

from __future__ import annotations

from dataclasses import dataclass

from corpusmend.siblings.tokens import Tokens


@dataclass(frozen=True, slots=True)
class Join:
    left_ends: bool | None  # None: the start of the text
    spacing: str
    right_upper: bool | None  # None: the end of the text

    def broken(self) -> bool:
        if self.left_ends is None:
            return self.right_upper is False
        if self.right_upper is None:
            return not self.left_ends
        if self.left_ends:
            return not self.right_upper
        return "\n" in self.spacing


def join(tokens: Tokens, left: int | None, spacing: str, right: int | None) -> Join:
    """The join of token `left` to token `right` of the same text (None: an edge)."""
    return Join(
        None if left is None else tokens.ends_sentence(left),
        spacing,
        None if right is None else tokens.starts_upper(right),
    )


def broken_count(joins: list[Join]) -> int:
    return sum(j.broken() for j in joins)
