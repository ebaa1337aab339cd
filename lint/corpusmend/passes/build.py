"""Build the corpus passes a run needs, and what each document reads from them.

The sibling index is built first (it keeps each document). Each document is queried once: its
verified matches give both its siblings (the first `max_siblings`) and the pairs that join
copies of one story into a group (STORY_COPY), which the line-statistics pass counts each line
once per and the engines batch work by. A document's DocumentContext is made once and serves
its checks, its cache key and the engines.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from corpusmend.disjoint_sets import DisjointSets
from corpusmend.document import Document
from corpusmend.passes import with_dependencies
from corpusmend.passes.context import DocumentContext
from corpusmend.passes.line_stats import LineStats, LineStatsBuilder
from corpusmend.siblings.alignments import AlignmentStore

SourceOf = Callable[[Document], "str | None"]
# Builds the line statistics of a view whose groups are known (an engine may distribute it)
LineCounter = Callable[["CorpusView"], LineStats]

# Copies of one story, for counting lines: the sibling index also pairs pages that share only a
# passage (its threshold is low so that reworded copies still help repairs), and two unrelated
# stories of one site that share their furniture must stay two stories here.
STORY_COPY = 0.65
# A candidate beyond a query's verification bound is verified for grouping when its estimated
# similarity reaches this (and it is not yet in the group): at 64 permutations a pair at 0.65
# falls below 0.5 about once in 250, and it is then usually joined through the group's others.
STORY_ESTIMATE = 0.5


def no_source(doc: Document) -> str | None:
    return None


@dataclass
class _Matched:
    """What one query of the index said about a document (its text, to tell an edited copy)."""

    text: str
    siblings: tuple[Document, ...]


@dataclass
class CorpusView:
    """The artifacts of the passes that ran (None for a pass that did not), and each document's
    view of them, computed once."""

    siblings: Any = None  # a SiblingIndex
    line_stats: LineStats | None = None
    source_of: SourceOf = no_source
    groups: dict[str, str] = field(default_factory=dict)  # document key -> its group's key
    _matched: dict[str, _Matched] = field(default_factory=dict, repr=False)
    _stories: DisjointSets = field(default_factory=DisjointSets, repr=False)  # copies joined
    _contexts: dict[str, DocumentContext] = field(default_factory=dict, repr=False)

    def context(self, doc: Document) -> DocumentContext:
        """What the passes know of one document of the corpus, worked out once per document
        (a new context each call: its alignment store lives as long as the check does)."""
        key = _key(doc)
        ctx = self._contexts.get(key)
        if ctx is None or self._matched.get(key, _NONE).text != doc.text:
            source = self.source_of(doc)
            stats = None
            if self.line_stats is not None:
                stats = self.line_stats.subset(doc.text, source)
            ctx = DocumentContext(siblings=self.sibling_docs(doc), line_stats=stats, source=source)
            if self._matched.get(key, _NONE).text == doc.text:
                self._contexts[key] = ctx
        return dataclasses.replace(ctx, alignments=AlignmentStore())

    def sibling_docs(self, doc: Document) -> tuple[Document, ...]:
        if self.siblings is None:
            return ()
        found = self._matched.get(_key(doc))
        if found is None or found.text != doc.text:
            found = self._query(doc)
        return found.siblings

    def group_of(self, doc: Document) -> str:
        """The key of the document's group of story copies (its own key when it has none)."""
        key = _key(doc)
        return self.groups.get(key, key)

    def _query(self, doc: Document) -> _Matched:
        """Query the index once for a document: its siblings, and the pairs that join story
        copies. Remembered when the index holds this very document. Beyond the candidates a
        query verifies anyway, only those not yet in the document's group are verified (and
        only when their estimate reaches STORY_ESTIMATE): a group of 1,000 copies is joined
        by its first document's query, and the others' add nothing to verify."""
        index = self.siblings
        key = _key(doc)
        if doc not in index:
            found, extra = index.query_more(doc)[0], []
        else:
            root = self._stories.find(key)  # joins happen after the query: its group stays put
            found, extra = index.query_more(
                doc, more=lambda k: self._stories.find(k) != root, more_floor=STORY_ESTIMATE
            )
        matched = _Matched(doc.text, tuple(m.document for m in found[: index.options.max_siblings]))
        if doc in index:
            self._matched[key] = matched
            for m in found + extra:
                if m.similarity >= STORY_COPY:
                    self._stories.join(key, _key(m.document))
        return matched

    def group_all(self) -> None:
        """Query every indexed document (once) and group the copies of each story."""
        for doc in self.siblings.documents():
            if _key(doc) not in self._matched:
                self._query(doc)
        self.groups = {k: group[0] for group in self._stories.groups() for k in group}


_NONE = _Matched("\0", ())


def _key(doc: Document) -> str:
    from corpusmend.siblings.index import entry_key

    return entry_key(doc)


def build_view(
    needed: Iterable[str],
    documents: Iterable[Document],
    new_index: Callable[[], Any],
    source_of: SourceOf = no_source,
) -> CorpusView:
    """Build the passes in `needed` (and what they need) over `documents`: they go into the
    index `new_index()` makes, and the passes are built over what it then holds."""
    if not with_dependencies(set(needed)):
        return CorpusView(source_of=source_of)
    index = new_index()
    for doc in documents:
        index.add(doc)
    return view_of_index(needed, index, source_of)


def view_of_index(
    needed: Iterable[str],
    index: Any,
    source_of: SourceOf = no_source,
    group: bool = True,
    count_lines: LineCounter | None = None,
) -> CorpusView:
    """The passes over the documents an index already holds (a loaded index file included).
    With `group` (always with line statistics), every indexed document is queried now and the
    copies of each story grouped. `count_lines` counts the lines of the indexed documents
    (default: here, one document after another)."""
    view = CorpusView(siblings=index, source_of=source_of)
    passes = with_dependencies(set(needed))
    if group or "line-stats" in passes:
        view.group_all()
    if "line-stats" in passes:
        view.line_stats = (count_lines or count_index_lines)(view)
    return view


def count_index_lines(view: CorpusView) -> LineStats:
    """The line statistics of every document the view's index holds, counted here."""
    builder = LineStatsBuilder()
    for doc in view.siblings.documents():
        builder.add(doc.text, view.group_of(doc), view.source_of(doc))
    return builder.finish()


def sibling_groups(index: Any) -> dict[str, str]:
    """Each grouped document's key -> its group's first key (documents alone are left out):
    documents joined by pairs that share at least STORY_COPY of their shingles."""
    return view_of_index(("siblings",), index).groups
