"""The ``mojibake`` kind (ENC001): text decoded with the wrong encoding, repaired by ftfy.

Each garbled run is one hit whose span covers the run only and whose fix replaces it with ftfy's
repair (encoding repairs only, see :mod:`corpusmend.mojibake_detector`).
"""

from __future__ import annotations

from collections.abc import Iterator

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.visible import shown

# What the detector's own first test needs (mojibake_detector._gate: two non-ASCII characters
# in a row, or one of the characters its other two tests start with), searched before ENC001
# runs at all: the same test, and ftfy is not even imported for texts that fail it.
MOJIBAKE_GATE = ("[^\x00-\x7f][^\x00-\x7f]", "[\x80-\x9fŒœÃÂ]")


@register_kind
class MojibakeKind(CheckKind):
    name = "mojibake"
    message_values = frozenset({"garbled", "fixed"})

    def gate(self) -> Gate:
        return Gate(MOJIBAKE_GATE)

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        from corpusmend.mojibake_detector import find_mojibake  # ftfy loads when a text needs it

        for run in find_mojibake(doc.text):
            yield Hit(
                run.start,
                run.end,
                values={"garbled": shown(run.garbled), "fixed": shown(run.fixed)},
                edits=(Edit(run.start, run.end, run.fixed),),
            )
