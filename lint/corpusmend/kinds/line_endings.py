"""The ``mixed-line-endings`` kind: a text that mixes CRLF and LF line endings.

One finding per line ending of a minority style, each with its own fix rewriting that ending to
the majority style (LF on a tie); nothing else is touched. A lone CR (old Mac style) counts as
its own style and is rewritten too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

_ENDING = regex.compile(r"\r\n|\r|\n")
_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


@register_kind
class MixedLineEndingsKind(CheckKind):
    name = "mixed-line-endings"
    message_values = frozenset({"style", "counts", "to"})
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "additionalProperties": False}

    def gate(self) -> Gate:
        return Gate(("\r",))  # one style only without a carriage return

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        if "\r" not in text:
            return
        found = [(m.start(), m.group()) for m in _ENDING.finditer(text)]
        counts = {style: 0 for style in ("\n", "\r\n", "\r")}
        for _, style in found:
            counts[style] += 1
        if sum(1 for n in counts.values() if n) < 2:
            return
        majority = max(counts, key=lambda s: counts[s])  # dict order puts LF first on a tie
        minority = [(pos, style) for pos, style in found if style != majority]
        summary = ", ".join(f"{n} {_NAMES[s]}" for s, n in counts.items() if n)
        for pos, style in minority:
            end = pos + len(style)
            values = {"style": _NAMES[style], "counts": summary, "to": _NAMES[majority]}
            yield Hit(pos, end, values, (Edit(pos, end, majority),))
