"""Measure the rules on a real corpus: inject each family's artifact into real documents, run the
same `check --fix --unsafe-fixes` the CLI runs (with siblings) with and without it, and compare.

- recall: a finding of the family's codes at the artifact's place in the corrupted document;
- repair: fix(corrupted) == fix(original), byte for byte, for the corrupted document;
- others changed: documents other than the corrupted one whose fixed text differs because the
  corrupted copy was in the corpus (should be 0);
- sibling families inject into one copy of a reference group (reference_groups.py) and leave the
  other copies as they are; on a corpus without groups they are not measured (n/a);
- held by a copy: for a family that moves a block, whether another copy of the story holds that
  block, so the repair is measured apart where no sibling can show the block's place.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from corpusmend.document import Document
from corpusmend.evaluation.corpus_runs import CorpusRun, ReplacedRun
from corpusmend.evaluation.corruptions import Corruption
from corpusmend.evaluation.evaluate import score_of
from corpusmend.evaluation.families import Family
from corpusmend.evaluation.metrics import FamilyScore, detected
from corpusmend.evaluation.reference_groups import ReferenceGroups, word_shingles
from corpusmend.findings import Finding

NO_GROUPS = "no sibling groups in this corpus"
HELD_SHARE = 0.8  # of a moved block's 5-word shingles another copy has, to count as holding it


@dataclass(frozen=True)
class Injection:
    """One artifact in one document, and what the runs made of it."""

    family: str
    shape: str
    position: int  # of the corrupted document in the corpus
    corruption: Corruption
    found: bool
    repaired: bool
    fixed_original: str
    fixed_corrupted: str
    others_changed: dict[int, str]  # position -> fixed text with the corrupted copy present
    siblings: tuple[str, ...]  # ids of the siblings the index gave the corrupted copy
    held: bool | None = None  # another copy holds the moved block (None: nothing moved / asked)


@dataclass
class RealFamilyScore:
    score: FamilyScore
    needs_siblings: bool
    injections: list[Injection] = field(default_factory=list)

    @property
    def others_changed(self) -> int:
        return sum(len(i.others_changed) for i in self.injections)

    def held_split(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """(injected, repaired) where another copy holds the moved block, and where none does;
        None when the family moves nothing or was not asked."""
        asked = [i for i in self.injections if i.held is not None]
        if not asked:
            return None
        held = [i for i in asked if i.held]
        rest = [i for i in asked if not i.held]
        return (
            (len(held), sum(i.repaired for i in held)),
            (len(rest), sum(i.repaired for i in rest)),
        )


@dataclass
class RealEvalResult:
    documents: Sequence[Document]
    run: CorpusRun
    groups: ReferenceGroups
    seed: int
    families: list[RealFamilyScore]
    errors_by_code: Counter = field(default_factory=Counter)

    def error_findings(self) -> list[tuple[Document, Finding]]:
        """Error-level findings on the untouched corpus, in corpus order."""
        return [
            (doc, f)
            for doc, outcome in zip(self.documents, self.run.outcomes, strict=True)
            for f in outcome.findings
            if f.severity == "error"
        ]


def sibling_candidates(
    groups: ReferenceGroups, family: Family, seed: int
) -> list[list[tuple[int, random.Random]]]:
    """Each reference group's members in a seeded order, each with its own rng."""
    out = []
    for members in groups.groups:
        order = list(members)
        random.Random(f"{seed}:{family.name}:{groups.ids[members[0]]}").shuffle(order)
        out.append([(p, random.Random(f"{seed}:{p}:{family.name}")) for p in order])
    return out


def inject(
    run: CorpusRun,
    family: Family,
    candidates: Sequence[Sequence[tuple[int, random.Random]]],
    wanted: int,
    score: RealFamilyScore,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Corrupt up to `wanted` documents of each candidate list (the first that offer a place),
    one at a time, and score each."""
    for candidate_list in candidates:
        made = 0
        for position, rng in candidate_list:
            if made >= wanted:
                break
            doc = run.documents[position]
            c = family.corrupt(doc.text, rng)
            if c is None:
                continue
            made += 1
            score.injections.append(_measure(run, family, score.score, position, c))
            if progress is not None:
                progress(family.name)


def _measure(
    run: CorpusRun, family: Family, score: FamilyScore, position: int, c: Corruption
) -> Injection:
    replaced: ReplacedRun = run.replaced(position, c.text)
    found = detected(replaced.target.findings, c.span, family.codes)
    original = run.outcomes[position].fixed
    repaired = family.repairable and replaced.target.fixed == original
    score.add(c.shape, found, repaired, None if found else _example(c))
    return Injection(
        family=family.name,
        shape=c.shape,
        position=position,
        corruption=c,
        found=found,
        repaired=repaired,
        fixed_original=original,
        fixed_corrupted=replaced.target.fixed,
        others_changed=replaced.others_changed,
        siblings=tuple(d.id for d in replaced.siblings),
    )


def _example(c: Corruption) -> str:
    start, end = c.span
    mid = c.text[start:end]
    if len(mid) > 70:
        mid = mid[:40] + "…" + mid[-25:]
    return (c.text[max(0, start - 25) : start] + "[" + mid + "]" + c.text[end : end + 20]).replace(
        "\n", "⏎"
    )


def held_by_copy(
    documents: Sequence[Document], members: Sequence[int], position: int, block: str
) -> bool:
    """Whether a document of `members` other than `position` has at least HELD_SHARE of the
    block's 5-word shingles (case-folded words, as the reference groups count them)."""
    wanted = word_shingles(block)
    if not wanted:
        return False
    need = HELD_SHARE * len(wanted)
    return any(
        len(wanted & word_shingles(documents[m].text)) >= need for m in members if m != position
    )


def _ask_held(
    groups: ReferenceGroups, documents: Sequence[Document], score: RealFamilyScore
) -> None:
    group_of = groups.group_of()
    for n, i in enumerate(score.injections):
        if i.corruption.moved and i.position in group_of:
            members = groups.groups[group_of[i.position]]
            held = held_by_copy(documents, members, i.position, i.corruption.moved)
            score.injections[n] = dataclasses.replace(i, held=held)


def evaluate_real(
    run: CorpusRun,
    groups: ReferenceGroups,
    families: Sequence[Family],
    seed: int = 0,
    per_group: int = 1,
    max_per_family: int = 100,
    progress: Callable[[str], None] | None = None,
) -> RealEvalResult:
    result = RealEvalResult(run.documents, run, groups, seed, [])
    for _doc, outcome in zip(run.documents, run.outcomes, strict=True):
        for f in outcome.findings:
            if f.severity == "error":
                result.errors_by_code[f.code] += 1
    for family in families:
        score = RealFamilyScore(score_of(family), needs_siblings=family.siblings)
        result.families.append(score)
        score.score.false_findings = sum(
            f.code.startswith(family.codes) for o in run.outcomes for f in o.findings
        )
        if family.siblings:
            if not groups.groups or run.index is None:
                score.score.skipped = NO_GROUPS
                continue
            candidates = sibling_candidates(groups, family, seed)
            inject(run, family, candidates, per_group, score, progress)
            _ask_held(groups, run.documents, score)
        else:
            order = list(range(len(run.documents)))
            random.Random(f"{seed}:{family.name}").shuffle(order)
            candidates = [[(p, random.Random(f"{seed}:{p}:{family.name}")) for p in order]]
            inject(run, family, candidates, max_per_family, score, progress)
    return result
