"""The ``dangling-attribution`` kind: a quotation's attribution runs into the lower-case rest
of some other sentence (``..., the minister said. to the committee ...``).

Where the attribution ends a block spliced into a sentence (the ``splice`` kind), the splice's
fix repairs both, so this finding carries no fix of its own there; elsewhere nobody knows where
the orphaned words belong, so it carries none either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from corpusmend.document import Document, Span
from corpusmend.gates import MAYBE_LOWER, SENTENCE_PERIOD, SPACE_IN_LINE, Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.broken_sentences import continuation_at
from corpusmend.shapes.reporting_verbs import verb_table
from corpusmend.shapes.splices import find_splices

_WORD = regex.compile(r"\S+")
_PERIOD_THEN_LOWER = regex.compile(r"\.[^\S\n]+\p{Ll}")
# What the words of an attribution never hold; searched backwards from a period.
_NOT_IN_ATTRIBUTION = '.!?“”"\n'
_LAST_STOP = regex.compile(f"[{regex.escape(_NOT_IN_ATTRIBUTION)}]", regex.REVERSE)


@register_kind
class DanglingAttributionKind(CheckKind):
    name = "dangling-attribution"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "verbs": {
                "type": "string",
                "default": "reporting_verbs",
                "description": "the data table listing reporting verbs",
            },
            "max_attribution_words": {"type": "integer", "minimum": 1, "default": 8},
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        verbs = verb_table(self.data, params.get("verbs", "reporting_verbs"))
        most = int(params.get("max_attribution_words", 8))
        alternatives = "|".join(regex.escape(v) for v in verbs)
        # closing quote, the attribution (a few words with a reporting verb), a period, then
        # lower case on the same line
        self.pattern = regex.compile(
            r"(?<=[”\"’]|[”\"’],)[^\S\n]*"
            rf"(?P<attribution>(?:[^\s.!?“”\"]+[^\S\n]+){{0,{most}}}?"
            rf"\b(?i:{alternatives})\b(?:[^\S\n]+[^\s.!?“”\"]+){{0,3}}?)"
            r"\.[^\S\n]+(?=\p{Ll})"
        )
        # Matches can be looked for near each period alone unless a verb holds a period.
        self.windowed = not any(c in v for v in verbs for c in _NOT_IN_ATTRIBUTION)

    def gate(self) -> Gate:
        """A sentence's period (not an abbreviation's) with lower case after it."""
        return Gate((SENTENCE_PERIOD + SPACE_IN_LINE + "+" + MAYBE_LOWER,), "paragraph")

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        spliced: set[int] | None = None
        for m, para in self._matches(doc):
            dot = m.end("attribution")
            if doc.abbreviation_before(dot) or not continuation_at(text, m.end(), para.end):
                continue
            if spliced is None:
                spliced = {s.continuation_start for s in find_splices(doc)}
            word_end = _WORD.match(text, m.end()).end()
            values = {
                "attribution": m.group("attribution"),
                "continuation": text[m.end() : word_end],
                "spliced": m.end() in spliced,
            }
            yield Hit(m.start("attribution"), word_end, values)

    def _matches(self, doc: Document) -> Iterator[tuple[regex.Match, Span]]:
        """What ``self.pattern.finditer`` finds in each paragraph, with the paragraph.

        Every match ends with a period followed by lower case on the same line (found first, by
        a cheap search), and starts after the last period, quote mark or line break before that
        period (the attribution's words hold none), so each period is tried in a small window.
        """
        text = doc.text
        if not self.windowed:
            for i in sorted(
                {
                    i
                    for c in _PERIOD_THEN_LOWER.finditer(text)
                    if (i := doc.paragraph_at(c.start())) is not None
                }
            ):
                para = doc.paragraphs[i]
                for m in self.pattern.finditer(text, para.start, para.end):
                    yield m, para
            return
        done = 0  # where the last match ended
        for c in _PERIOD_THEN_LOWER.finditer(text):
            dot = c.start()
            i = doc.paragraph_at(dot)
            if dot < done or i is None:
                continue
            para = doc.paragraphs[i]
            stop = _LAST_STOP.search(text, para.start, dot)
            start = max(done, para.start, stop.end() if stop is not None else 0)
            m = self.pattern.search(text, start, c.end())
            if m is not None:
                yield m, para
                done = m.end()
