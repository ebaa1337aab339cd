"""Build the corpus passes a run needs in one read of the input.

The documents stream by once. The sibling index takes each document whole; the line-statistics
pass needs each document's sibling group, known only when every document has been seen, so it
keeps each document's line keys (8 bytes a line, spilled to a temporary file beyond
KEYS_IN_MEMORY) and counts them once the groups are known. Nothing else of the text is kept by
this pass.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from corpusmend.document import Document
from corpusmend.passes import with_dependencies
from corpusmend.passes.context import DocumentContext
from corpusmend.passes.line_stats import LineStats, LineStatsBuilder
from corpusmend.passes.lines import counted_lines

KEYS_IN_MEMORY = 200_000  # documents whose line keys are held before spilling to disk

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

    @property
    def passes(self) -> list[str]:
        names = []
        if self.siblings is not None:
            names.append("siblings")
        if self.line_stats is not None:
            names.append("line-stats")
        return names


class _LineKeys:
    """Each document's (group key, source, line keys), in input order, spilled when large."""

    def __init__(self) -> None:
        self._rows: list[tuple[str, str | None, tuple[str, ...]]] = []
        self._spill: IO[bytes] | None = None

    def add(self, key: str, source: str | None, text: str) -> None:
        self._rows.append((key, source, tuple(line.key for line in counted_lines(text))))
        if len(self._rows) >= KEYS_IN_MEMORY:
            if self._spill is None:
                self._spill = tempfile.TemporaryFile(prefix="corpusmend-linekeys-")  # noqa: SIM115 (closed after reading back)
            pickle.dump(self._rows, self._spill, protocol=pickle.HIGHEST_PROTOCOL)
            self._rows = []

    def __iter__(self) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
        if self._spill is not None:
            self._spill.seek(0)
            while True:
                try:
                    yield from pickle.load(self._spill)
                except EOFError:
                    break
            self._spill.close()
            self._spill = None
        yield from self._rows


def build_view(
    needed: Iterable[str],
    documents: Iterable[Document],
    new_index: Callable[[], Any],
    source_of: SourceOf,
) -> CorpusView:
    """Build the passes in `needed` (and what they need) over `documents`, read once.

    `new_index()` makes the (empty or loaded) sibling index to add the documents to."""
    from corpusmend.siblings.index import entry_key  # numpy, datasketch: only when needed

    names = with_dependencies(set(needed))
    view = CorpusView()
    if not names:
        return view
    index = new_index()
    keys = _LineKeys() if "line-stats" in names else None
    for doc in documents:
        index.add(doc)
        if keys is not None:
            keys.add(entry_key(doc), source_of(doc), doc.text)
    view.siblings = index
    view.groups = sibling_groups(index)
    if keys is not None:
        builder = LineStatsBuilder()
        for key, source, line_keys in keys:
            builder.add_keys(line_keys, view.groups.get(key, key), source)
        view.line_stats = builder.finish()
    return view


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
