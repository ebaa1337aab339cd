"""The ``sibling-edges`` kind: text at the start or end that no sibling has (a glued header, an
injected line), and lines inside the document that no sibling has. It is removed only where it
also has a header or boilerplate shape (inside the document, only such lines are reported)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.kinds.sibling_order import repair_hit
from corpusmend.passes.context import DocumentContext

DEFAULT_SHAPES = (
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"^\s*(?:date|published|updated|posted|by|source|filed)\b",
    r"(?i)\b(?:advertisement|sponsored|subscribe|sign up|newsletter|share (?:this|on|via)"
    r"|click here"
    r"|read more|follow us|all rights reserved|copyright)\b",
    r"https?://|www\.",
    r"©",
)


@register_kind
class SiblingEdgesKind(CheckKind):
    name = "sibling-edges"
    passes: ClassVar[tuple[str, ...]] = ("siblings",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_words": {"type": "integer", "minimum": 1, "default": 30},
            "shapes": {
                "type": "array",
                "items": {"type": "string"},
                "description": "regular expressions: text with one of these shapes is removed",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.max_words = int(params.get("max_words", 30))
        shapes = []
        for source in params.get("shapes", DEFAULT_SHAPES):
            try:
                shapes.append(re.compile(source, re.IGNORECASE | re.MULTILINE))
            except re.error as exc:
                raise ValueError(
                    f"params.shapes: bad regular expression {source!r}: {exc}"
                ) from None
        self.shapes = tuple(shapes)

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        from corpusmend.siblings.edges import edge_text, inner_lines  # loaded when one runs

        for r in edge_text(doc, ctx.siblings, ctx.alignments, self.max_words, self.shapes):
            yield repair_hit(r)
        for r in inner_lines(doc, ctx.siblings, ctx.alignments, self.max_words, self.shapes):
            yield repair_hit(r)
