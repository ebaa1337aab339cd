"""Open the corpus view a run needs from typed inputs: the checked documents, a reference
corpus, a saved index, the source field. No command-line parsing here (commands/sibling_options.py
maps the flags onto CorpusInputs)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, read_documents
from corpusmend.siblings.options import SiblingOptions

if TYPE_CHECKING:  # the passes load only when a run needs one
    from corpusmend.passes.build import CorpusView, LineCounter, SourceOf
    from corpusmend.siblings.records import SignatureRecord

Reader = Callable[[Sequence[str]], Iterable["Document | ReadProblem"]]
# The signature records of the checked documents, in input order (siblings/records.py): an
# engine's (processes, Ray tasks); it may read the documents itself from the same inputs.
Signer = Callable[[Iterable[Document], SiblingOptions], Iterable["SignatureRecord"]]
# Query thresholds a run may change on a loaded index (signatures stay as built).
QUERY_FIELDS = ("min_jaccard", "min_containment", "min_shared", "max_siblings")


@dataclass(frozen=True)
class CorpusInputs:
    """What the corpus passes are built over."""

    paths: tuple[str, ...]  # the checked paths (stdin left out: it is read once, by the check)
    options: SiblingOptions = field(default_factory=SiblingOptions)
    references: tuple[str, ...] = ()  # reference corpora to find siblings in as well
    index: str | None = None  # a saved index (`corpusmend index`) of the whole corpus
    source_field: str | None = None  # the record field naming a document's source


def open_view(
    needed: Sequence[str],
    inputs: CorpusInputs,
    reader: Reader | None = None,
    read_options: ReadOptions | None = None,
    count_lines: LineCounter | None = None,
    sign: Signer | None = None,
) -> CorpusView | None:
    """The passes in `needed` over the checked documents (read with `reader`: the run's own,
    config excludes included), the references and the index; None when no pass is needed or
    there is nothing to compare with (one document, no reference, no index); warns on stderr
    when a saved index is stale for files other than those checked. `count_lines`
    (an engine's: Ray counts in map tasks) builds the line statistics of a run over its own
    documents; `sign` (an engine's: worker processes, Ray tasks) signs the checked documents
    for the index."""
    if not needed:
        return None
    from corpusmend.passes.build import view_of_index

    references = list(_documents(inputs.references, None, read_options))
    checked = _documents(inputs.paths, reader, read_options)  # streamed: the index keeps no texts
    index = sibling_index(inputs.options, references, checked, inputs.index, sign)
    if index is None:
        return None
    # a run over its own documents groups them all (the engines batch work by group); a few
    # files checked against a saved index or a reference corpus query only what they need
    whole = inputs.index is None and not inputs.references
    source_of = source_function(inputs.source_field)
    counter = count_lines if whole else None  # an index or references: not in the input
    view = view_of_index(needed, index, source_of, group=whole, count_lines=counter)
    if inputs.index:
        _warn_if_stale(index, inputs.index, inputs.paths)
    return view


def _warn_if_stale(index: Any, index_path: str, checking: Sequence[str]) -> None:
    from corpusmend.passes.index_inputs import files_under, staleness

    stale = staleness(index.inputs, files_under(checking))
    if stale:
        print(f"corpusmend: warning: {stale.message(index_path, index.roots)}", file=sys.stderr)


def sibling_index(
    options: SiblingOptions,
    references: Sequence[Document],
    checked: Iterable[Document],
    index_path: str | None = None,
    sign: Signer | None = None,
) -> Any:
    """The SiblingIndex a check uses: a saved index when given (its query thresholds set by
    `options`), then the reference corpus, then the checked documents (their records made by
    `sign`, default here, in input order: the index is the same whoever signs); None when
    there is nothing to compare with (no index, no reference, fewer than two documents)."""
    rest = iter(checked)
    head = list(islice(rest, 2))
    if not index_path and not references and len(head) < 2:
        return None  # nothing to compare with: skip loading the index machinery
    from corpusmend.siblings.index import SiblingIndex  # numpy: only when needed

    if index_path:
        index = SiblingIndex.load(index_path)
        query = {k: getattr(options, k) for k in QUERY_FIELDS}
        index.options = dataclasses.replace(index.options, **query)
    else:
        index = SiblingIndex(options)
    for doc in references:
        index.add(doc)
    reference = len(index)
    added = 0
    for record in (sign or sign_here)(chain(head, rest), index.options):
        index.add_record(record)
        added += 1
    if reference == 0 and added < 2:
        return None
    return index


def sign_here(documents: Iterable[Document], options: SiblingOptions) -> Iterator[Any]:
    """The default Signer: each document's signature record, made in this process."""
    from corpusmend.siblings.records import signature_record

    return (signature_record(doc, options) for doc in documents)


def source_function(field: str | None) -> SourceOf:
    """A document's source: the record field named by `field`, else a text file's folder,
    else none (picklable: Ray tasks count lines by source too)."""
    return DocumentSource(field)


@dataclass(frozen=True)
class DocumentSource:
    field: str | None = None  # the record field naming the source (None: a text file's folder)

    def __call__(self, doc: Document) -> str | None:
        from corpusmend.passes.sources import folder_source, source_value

        if self.field is not None:
            return source_value(doc.metadata.get(self.field))
        return folder_source(doc.path) if doc.source is None else None


def _documents(
    paths: Iterable[str], reader: Reader | None, read_options: ReadOptions | None
) -> Iterable[Document]:
    items = reader(list(paths)) if reader else read_documents(list(paths), read_options)
    for item in items:
        if isinstance(item, Document):
            yield item  # a read problem is reported by the check itself
