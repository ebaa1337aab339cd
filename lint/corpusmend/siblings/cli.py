"""The command-line face of siblings: `check`'s sibling options, and the lookup they give."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from typing import Any

from corpusmend.document import Document
from corpusmend.passes.context import DocumentContext
from corpusmend.readers import ReadOptions, ReadProblem, read_documents
from corpusmend.siblings.options import SiblingOptions

# What the corpus passes know of a document: its siblings, or its whole context
SiblingLookup = Callable[[Document], "Sequence[Document] | DocumentContext"]
# Query thresholds a command line may change on a loaded index (signatures stay as built).
QUERY_FIELDS = ("min_jaccard", "min_containment", "min_shared", "max_siblings")


def add_sibling_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "siblings", "other versions of each document (on when the corpus has several documents)"
    )
    g.add_argument(
        "--siblings",
        action="append",
        default=[],
        metavar="PATH",
        help="a reference corpus to find siblings in as well (repeatable)",
    )
    g.add_argument("--no-siblings", action="store_true", help="do not look for siblings")
    g.add_argument(
        "--source-field",
        default=None,
        metavar="NAME",
        help="record field naming each document's source (a site; a URL gives its host) for "
        "per-source line counts (default: the folder of a text file; none for records)",
    )
    g.add_argument(
        "--index",
        default=None,
        metavar="FILE",
        help="a sibling index built by `corpusmend index` (the whole corpus)",
    )
    g.add_argument(
        "--sibling-jaccard",
        type=_share,
        default=None,
        metavar="X",
        help="shingle Jaccard that makes two documents siblings (default 0.5)",
    )
    g.add_argument(
        "--sibling-containment",
        type=_share,
        default=None,
        metavar="X",
        help="share of the shorter document's shingles found in the longer one "
        "that makes them siblings (default 0.25)",
    )
    g.add_argument(
        "--max-siblings",
        type=int,
        default=None,
        metavar="N",
        help="use at most N siblings per document (default 8)",
    )


def _share(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1]: {value!r}")
    return x


def options_from_args(
    args: argparse.Namespace, settings: dict[str, Any] | None = None
) -> SiblingOptions:
    """Defaults, then the config's `siblings` table, then the command line."""
    values: dict[str, Any] = dict(settings or {})
    for name, flag in (
        ("min_jaccard", "sibling_jaccard"),
        ("min_containment", "sibling_containment"),
        ("max_siblings", "max_siblings"),
    ):
        if getattr(args, flag, None) is not None:
            values[name] = getattr(args, flag)
    return SiblingOptions.from_dict(values)


def _documents(
    paths: Iterable[str],
    read_options: ReadOptions | None,
    reader: Callable[[Sequence[str]], Iterable[Document | ReadProblem]] | None = None,
) -> Iterable[Document]:
    items = reader(list(paths)) if reader else read_documents(list(paths), read_options)
    for item in items:
        if isinstance(item, ReadProblem):
            continue  # the checking pass reports it
        yield item


def lookup_from_args(
    args: argparse.Namespace,
    read_options: ReadOptions | None = None,
    settings: dict[str, Any] | None = None,
    passes: Sequence[str] = ("siblings",),
    reader: Callable[[Sequence[str]], Iterable[Document | ReadProblem]] | None = None,
) -> SiblingLookup | None:
    """What the corpus passes the selected rules need (`passes`) know of each checked document,
    or None when no selected rule reads the corpus, siblings are off or there is nothing to
    compare with (a single document, no reference corpus, no index)."""
    if getattr(args, "no_siblings", False) or not passes:
        return None
    options = options_from_args(args, settings)
    index_path = getattr(args, "index", None)
    references = list(_documents(getattr(args, "siblings", []), read_options))
    paths = list(args.paths)
    if "-" in paths:
        print(
            "corpusmend: siblings: standard input is matched only against --siblings and --index",
            file=sys.stderr,
        )
        paths = [p for p in paths if p != "-"]
    checked = _documents(paths, read_options, reader)  # streamed: the index keeps no texts
    index = sibling_index(options, references, checked, index_path)
    if index is None:
        return None
    if index_path:
        _warn_if_stale(index, index_path, args.paths)
    if "line-stats" not in passes:
        return lambda doc: [m.document for m in index.query(doc)]
    from corpusmend.passes.build import view_of_index

    source_of = source_function(getattr(args, "source_field", None))
    view = view_of_index(passes, index, source_of)
    return lambda doc: view.context(doc, source_of(doc))


def sibling_index(
    options: SiblingOptions,
    references: Sequence[Document],
    checked: Iterable[Document],
    index_path: str | None = None,
) -> Any:
    """The SiblingIndex a check uses: a saved index when given (its query thresholds set by
    `options`), then the reference corpus, then the checked documents; None when there is
    nothing to compare with (no index, no reference, fewer than two documents)."""
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
    for doc in chain(head, rest):
        index.add(doc)
        added += 1
    if reference == 0 and added < 2:
        return None
    return index


def source_function(field: str | None) -> Callable[[Document], str | None]:
    """A document's source: the record field named by --source-field, else a text file's
    folder, else none."""
    from corpusmend.passes.sources import folder_source, source_value

    if field is not None:
        return lambda doc: source_value(doc.metadata.get(field))
    return lambda doc: folder_source(doc.path) if doc.source is None else None


def _warn_if_stale(index: Any, index_path: str, checking: Sequence[str]) -> None:
    from corpusmend.passes.index_inputs import files_under, staleness

    stale = staleness(index.inputs, files_under(checking))
    if stale:
        print(f"corpusmend: warning: {stale.message(index_path, index.roots)}", file=sys.stderr)
