"""The ``sibling-order`` kind: a block of text out of place relative to the document's siblings.

With three or more versions the majority decides where the block belongs; with two, the order
that keeps every sentence whole wins (so a quotation spliced into a sentence is moved back and the
sentence rejoined, while a reordering that breaks nothing is left alone). The ``moves`` parameter
splits the blocks that interrupt a sentence from those that only stand in another order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from corpusmend.document import Document
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

if TYPE_CHECKING:  # the sibling machinery loads only when a sibling rule runs
    from corpusmend.siblings.repairs import Repair


def repair_hit(r: Repair) -> Hit:
    return Hit(r.start, r.end, r.values, r.edits, r.fix_message, provenance=r.provenance)


@register_kind
class SiblingOrderKind(CheckKind):
    name = "sibling-order"
    passes: ClassVar[tuple[str, ...]] = ("siblings",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "moves": {
                "enum": ["all", "interrupting", "reordering"],
                "default": "all",
                "description": "interrupting: blocks that break a sentence the move rejoins;"
                " reordering: blocks that break none (most versions have another order)",
            }
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.moves = str(params.get("moves", "all"))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        from corpusmend.siblings.moves import moved_blocks

        for r in moved_blocks(doc, ctx.siblings, ctx.alignments, self.moves):
            yield repair_hit(r)
