"""What every engine shares: the linter spec workers build from, batches, and the result contract.

An engine turns a stream of documents (and read problems) into DocumentResults in input order.
With corpus passes it receives their artifact (a CorpusView) and gives each document the
context the view made for it. Engines only compute; the main process formats and writes each
result as it arrives.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from corpusmend.document import Document
from corpusmend.errors import CorpusmendError, describe_exception
from corpusmend.linter import Linter
from corpusmend.passes.context import NO_CONTEXT, DocumentContext
from corpusmend.readers import ReadOptions, ReadProblem, read_documents
from corpusmend.runner import DocumentResult, Encoded, RunOptions, process

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView, LineCounter
    from corpusmend.passes.corpus import Reader, Signer

Item = Document | ReadProblem


@dataclass(frozen=True)
class LinterSpec:
    """A picklable recipe for the linter a worker builds once.

    It is the main process's linter, pickled: workers run exactly the rules the main process
    selected (config overrides included), and Ray nodes need no copy of the rule pack files.
    """

    pickled: bytes

    @classmethod
    def of(cls, linter: Linter) -> LinterSpec:
        try:
            return cls(pickle.dumps(linter, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise CorpusmendError(f"the rules cannot be sent to worker processes: {exc}") from exc

    def build(self) -> Linter:
        return pickle.loads(self.pickled)


@dataclass(frozen=True)
class Source:
    """Where documents come from: the paths given and how to read them (both picklable)."""

    paths: tuple[str, ...]
    options: ReadOptions = field(default_factory=ReadOptions)

    def items(self) -> Iterator[Item]:
        yield from read_documents(list(self.paths), self.options)


class Engine(Protocol):
    name: str

    def line_counter(self, source: Source) -> LineCounter | None:
        """How this engine builds the line-statistics pass over `source` (None: the main
        process counts them)."""
        ...

    def signer(self, source: Source, reader: Reader | None = None) -> Signer | None:
        """How this engine signs the documents of `source` (as `reader` reads them) for the
        sibling index, in input order (None: the main process signs them)."""
        ...

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        view: CorpusView | None = None,
    ) -> Iterator[DocumentResult]:
        """DocumentResults in input order, one per document or read problem; `view` holds
        the corpus passes the selected rules need (None: none)."""
        ...


def problem_result(problem: ReadProblem) -> DocumentResult:
    doc = Document("", id=problem.path, path=problem.path)
    return DocumentResult(doc, [], problem=problem.message, unread=True, note=problem.note)


def process_safely(
    linter: Linter,
    doc: Document,
    options: RunOptions,
    context: DocumentContext = NO_CONTEXT,
) -> DocumentResult:
    """process(), except that a crash reports this document and never stops the others; the
    findings are encoded for the output format here when the run asks for it (options.encode)."""
    try:
        result = process(linter, doc, options, context)
        if options.encode is not None and result.findings:
            result.encoded = Encoded(result.findings, options.encode(result.findings))
    except Exception as exc:
        return DocumentResult(doc, [], problem=f"internal error: {describe_exception(exc)}")
    return result


# Results travel back from workers without the document the main process already holds.
_SAME_DOC = Document("", id="<same document>")


def detach(result: DocumentResult, doc: Document) -> DocumentResult:
    """The result to send back: the document is dropped when the main process has it."""
    if result.doc is doc:
        return dataclasses.replace(result, doc=_SAME_DOC)
    return result


def attach(result: DocumentResult, doc: Document) -> DocumentResult:
    if result.doc.id == _SAME_DOC.id and result.doc.path is None and not result.doc.text:
        return dataclasses.replace(result, doc=doc)
    return result


def batches(items: Iterable[Item], max_docs: int, max_chars: int) -> Iterator[list[Item]]:
    """Consecutive runs of items, each at most max_docs documents or about max_chars of text."""
    batch: list[Item] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
        if len(batch) >= max_docs or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
