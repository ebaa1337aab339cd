"""Check (and optionally fix) one document; every engine (engines/) calls this.

Processing never writes: results carry the fixed text and writers (writers/) put it back."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import Finding
from corpusmend.linter import Linter, moved_metadata
from corpusmend.passes.context import NO_CONTEXT, DocumentContext


@dataclass(frozen=True)
class Encoded:
    """A document's findings written ahead in a worker, so the main process (which writes the
    output in input order for every worker) does not spend its time encoding them."""

    findings: list[Finding]  # the list encoded: the result's own, compared by identity
    text: str


@dataclass
class DocumentResult:
    doc: Document
    findings: list[Finding]
    fixed_text: str | None = None  # set when fixing changed the text
    applied: list[Finding] = field(default_factory=list)
    problem: str | None = None  # an error about this document (unreadable, not written)
    unread: bool = False  # the input could not be read at all (no document was checked)
    note: bool = False  # unread on purpose (a record file without the text field, skipped)
    moved: dict[str, Any] = field(default_factory=dict)  # metadata fixes moved (--move-metadata)
    original: list[Finding] | None = None  # with fixed_text: the findings before the fixes
    encoded: Encoded | None = None  # the findings as the output format writes them (workers)

    def encoded_findings(self) -> str | None:
        """The findings as a worker encoded them for the output format, if that encoding is
        of this result's own findings list (a baseline's filter makes a new one)."""
        enc = self.encoded
        return enc.text if enc is not None and enc.findings is self.findings else None

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
    move_metadata: bool = False  # keep the values header fixes remove (DocumentResult.moved)
    metadata_fields: tuple[tuple[str, str], ...] = ()  # (value, field to write it to) renames
    # the output format's encoding of a document's findings, run where the document is checked
    encode: Callable[[list[Finding]], str] | None = None


def process(
    linter: Linter,
    doc: Document,
    options: RunOptions,
    context: DocumentContext = NO_CONTEXT,
) -> DocumentResult:
    """Check one document, or compute its fixes; never writes anything. `context` is what the
    corpus passes know of the document (see passes.build.CorpusView.context)."""
    if not (options.fix or options.diff) or (doc.source is not None and not options.fix_records):
        return DocumentResult(doc, linter.check_document(doc, context))
    result = linter.fix_document(doc, context, unsafe=options.unsafe, move_metadata=False)
    if result.text == doc.text:
        return DocumentResult(doc, list(result.remaining))
    moved = {}
    if options.move_metadata:
        moved = moved_metadata(result.applied, doc.metadata, dict(options.metadata_fields))
    return DocumentResult(
        doc,
        list(result.remaining),
        result.text,
        list(result.applied),
        moved=moved,
        original=list(result.original),
    )


def unwritten(result: DocumentResult, reason: str) -> DocumentResult:
    """The result to report when fixed text could not be written: the findings in the text as
    it stays, computed with the document's context when it was fixed (its SIB findings too)."""
    findings = result.original if result.original is not None else result.findings
    return DocumentResult(result.doc, list(findings), problem=f"not written: {reason}")
