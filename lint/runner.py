"""Check (and optionally fix) a stream of documents; the one loop under the CLI and hooks."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint.document import Document
from lint.errors import CorpusmendError
from lint.findings import Finding
from lint.linter import Linter
from lint.readers import ReadProblem
from lint.readers.text import encode
from lint.writeback import write_text


@dataclass
class DocumentResult:
    doc: Document
    findings: list[Finding]
    fixed_text: str | None = None  # set when fixing changed the text
    applied: list[Finding] = field(default_factory=list)
    problem: str | None = None  # an error about this document (unreadable, not written)

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


def process(linter: Linter, doc: Document, options: RunOptions) -> DocumentResult:
    if not (options.fix or options.diff):
        return DocumentResult(doc, linter.check_document(doc))
    result = linter.fix_document(doc, unsafe=options.unsafe)
    fixed = result.text if result.text != doc.text else None
    out = DocumentResult(doc, list(result.remaining), fixed, list(result.applied))
    if fixed is not None and options.fix and not options.diff and doc.path:
        try:
            bom = bool(doc.metadata.get("bom"))
            write_text(Path(doc.path), fixed, bom, original=encode(doc.text, bom))
        except (OSError, CorpusmendError) as exc:
            out.problem = f"not written: {exc}"
            out.findings = linter.check_document(doc)
            out.fixed_text, out.applied = None, []
    return out


def run(
    linter: Linter, items: Iterable[Document | ReadProblem], options: RunOptions
) -> Iterator[DocumentResult]:
    for item in items:
        if isinstance(item, ReadProblem):
            doc = Document("", id=item.path, path=item.path)
            yield DocumentResult(doc, [], problem=item.message)
        else:
            yield process(linter, item, options)
