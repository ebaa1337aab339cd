"""The lines a corpus pass counts: each non-blank line of a document, normalized and hashed.

Normalizing makes copies of one piece of furniture count as one line: Unicode NFKC, runs of
whitespace made one space, ends trimmed, case folded. Lines without a letter or digit (rules,
bullets, lone punctuation) and lines over MAX_LINE_WORDS words (article paragraphs) are not
counted: layout debris belongs to the layout rules, and no furniture line is that long.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_LINE_WORDS = 80
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class CountedLine:
    start: int  # offset of the line's first non-blank character in the document
    end: int  # offset just after its last non-blank character
    key: str  # hash of the normalized line (hex, 16 characters)
    words: int


def normalize(line: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", line)).strip().casefold()


def line_key(normalized: str) -> str:
    return hashlib.blake2b(normalized.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def counted_lines(text: str) -> Iterator[CountedLine]:
    """The countable lines of a text, each once per document (the first occurrence)."""
    seen: set[str] = set()
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped or not _ALNUM.search(stripped):
            continue
        words = len(_WORD.findall(stripped))
        if words > MAX_LINE_WORDS:
            continue
        key = line_key(normalize(stripped))
        if key in seen:
            continue
        seen.add(key)
        lead = len(raw) - len(raw.lstrip())
        yield CountedLine(start + lead, start + lead + len(stripped), key, words)
