"""The ``phrase-lines`` kind: whole lines (or paragraphs) that are page furniture.

The phrases and patterns are data tables (``data:`` in a pack, merged across packs), so users add
their own. A unit is flagged only when the whole of it is a listed phrase or matches a listed
pattern from end to end (see :mod:`corpusmend.shapes.furniture`). The fix deletes the unit
together with one of the line breaks around it, so the text closes up without a gap and without
joining two paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document, Span
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.furniture import FurnitureLines, delete_unit_edit, gated_lines


@register_kind
class PhraseLinesKind(CheckKind):
    name = "phrase-lines"
    message_values = frozenset({"match"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "phrases": {
                "type": "string",
                "description": "data table of exact phrases (compared case-insensitively, with "
                "spaces collapsed and surrounding bullets, quotes and colons ignored)",
            },
            "patterns": {
                "type": "string",
                "description": "data table of regular expressions that must match a whole unit",
            },
            "scope": {"enum": ["line", "paragraph"], "default": "line"},
            "prose_guard": {
                "type": "boolean",
                "default": False,
                "description": "leave alone a pattern match that reads as a sentence of the text "
                "(a verb, six words or more, a sentence end, no link)",
            },
            "max_length": {
                "type": "integer",
                "minimum": 1,
                "default": 400,
                "description": "longer units are never furniture",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        if "phrases" not in params and "patterns" not in params:
            raise ValueError("params.phrases: give phrases, patterns or both")
        self.furniture = FurnitureLines(
            self.data_table("phrases"),
            self.data_table("patterns"),
            max_length=int(params.get("max_length", 400)),
            prose_guard=bool(params.get("prose_guard", False)),
        )
        self.scope = params.get("scope", "line")

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        spans: list[Span] | None = None
        if self.scope == "line":  # only the lines where the furniture's gate found something
            found = gated_lines(self.furniture.gate_for(text.count("\n") + 1), doc)
            if found is not None:
                lines = sorted({doc.position(offset)[0] - 1 for offset in found})
                spans = [doc.line_span(i) for i in lines]
        if spans is None:
            spans = doc.line_spans if self.scope == "line" else doc.paragraphs
        for span in spans:
            offset, unit = span.start, span.slice(text)
            if not self.furniture.matches(unit):
                continue
            start = offset + (len(unit) - len(unit.lstrip()))
            end = offset + len(unit.rstrip())
            alone = not text[:start].strip() and not text[end:].strip()
            edits = None if alone else (delete_unit_edit(text, start, end),)
            yield Hit(start, end, {"match": text[start:end]}, edits)
