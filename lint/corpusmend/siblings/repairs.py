"""What the SIB rules share: the document aligned against each sibling, votes, and Repair.

The rules live beside it (:mod:`.moves` SIB001, :mod:`.edges` SIB002, :mod:`.coverage` SIB003,
:mod:`.insertions` SIB004). Each aligns the document against every sibling (through the
document context's AlignmentStore, so the four rules share each alignment), decides by the
siblings, and returns :class:`Repair` s: a span of the document, the values for the rule's
message, the edits of the fix (or None) and where the fix came from (sibling id, path and
similarity).

Deciding: with three or more versions that cover a piece of text, the majority decides (the
document itself counts as one version, voting for what it has). With only two versions, a
moved block is moved when the sibling's order keeps more sentences whole than the document's.

The vote under the cap: a document's siblings are its `max_siblings` (8) most similar verified
copies (shingle similarity, then shared shingles, then key), so at most 9 versions vote, however
large the group (a story in 1,000 copies votes among the document and its 8 nearest). A copy
votes on a piece of text only where its alignment covers it (one that lacks the text abstains),
and a copy with the document's very text is no other version: it neither votes nor repairs,
though it still takes one of the 8 places (siblings are capped before the copies are compared).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.readers.base import document_label
from corpusmend.siblings.alignment import UNMATCHED, Alignment
from corpusmend.siblings.alignments import AlignmentStore


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    values: dict[str, Any]
    edits: tuple[Edit, ...] | None
    provenance: dict[str, Any]
    fix_message: str | None = None


# A copy that has this share of the shorter text's words is a whole sibling: its gaps and edges
# say something. Below it (a reworded copy with a new lead and other captions, a compilation
# that quotes a passage, or an article of the same site sharing only its furniture) a copy is
# evidence only for a block it has whole, with the sentence around the block's place whole too.
WHOLE_COPY = 0.65


@dataclass(frozen=True)
class Pair:
    sibling: Document
    al: Alignment

    @property
    def strength(self) -> float:
        """The share of the shorter text's words the alignment found in the other."""
        return self.al.matched / max(1, min(len(self.al.a), len(self.al.b)))

    @property
    def whole_copy(self) -> bool:
        return self.strength >= WHOLE_COPY

    @property
    def label(self) -> str:
        return document_label(self.sibling)  # a record is named file[id], as in the output

    def provenance(self, **extra: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"sibling": self.sibling.id}
        if self.sibling.path is not None:
            out["path"] = self.sibling.path
        out["similarity"] = round(self.al.coverage, 3)
        out.update(extra)
        return out


@dataclass
class Votes:
    change: int = 0
    keep: int = 1  # the document itself
    siblings: list[str] = field(default_factory=list)

    def decided(self) -> bool | None:
        """True/False when three or more versions cover the text, None with only two."""
        if self.change + self.keep < 3:
            return None
        return self.change > self.keep


def whole_copies(found: list[Pair]) -> list[Pair]:
    """The pairs whose sibling is a whole copy of the story (see WHOLE_COPY)."""
    return [p for p in found if p.whole_copy]


# A copy that has this share of both texts' words is the same page scraped again: it has the
# same furniture, and is no other version to tell furniture from the story by.
SAME_PAGE = 0.98


def other_versions(found: list[Pair]) -> list[Pair]:
    """Whole copies that are not the same page scraped again (see SAME_PAGE)."""
    return [
        p for p in whole_copies(found) if p.al.matched < SAME_PAGE * max(len(p.al.a), len(p.al.b))
    ]


def pairs(doc: Document, siblings: Sequence[Document], store: AlignmentStore) -> list[Pair]:
    """Alignments of the document against each sibling that shares any text with it, best
    first (most of the document found in it, then by id); `store` aligns each pair once and
    keeps the list for the other rules."""
    key = (doc.text, tuple((s.path, s.id, s.text) for s in siblings))
    found = store.pairs.get(key)
    if found is not None:
        return list(found)
    out = []
    for sib in siblings:
        if sib.text == doc.text:
            continue
        al = store.align(doc.text, sib.text)
        if al.matched:
            out.append(Pair(sib, al))
    out.sort(key=lambda p: (-p.al.coverage, p.sibling.id))
    store.pairs[key] = tuple(out)
    return out


def share(al: Alignment, start: int, end: int, backbone_only: bool) -> float:
    if end <= start:
        return 0.0
    if backbone_only:
        hits = sum(1 for i in range(start, end) if al.in_backbone(i))
    else:
        hits = sum(1 for i in range(start, end) if al.a_to_b[i] != UNMATCHED)
    return hits / (end - start)


def follows(al: Alignment, left: int, right: int) -> bool:
    """Whether the sibling has document word `right` just after word `left` (at most a couple
    of unmatched sibling words between them)."""
    jl, jr = al.a_to_b[left], al.a_to_b[right]
    if jl == UNMATCHED or jr == UNMATCHED or not 0 < jr - jl <= 3:
        return False
    return all(al.b_to_a[j] == UNMATCHED for j in range(jl + 1, jr))
