"""The ``legacy-encoding`` kind (ENC006): a whole file (or record) in Windows-1252 or Latin-1.

Files are read as UTF-8 with ``surrogateescape``, so a text saved in Windows-1252 comes in
with every accented letter and curly quote as an invalid byte: ENC002 would report each run
(two dozen on an ordinary Portuguese article). When nothing in the text decodes as UTF-8 beyond
ASCII, at least ``min_runs`` runs of invalid bytes are there, and every run reads safely as
Windows-1252 (see invalid_bytes.reading), the text is one Windows-1252 text: one finding for it,
with one fix that re-decodes every run. Latin-1 is read the same way (its letters are
Windows-1252's). A text with valid UTF-8 beside the bad bytes, too few of them, or a run with no
safe reading keeps ENC002's findings, one per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.invalid_bytes import _CONTEXT, _RUN, reading
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

_UTF8_BEYOND_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


@register_kind
class LegacyEncodingKind(CheckKind):
    name = "legacy-encoding"
    message_values = frozenset({"what", "count", "runs"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "min_runs": {
                "type": "integer",
                "minimum": 1,
                "default": 5,
                "description": "fewer runs of invalid bytes are stray bytes (ENC002), not a "
                "Windows-1252 text",
            }
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_runs = int(params.get("min_runs", 5))

    def gate(self) -> Gate:
        return Gate((_RUN.pattern[:-1],))  # at least one run of invalid bytes

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        if text.isascii() or _UTF8_BEYOND_ASCII.search(text):
            return
        edits = []
        count = 0
        for m in _RUN.finditer(text):
            raw = m.group(0).encode("utf-8", errors="surrogateescape")
            lo, hi = max(m.start() - _CONTEXT, 0), m.end() + _CONTEXT
            replacement, _ = reading(raw, _RUN.sub("", text[lo:hi]))
            if replacement is None:
                return  # not plainly Windows-1252: ENC002 reports each run
            edits.append(Edit(m.start(), m.end(), replacement))
            count += len(raw)
        if len(edits) < self.min_runs:
            return
        what = "file" if doc.source is None else "record text"
        values = {"what": what, "count": count, "runs": len(edits)}
        yield Hit(0, len(text), values, tuple(edits))
