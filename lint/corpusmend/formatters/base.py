"""The formatter lifecycle: one document result at a time, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from corpusmend.runner import DocumentResult


class Formatter:
    name = "base"

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.documents = 0
        self.by_code: Counter[str] = Counter()
        self.fixed = 0

    def handle(self, result: DocumentResult) -> None:
        self.documents += 1
        self.by_code.update(f.code for f in result.findings)
        self.fixed += len(result.applied)
        self.document(result)

    def document(self, result: DocumentResult) -> None:
        """Write one document's findings (streaming formats) or remember them."""

    def finish(self) -> None:
        """Write whatever comes after the last document."""

    @property
    def total(self) -> int:
        return sum(self.by_code.values())
