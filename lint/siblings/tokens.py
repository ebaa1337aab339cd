"""Word tokens with their offsets, and the punctuation and spacing around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
# Punctuation that belongs to the word before it (closing) or after it (opening).
CLOSING = frozenset(".,;:!?…)]}\"'”’»")
OPENING = frozenset("\"'“‘([{«¿¡")
TERMINATORS = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text: start and end offsets and case-folded forms, in order."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    norms: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.norms)

    def outer_start(self, i: int) -> int:
        """Where token i starts, opening punctuation (a quote, a bracket) included."""
        pos, floor = self.starts[i], self.ends[i - 1] if i > 0 else 0
        while pos > floor and self.text[pos - 1] in OPENING:
            pos -= 1
        return pos

    def outer_end(self, i: int) -> int:
        """Where token i ends, closing punctuation (a full stop, a quote) included."""
        pos = self.ends[i]
        ceiling = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        while pos < ceiling and self.text[pos] in CLOSING:
            pos += 1
        return pos

    def gap(self, i: int) -> str:
        """The text between token i (with its closing punctuation) and token i+1."""
        return self.text[self.outer_end(i) : self.outer_start(i + 1)]

    def ends_sentence(self, i: int) -> bool:
        """Whether a sentence terminator follows token i (not after a one-letter initial)."""
        tail = self.text[self.ends[i] : self.outer_end(i)]
        if not any(c in TERMINATORS for c in tail):
            return False
        word = self.norms[i]
        return not (len(word) == 1 and word.isalpha() and tail.startswith(".") and len(tail) == 1)

    def starts_upper(self, i: int) -> bool:
        first = self.text[self.starts[i]]
        return first.isupper() or first.isdigit()


def tokenize(text: str) -> Tokens:
    starts, ends, norms = [], [], []
    for m in _WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        norms.append(m.group().casefold())
    return Tokens(text, tuple(starts), tuple(ends), tuple(norms))


def separator(gap: str) -> str:
    """The spacing a gap stands for: itself when it is all space, else its line breaks or one
    space."""
    if gap.isspace():
        return gap
    if "\n\n" in gap:
        return "\n\n"
    return "\n" if "\n" in gap else " "
