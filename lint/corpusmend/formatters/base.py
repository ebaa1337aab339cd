"""The formatter lifecycle: one document result at a time, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, TextIO

from corpusmend.document import Document
from corpusmend.findings import SEVERITY_RANK, Finding
from corpusmend.runner import DocumentResult


def fix_kind(f: Finding) -> str | None:
    """How a finding can be fixed: "safe" (by --fix), "unsafe" (with --unsafe-fixes) or None."""
    if f.fix is None or not f.fix.edits or f.fix.applicability == "display":
        return None
    return f.fix.applicability


class Formatter:
    name = "base"
    # A document's findings as this format writes them, when that depends on nothing else:
    # run where the document is checked (a worker), so the main process only joins text.
    encode: Callable[[list[Finding]], str] | None = None

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.documents = 0  # every result, read or not (the JSON summary's count)
        self.unread = 0  # inputs that could not be read: no document was checked
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()  # "safe" / "unsafe": findings each can fix
        self.fixed = 0

    def handle(self, result: DocumentResult) -> None:
        self.documents += 1
        self.unread += result.unread
        self.by_code.update(f.code for f in result.findings)
        self.by_severity.update(f.severity for f in result.findings)
        self.fixable.update(k for f in result.findings if (k := fix_kind(f)) is not None)
        self.fixed += len(result.applied)
        self.document(result)

    def corpus(self, lookup: Callable[[Document], Any] | None) -> None:
        """What the corpus passes know of each document (its siblings), for formats that show
        them (html); called once before the first document."""

    def document(self, result: DocumentResult) -> None:
        """Write one document's findings (streaming formats) or remember them."""

    def finish(self) -> None:
        """Write whatever comes after the last document."""

    @property
    def total(self) -> int:
        return sum(self.by_code.values())

    def failing(self, fail_on: str) -> int:
        """How many findings are at least as severe as `fail_on` (error, warning or info)."""
        rank = SEVERITY_RANK[fail_on]
        return sum(n for sev, n in self.by_severity.items() if SEVERITY_RANK[sev] <= rank)
