"""The ``invalid-bytes`` kind (ENC002): bytes that are not UTF-8 in a file that otherwise is.

Files are decoded with ``surrogateescape``, so each such byte is a lone surrogate U+DC80..U+DCFF
in the text. Each run of them is one hit. The safe fix reads the run as Windows-1252 (the usual
culprit: ``\\x92`` for ’, ``\\x96`` for –, ``\\xe9`` for é) only where that reading is unambiguous:

- a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) gets no fix;
- a UTF-8 lead byte followed by continuation bytes is a truncated UTF-8 character, not
  Windows-1252: no fix (the character is lost);
- three or more letters in a row, or letters next to a non-Latin script, suggest another
  single-byte encoding (Windows-1251 reads 0xE9 as й): no fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

_RUN = re.compile("[\udc80-\udcff]+")
_UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTEXT = 40


def _needed(lead: int) -> int:
    """How many continuation bytes a UTF-8 lead byte announces (0: not a lead byte)."""
    if 0xC2 <= lead <= 0xDF:
        return 1
    if 0xE0 <= lead <= 0xEF:
        return 2
    if 0xF0 <= lead <= 0xF4:
        return 3
    return 0


def _truncated_utf8(raw: bytes) -> bool:
    """A lead byte directly followed by continuation bytes: part of a cut UTF-8 character."""
    return any(
        _needed(b) and i + 1 < len(raw) and 0x80 <= raw[i + 1] <= 0xBF for i, b in enumerate(raw)
    )


def _non_latin_letter(char: str) -> bool:
    return char.isalpha() and not char.isascii() and "LATIN" not in unicodedata.name(char, "")


def reading(raw: bytes, context: str) -> tuple[str | None, str]:
    """(replacement or None, how the bytes read) for a run of invalid bytes."""
    if any(b in _UNDEFINED_1252 for b in raw):
        return None, "a byte undefined in Windows-1252, no safe reading"
    if _truncated_utf8(raw):
        return None, "a truncated UTF-8 character, no safe reading"
    text = raw.decode("cp1252")
    letters = sum(c.isalpha() for c in text)
    if letters >= 3 or (letters and any(_non_latin_letter(c) for c in context)):
        return None, f"Windows-1252 would read '{text}', but another encoding may be meant"
    return text, f"Windows-1252 '{text}'"


def _hex(raw: bytes) -> str:
    return " ".join(f"\\x{b:02x}" for b in raw)


@register_kind
class InvalidBytesKind(CheckKind):
    name = "invalid-bytes"
    message_values = frozenset({"bytes", "reading", "decoded"})

    def gate(self) -> Gate:
        return Gate((_RUN.pattern[:-1],))  # one invalid byte

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        if text.isascii():
            return
        for m in _RUN.finditer(text):
            raw = m.group(0).encode("utf-8", errors="surrogateescape")
            lo, hi = max(m.start() - _CONTEXT, 0), m.end() + _CONTEXT
            context = _RUN.sub("", text[lo:hi])
            replacement, how = reading(raw, context)
            yield Hit(
                m.start(),
                m.end(),
                values={"bytes": _hex(raw), "reading": how, "decoded": replacement or ""},
                edits=None if replacement is None else (Edit(m.start(), m.end(), replacement),),
            )
