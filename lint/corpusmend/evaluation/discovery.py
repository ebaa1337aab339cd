"""How many of the reference sibling pairs the sibling index under test finds."""

from __future__ import annotations

from dataclasses import dataclass

from corpusmend.evaluation.corpus_runs import CorpusRun
from corpusmend.evaluation.reference_groups import ReferenceGroups, ReferencePair
from corpusmend.siblings.index import entry_key


@dataclass(frozen=True)
class Discovery:
    reference_pairs: int
    found: int  # reference pairs the index verifies (either document's query, no limit)
    within_limit: int  # ... that are in the sibling list `check` gives one of the two
    index_only: int  # pairs the index verifies that the reference does not have
    missed: tuple[ReferencePair, ...]

    @property
    def recall(self) -> float | None:
        return self.found / self.reference_pairs if self.reference_pairs else None

    @property
    def recall_within_limit(self) -> float | None:
        return self.within_limit / self.reference_pairs if self.reference_pairs else None


def discovery(run: CorpusRun, groups: ReferenceGroups) -> Discovery:
    index = run.index
    if index is None:
        return Discovery(len(groups.pairs), 0, 0, 0, groups.pairs)
    position = {entry_key(d): p for p, d in enumerate(run.documents)}
    verified: set[tuple[int, int]] = set()
    listed: set[tuple[int, int]] = set()
    for p, doc in enumerate(run.documents):
        for match in index.query(doc, limit=len(index), verify=len(index)):  # every candidate
            q = position.get(entry_key(match.document))
            if q is not None:
                verified.add((min(p, q), max(p, q)))
        for sibling in run.sibling_lists[p]:
            q = position.get(entry_key(sibling))
            if q is not None:
                listed.add((min(p, q), max(p, q)))
    reference = {(pair.a, pair.b) for pair in groups.pairs}
    return Discovery(
        reference_pairs=len(reference),
        found=len(reference & verified),
        within_limit=len(reference & listed),
        index_only=len(verified - reference),
        missed=tuple(pair for pair in groups.pairs if (pair.a, pair.b) not in verified),
    )
