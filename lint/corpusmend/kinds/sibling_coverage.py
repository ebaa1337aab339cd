"""The ``sibling-coverage`` kind: the document is shorter than its siblings (it covers a prefix
or a part of theirs). Its fix only shows the missing text from the best sibling."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.kinds.sibling_order import repair_hit
from corpusmend.passes.context import DocumentContext


@register_kind
class SiblingCoverageKind(CheckKind):
    name = "sibling-coverage"
    passes: ClassVar[tuple[str, ...]] = ("siblings",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"min_words": {"type": "integer", "minimum": 1, "default": 20}},
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_words = int(params.get("min_words", 20))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        from corpusmend.siblings.coverage import missing_text  # loaded when a sibling rule runs

        for r in missing_text(doc, ctx.siblings, ctx.alignments, self.min_words):
            yield repair_hit(r)
