"""The ``mixed-line-endings`` kind: a text that mixes CRLF and LF line endings.

One finding per document, at the first line ending of the minority style; the fix rewrites every
minority ending to the majority style (LF on a tie) and touches nothing else. A lone CR (old Mac
style) counts as its own style and is rewritten too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from lint.document import Document
from lint.findings import Edit
from lint.kinds.base import CheckKind, Hit

_ENDING = regex.compile(r"\r\n|\r|\n")
_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


class MixedLineEndingsKind(CheckKind):
    name = "mixed-line-endings"
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "additionalProperties": False}

    def check(self, doc: Document, siblings: Sequence[Document] = ()) -> Iterator[Hit]:
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
        edits = tuple(Edit(pos, pos + len(style), majority) for pos, style in minority)
        first, style = minority[0]
        summary = ", ".join(f"{n} {_NAMES[s]}" for s, n in counts.items() if n)
        yield Hit(
            first,
            first + len(style),
            {"match": text[first : first + len(style)], "counts": summary, "to": _NAMES[majority]},
            edits,
        )
