"""Check (and optionally fix) one document; every engine (engines/) calls this.

Processing never writes: results carry the fixed text and writers (writers/) put it back."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpusmend.document import Document
from corpusmend.findings import Finding
from corpusmend.linter import Linter


@dataclass
class DocumentResult:
    doc: Document
    findings: list[Finding]
    fixed_text: str | None = None  # set when fixing changed the text
    applied: list[Finding] = field(default_factory=list)
    problem: str | None = None  # an error about this document (unreadable, not written)
    unread: bool = False  # the input could not be read at all (no document was checked)
    note: bool = False  # unread on purpose (a record file without the text field, skipped)

    @property
    def path(self) -> str | None:
        return self.doc.path

    def diff(self) -> str:
        if self.fixed_text is None:
            return ""
        name = self.doc.path or self.doc.id
        return "".join(
            difflib.unified_diff(
                self.doc.text.splitlines(keepends=True),
                self.fixed_text.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False  # compute fixes but write nothing
    fix_records: bool = True  # False: records of JSONL/CSV/Parquet files are only checked


def process(
    linter: Linter, doc: Document, options: RunOptions, siblings: Sequence[Document] = ()
) -> DocumentResult:
    """Check one document, or compute its fixes; never writes anything."""
    if not (options.fix or options.diff) or (doc.source is not None and not options.fix_records):
        return DocumentResult(doc, linter.check_document(doc, siblings))
    result = linter.fix_document(doc, siblings, unsafe=options.unsafe)
    fixed = result.text if result.text != doc.text else None
    return DocumentResult(doc, list(result.remaining), fixed, list(result.applied))


def unwritten(result: DocumentResult, linter: Linter, reason: str) -> DocumentResult:
    """The result to report when fixed text could not be written: the original findings."""
    findings = linter.check_document(result.doc)
    return DocumentResult(result.doc, findings, problem=f"not written: {reason}")
