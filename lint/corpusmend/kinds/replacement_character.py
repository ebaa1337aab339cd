"""The ``replacement-character`` kind (ENC003): U+FFFD, the mark of a lossy decode upstream.

The characters it replaced are gone, so the fix is display-only: it says where to recover them.
A U+FFFD inside a garbled run is left to ENC001, whose repair may keep or remove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpusmend.document import Document
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

_RUN = re.compile("\ufffd+")


@register_kind
class ReplacementCharacterKind(CheckKind):
    name = "replacement-character"
    message_values = frozenset({"count"})

    def gate(self) -> Gate:
        return Gate(("\ufffd",))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        if "\ufffd" not in text:
            return
        from corpusmend.mojibake_detector import find_mojibake, in_mojibake  # loads ftfy

        runs = find_mojibake(text)
        for m in _RUN.finditer(text):
            if in_mojibake(runs, m.start(), m.end()):
                continue
            yield Hit(m.start(), m.end(), values={"count": len(m.group(0))}, edits=())
