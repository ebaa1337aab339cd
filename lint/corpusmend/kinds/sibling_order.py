"""The ``sibling-order`` kind: a block of text out of place relative to the document's siblings.

With three or more versions the majority decides where the block belongs; with two, the order
that keeps every sentence whole wins (so a quotation spliced into a sentence is moved back and the
sentence rejoined, while a reordering that breaks nothing is left alone).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.siblings.repairs import Repair, moved_blocks


def repair_hit(r: Repair) -> Hit:
    return Hit(r.start, r.end, r.values, r.edits, r.fix_message, provenance=r.provenance)


@register_kind
class SiblingOrderKind(CheckKind):
    name = "sibling-order"
    passes: ClassVar[tuple[str, ...]] = ("siblings",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        for r in moved_blocks(doc, ctx.siblings):
            yield repair_hit(r)
