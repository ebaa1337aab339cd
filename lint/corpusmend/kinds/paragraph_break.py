"""The ``paragraph-break`` kind: a sentence broken by a paragraph break.

A paragraph stops mid-sentence and the next one starts with its lower-case rest, with nothing in
between. The fix joins the two with a space. Texts that break lines mid-sentence on purpose
(verse, hard-wrapped text, unmarked lists) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import LOWER_CASE_PARAGRAPH, Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.broken_sentences import (
    closed_paragraph,
    continuation_at,
    laid_out_in_lines,
    lower_case_starts,
    open_paragraph,
)


@register_kind
class ParagraphBreakKind(CheckKind):
    name = "paragraph-break"
    message_values = frozenset({"before", "after"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "min_fragment_words": {
                "type": "integer",
                "minimum": 1,
                "default": 4,
                "description": "the fewest words on the broken paragraph's last line",
            },
            "min_line_chars": {
                "type": "integer",
                "minimum": 0,
                "default": 60,
                "description": "two paragraphs both shorter than this are taken for verse",
            },
            "max_breaks": {
                "type": "integer",
                "minimum": 1,
                "default": 2,
                "description": "a text with more such breaks is laid out in lines on purpose",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_words = int(params.get("min_fragment_words", 4))
        self.max_breaks = int(params.get("max_breaks", 2))
        self.min_line = int(params.get("min_line_chars", 60))

    def gate(self) -> Gate:
        return Gate((LOWER_CASE_PARAGRAPH,), "paragraph")  # a paragraph after the first one

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text, paras = doc.text, doc.paragraphs
        candidates = [k for k in lower_case_starts(doc) if k > 0]
        if not candidates or laid_out_in_lines(doc, self.max_breaks):
            return  # only a paragraph starting in lower case can continue the one before
        for k in candidates:
            a, b = paras[k - 1], paras[k]
            if not open_paragraph(text, a, self.min_words, weak=True):
                continue
            if not continuation_at(text, b.start, b.end):
                continue
            if a.end - a.start < self.min_line and b.end - b.start < self.min_line:
                continue  # two short lines: verse or a slogan, broken on purpose
            if k + 1 < len(paras) and not _holds_sentence_end(doc, k):
                continue  # the rest of a sentence ends like one; this is a line (a byline)
            start = max(text.rfind(" ", a.start, a.end) + 1, a.start)
            end = text.find(" ", b.start, b.end)
            end = b.end if end == -1 else end
            values = {"before": text[start : a.end], "after": text[b.start : end]}
            yield Hit(start, end, values, (Edit(a.end, b.start, " "),))


def _holds_sentence_end(doc: Document, index: int) -> bool:
    """Whether paragraph `index` ends a sentence somewhere, by the document's own sentence
    splitting (an initial's or an abbreviation's period ends none: "By PAUL J. WEBER")."""
    return len(doc.sentences_in(index)) > 1 or closed_paragraph(doc.text, doc.paragraphs[index])
