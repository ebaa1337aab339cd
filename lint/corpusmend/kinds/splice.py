"""The ``splice`` kind: a block of paragraphs spliced into the middle of a sentence.

The shape is found by :func:`corpusmend.shapes.splices.find_splices`. Without siblings the fix
(unsafe) rejoins the broken sentence with its continuation and puts the block in its own
paragraph after it, or a few paragraphs further down where the text shows it belongs there
(:mod:`corpusmend.shapes.splice_place`). The sibling rules can place the block better; the
offsets they need are in the hit's values (``break_at``, ``block_start``, ``block_end``,
``continuation_start``, ``continuation_end``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.gates import GLUED_LOWER_CASE, LOWER_CASE_PARAGRAPH, Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.quote_labels import GATES as LABELLED_QUOTATION
from corpusmend.shapes.quote_labels import HASHTAGS_GATE, POST_SIGNATURE_GATE
from corpusmend.shapes.splice_place import later_place
from corpusmend.shapes.splices import find_splices


@register_kind
class SpliceKind(CheckKind):
    name = "splice"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_block_paragraphs": {
                "type": "integer",
                "minimum": 1,
                "default": 4,
                "description": "the most paragraphs a spliced block may have",
            },
            "min_fragment_words": {
                "type": "integer",
                "minimum": 1,
                "default": 2,
                "description": "the fewest words on the broken paragraph's last line",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.max_block = int(params.get("max_block_paragraphs", 4))
        self.min_words = int(params.get("min_fragment_words", 2))

    def gate(self) -> Gate:
        """A splice resumes in a lower-case paragraph, glued after a sentence end or glued after
        a quotation's source label, closing hashtags or a post's signature."""
        patterns = (
            LOWER_CASE_PARAGRAPH,
            *GLUED_LOWER_CASE,
            *LABELLED_QUOTATION,
            HASHTAGS_GATE,
            POST_SIGNATURE_GATE,
        )
        return Gate(patterns, "sentence")

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        for s in find_splices(doc, self.max_block, self.min_words):
            values = {
                "fragment": text[s.fragment_start : s.break_at],
                "block": text[s.block_start : s.block_end],
                "continuation": text[s.continuation_start : s.continuation_end],
                "break_at": s.break_at,
                "block_start": s.block_start,
                "block_end": s.block_end,
                "continuation_start": s.continuation_start,
                "continuation_end": s.continuation_end,
            }
            place = later_place(doc, (s.block_start, s.block_end), s.continuation_end)
            yield Hit(s.block_start, s.continuation_end, values, s.rejoined(text, place))
