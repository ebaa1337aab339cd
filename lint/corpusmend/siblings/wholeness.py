"""Whether the joins between pieces of text keep sentences whole.

A join is where one piece of text meets the next: the last word before it (does a sentence
terminator follow it?), the spacing, and the first word after it (capital or not). A sentence is
broken at a join when a terminator is followed by a lower-case word ("said. to the United
Nations"), or when a line break cuts text that has no terminator: a line of prose ("... in May.
It submitted proofs\\n\\nThe"), or before a lower-case word.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from corpusmend.siblings.tokens import Tokens


@dataclass(frozen=True, slots=True)
class Join:
    left_ends: bool | None  # None: the start of the text
    spacing: str
    right_upper: bool | None  # None: the end of the text
    left_in_prose: bool = True  # an earlier sentence ends on the line the left word ends
    right_in_prose: bool = True  # a sentence ends on the line the right word starts

    def broken(self) -> bool:
        if self.left_ends is None:
            return self.right_upper is False
        if self.right_upper is None:
            return not self.left_ends
        if self.left_ends:
            # a lower-case line after a sentence end: the rest of a cut sentence, when it ends
            # like one (not furniture such as "amp" or "more")
            return not self.right_upper and ("\n" not in self.spacing or self.right_in_prose)
        if "\n" not in self.spacing:
            return False
        # a line without a full stop before a capital: a headline, a byline, a time line ("4
        # hours ago") ends so; only a line of prose (or a lower-case word after) is cut
        return self.left_in_prose or not self.right_upper


def join(tokens: Tokens, left: int | None, spacing: str, right: int | None) -> Join:
    """The join of token `left` to token `right` of the same text (None: an edge)."""
    return Join(
        None if left is None else tokens.ends_sentence(left),
        spacing,
        None if right is None else tokens.starts_upper(right),
        left is not None and _sentence_ended_on_line(tokens, left),
        right is not None and _sentence_ends_on_line(tokens, right),
    )


def _sentence_ends_on_line(tokens: Tokens, i: int) -> bool:
    """Whether a sentence ends from token i on to the end of its line."""
    line_end = tokens.text.find("\n", tokens.starts[i])
    last = len(tokens) if line_end == -1 else bisect_left(tokens.starts, line_end)
    return any(tokens.ends_sentence(k) for k in range(i, last))


def _sentence_ended_on_line(tokens: Tokens, i: int) -> bool:
    """Whether a sentence ends before token i on the line token i is on."""
    line_start = tokens.text.rfind("\n", 0, tokens.starts[i]) + 1
    first = bisect_left(tokens.starts, line_start)
    return any(tokens.ends_sentence(k) for k in range(first, i))


def broken_count(joins: list[Join]) -> int:
    return sum(j.broken() for j in joins)
