"""Build the corpus passes a run needs over the documents a sibling index holds.

The sibling index is built first (it keeps each document); its groups of story copies then
give the line-statistics pass the group each document counts toward.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document
from corpusmend.passes import with_dependencies
from corpusmend.passes.context import DocumentContext
from corpusmend.passes.line_stats import LineStats, LineStatsBuilder

SourceOf = Callable[[Document], "str | None"]


@dataclass
class CorpusView:
    """The artifacts of the passes that ran (None for a pass that did not)."""

    siblings: Any = None  # a SiblingIndex
    line_stats: LineStats | None = None
    groups: dict[str, str] = field(default_factory=dict)  # document key -> its group's key

    def context(self, doc: Document, source: str | None) -> DocumentContext:
        """What the passes know of one document of the corpus."""
        siblings = (
            tuple(m.document for m in self.siblings.query(doc)) if self.siblings is not None else ()
        )
        stats = self.line_stats.subset(doc.text, source) if self.line_stats is not None else None
        return DocumentContext(siblings=siblings, line_stats=stats, source=source)


def build_view(
    needed: Iterable[str],
    documents: Iterable[Document],
    new_index: Callable[[], Any],
    source_of: SourceOf,
) -> CorpusView:
    """Build the passes in `needed` (and what they need) over `documents`: they go into the
    index `new_index()` makes, and the passes are built over what it then holds."""
    if not with_dependencies(set(needed)):
        return CorpusView()
    index = new_index()
    for doc in documents:
        index.add(doc)
    return view_of_index(needed, index, source_of)


def view_of_index(needed: Iterable[str], index: Any, source_of: SourceOf) -> CorpusView:
    """The passes over the documents an index already holds (a loaded index file included)."""
    from corpusmend.siblings.index import entry_key

    view = CorpusView(siblings=index, groups=sibling_groups(index))
    if "line-stats" in with_dependencies(set(needed)):
        builder = LineStatsBuilder()
        for doc in index.documents():
            key = entry_key(doc)
            builder.add(doc.text, view.groups.get(key, key), source_of(doc))
        view.line_stats = builder.finish()
    return view


# Copies of one story, for counting lines: the sibling index also pairs pages that share only a
# passage (its threshold is low so that reworded copies still help repairs), and two unrelated
# stories of one site that share their furniture must stay two stories here.
STORY_COPY = 0.65


def sibling_groups(index: Any) -> dict[str, str]:
    """Each grouped document's key -> its group's first key (documents alone are left out):
    documents joined by pairs that share at least STORY_COPY of their shingles."""
    groups = index.groups(min_similarity=STORY_COPY)
    return {member: group[0] for group in groups for member in group}
