"""What a check kind sees of the corpus for one document: the views of the passes it declared."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpusmend.document import Document
from corpusmend.passes.line_stats import LineStats
from corpusmend.siblings.alignments import AlignmentStore


@dataclass(frozen=True)
class DocumentContext:
    """The corpus as one document sees it. A field is empty when its pass did not run (no rule
    that needs it is selected, or the document was checked alone)."""

    siblings: Sequence[Document] = ()  # other versions of the document, most similar first
    line_stats: LineStats | None = None  # recurring lines across the corpus
    source: str | None = None  # the document's source (site or folder) for per-source counts
    # the document aligned against its siblings, shared by the SIB rules (and a fix's rounds)
    alignments: AlignmentStore = field(default_factory=AlignmentStore, compare=False, repr=False)

    def fingerprint(self) -> str:
        """What this document's findings can depend on beyond its own text: its siblings'
        texts, its own lines' counts and its source's size (not the rest of the corpus)."""
        h = hashlib.sha256()
        for sibling in self.siblings:
            h.update(f"{sibling.path}#{sibling.id}\0".encode("utf-8", "surrogateescape"))
            h.update(sibling.text.encode("utf-8", "surrogateescape") + b"\0")
        if self.line_stats is not None:
            counts = self.line_stats.to_json()
            counts.pop("documents", None)
            h.update(json.dumps(counts, sort_keys=True).encode())
        h.update(str(self.source).encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def has(self, passes: Sequence[str]) -> bool:
        """Whether every pass in `passes` has something for this document."""
        for name in passes:
            if name == "siblings" and not self.siblings:
                return False
            if name == "line-stats" and self.line_stats is None:
                return False
        return True


NO_CONTEXT = DocumentContext()


def as_context(value: Sequence[Document] | DocumentContext) -> DocumentContext:
    """A context from a context, or from a document's siblings alone."""
    if isinstance(value, DocumentContext):
        return value
    return DocumentContext(siblings=tuple(value)) if value else NO_CONTEXT
