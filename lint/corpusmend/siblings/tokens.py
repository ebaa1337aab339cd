"""Word tokens with their offsets, and the punctuation and spacing around them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SPACE = re.compile(r"\s+")
# A terminator set off by a space: "and Syria ." (scraped text), or a snippet's cut "... " at a
# line's end (inside a line an ellipsis is a pause).
_CUT = re.compile(r"[^\S\n]+(?:(?:\.\.\.|…)[^\S\n]*(?:\n|$)|[.!?](?![.\w])[\"'”’)\]]*(?:\s|$))")
# Punctuation that belongs to the word before it (closing) or after it (opening).
CLOSING = frozenset(".,;:!?…)]}\"'”’»")
OPENING = frozenset("\"'“‘([{«¿¡")
TERMINATORS = frozenset(".!?…")
_CLOSING_QUOTES = frozenset("\"'”’»")


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
        """Whether a sentence terminator follows token i (not after a one-letter initial). One
        set off by a space ("and Syria .") ends it too, and so does an ellipsis after a space at a
        line's end ("rather than Russian ...", a snippet's cut)."""
        tail = self.text[self.ends[i] : self.outer_end(i)]
        if not any(c in TERMINATORS for c in tail):
            if _CUT.match(self.text, self.ends[i]) is not None:
                return True
            return self._closing_tags(i, tail) or self._closing_aside(i, tail)
        word = self.norms[i]
        if not (len(word) == 1 and word.isalpha() and tail == "."):
            return True
        # an initial ("J. Smith") or an abbreviation ("a.m."): a sentence ends there only at a
        # line break or at the end of the text
        return i + 1 == len(self.starts) or "\n" in self.gap(i)

    def _is_tag(self, i: int) -> bool:
        return self.starts[i] > 0 and self.text[self.starts[i] - 1] == "#"

    def _closing_tags(self, i: int, tail: str) -> bool:
        """Whether token i is the last of the hashtags that close a quoted post ("...of free
        press. #Helsinki2018”"): a run of tags after a sentence end, followed by a closing
        quotation mark or a line's end. A tag inside a sentence ("the #MeToo posts") is not."""
        if not self._is_tag(i):
            return False
        if not (tail[-1:] in _CLOSING_QUOTES or self._at_line_end(i)):
            return False
        k = i
        while k > 0 and self._is_tag(k) and self.gap(k - 1) in ("", " #"):
            k -= 1
        return not self._is_tag(k) and self.ends_sentence(k)

    def _at_line_end(self, i: int) -> bool:
        return i + 1 == len(self.starts) or "\n" in self.gap(i)

    def _closing_aside(self, i: int, tail: str) -> bool:
        """Whether token i closes a bracketed aside that follows a sentence end and ends its
        line: a caption's credit ("...after the meeting. (AP Photo/Jo Doe, File)")."""
        if tail[-1:] != ")" or not self._at_line_end(i):
            return False
        line_start = self.text.rfind("\n", 0, self.starts[i]) + 1
        opening = self.text.rfind("(", line_start, self.starts[i])
        if opening < 0:
            return False
        k = bisect_left(self.starts, opening) - 1
        return k >= 0 and self.starts[k] >= line_start and self.ends_sentence(k)

    def paragraph_breaks(self) -> list[int]:
        """The tokens followed by a blank line (the last word of a paragraph)."""
        out = []
        for m in _BLANK_LINE.finditer(self.text):
            i = bisect_left(self.starts, m.start()) - 1
            if 0 <= i < len(self.starts) - 1 and (not out or out[-1] != i):
                out.append(i)
        return out

    def starts_upper(self, i: int) -> bool:
        """Whether token i starts like a sentence: a capital, a digit, or a handle or tag
        ("@wrenferries", "#pier"), which never goes on from a sentence before it."""
        pos = self.starts[i]
        first = self.text[pos]
        return first.isupper() or first.isdigit() or (pos > 0 and self.text[pos - 1] in "@#")


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


def rejoined(left_gap: str, spacing: str, right_gap: str) -> str:
    """What replaces the gaps on both sides of a block taken out of a text: `spacing`, with the
    marks the gaps hold (a dash, an @, a bullet: no word's punctuation) kept in their order."""
    return left_gap.rstrip() + spacing + right_gap.lstrip()


def insertion_point(text: str, start: int, end: int) -> tuple[int, int]:
    """The spacing inside text[start:end] (a gap between two words) where a block is put in:
    the run holding a blank line, else a line break, else the first; (start, start) when the
    gap holds no space. Only that spacing is replaced: the gap's marks stay."""
    runs = [m for m in _SPACE.finditer(text, start, end)]
    if not runs:
        return start, start
    best = next((m for m in runs if _BLANK_LINE.search(m.group())), None)
    best = best or next((m for m in runs if "\n" in m.group()), runs[0])
    return best.span()
