"""The ``sibling-insertion`` kind: a sentence the siblings have whole is interrupted by text
none of them has, or by a paragraph break. The fix rejoins the sentence and keeps inserted text
as its own paragraph after it (nothing is deleted)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.kinds.sibling_order import repair_hit
from corpusmend.passes.context import DocumentContext


@register_kind
class SiblingInsertionKind(CheckKind):
    name = "sibling-insertion"
    passes: ClassVar[tuple[str, ...]] = ("siblings",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"min_words": {"type": "integer", "minimum": 1, "default": 6}},
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_words = int(params.get("min_words", 6))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        from corpusmend.siblings.insertions import insertions, paragraph_breaks  # when it runs

        for r in insertions(doc, ctx.siblings, ctx.alignments, self.min_words):
            yield repair_hit(r)
        for r in paragraph_breaks(doc, ctx.siblings, ctx.alignments):
            yield repair_hit(r)
