"""The ``dangling-attribution`` kind: a quotation's attribution runs into the lower-case rest
of some other sentence (``..., the minister said. to the committee ...``).

Where the attribution ends a block spliced into a sentence (the ``splice`` kind), the splice's
fix repairs both, so this finding carries no fix of its own there; elsewhere nobody knows where
the orphaned words belong, so it carries none either.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from lint.document import Document
from lint.kinds.base import CheckKind, Hit
from lint.kinds.splice import abbreviation_before, continuation_at, find_splices

_WORD = regex.compile(r"\S+")
_PERIOD_THEN_LOWER = regex.compile(r"\.[^\S\n]+\p{Ll}")
DEFAULT_VERBS = ("said", "says", "added", "told", "stated", "wrote", "noted", "explained")


def verb_table(data: dict[str, Any], key: str) -> list[str]:
    verbs = data.get(key, list(DEFAULT_VERBS))
    if not isinstance(verbs, list) or not all(isinstance(v, str) and v for v in verbs):
        raise ValueError(f"params.verbs: data.{key} must be a list of words")
    return sorted({v.lower() for v in verbs}, key=lambda v: (-len(v), v))


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
        verbs = verb_table(dict(self.data), params.get("verbs", "reporting_verbs"))
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

    def check(self, doc: Document, siblings: Sequence[Document] = ()) -> Iterator[Hit]:
        text = doc.text
        # The cheap test: every match holds a period followed by lower case on the same line,
        # so only the paragraphs holding one are searched.
        candidates = sorted(
            {
                i
                for c in _PERIOD_THEN_LOWER.finditer(text)
                if (i := doc.paragraph_at(c.start())) is not None
            }
        )
        spliced: set[int] | None = None
        for i in candidates:
            para = doc.paragraphs[i]
            for m in self.pattern.finditer(text, para.start, para.end):
                dot = m.end("attribution")
                if abbreviation_before(text, dot) or not continuation_at(text, m.end(), para.end):
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
