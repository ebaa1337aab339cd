"""Run the rules on clean documents and on corrupted copies of them, and score each family."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpusmend.document import Document
from corpusmend.evaluation.corruptions import Corruption
from corpusmend.evaluation.families import FAMILIES, Family
from corpusmend.evaluation.metrics import FamilyScore, detected
from corpusmend.linter import Linter

RECALL_TARGET = 0.95
ERROR_TARGET_PER_1000 = 1.0


@dataclass
class EvalResult:
    seed: int
    untouched: int  # clean documents checked
    families: list[FamilyScore]
    false_by_code: Counter = field(default_factory=Counter)  # findings on clean documents
    false_errors_by_code: Counter = field(default_factory=Counter)  # error level only
    crashes: int = 0  # ERR001 findings anywhere

    @property
    def false_errors(self) -> int:
        return sum(self.false_errors_by_code.values())


def has_sibling_rules(linter: Linter) -> bool:
    return any(getattr(r.kind, "uses_siblings", False) for r in linter.rules)


def _example(c: Corruption) -> str:
    start, end = c.span
    left = c.text[max(0, start - 25) : start]
    mid = c.text[start:end]
    if len(mid) > 70:
        mid = mid[:40] + "…" + mid[-25:]
    right = c.text[end : end + 20]
    return (left + "[" + mid + "]" + right).replace("\n", "⏎")


def score_of(family: Family) -> FamilyScore:
    return FamilyScore(
        family=family.name,
        codes=family.codes,
        repairable=family.repairable,
        unsafe=family.unsafe,
        recall_target=RECALL_TARGET,
        repair_target=family.repair_target,
    )


def evaluate(
    linter: Linter,
    clean: Sequence[Document],
    seed: int = 0,
    families: Sequence[Family] = FAMILIES,
) -> EvalResult:
    scores = [score_of(f) for f in families]
    result = EvalResult(seed=seed, untouched=len(clean), families=scores)
    for doc in clean:
        for f in linter.check(doc):
            result.false_by_code[f.code] += 1
            if f.severity == "error":
                result.false_errors_by_code[f.code] += 1
            result.crashes += f.code == "ERR001"
    for family, score in zip(families, scores, strict=True):
        score.false_findings = sum(
            n for code, n in result.false_by_code.items() if code.startswith(family.codes)
        )
    siblings_on = has_sibling_rules(linter)
    for family, score in zip(families, scores, strict=True):
        if family.siblings and not siblings_on:
            score.skipped = "no sibling rule is registered"
            continue
        for index, doc in enumerate(clean):
            rng = random.Random(f"{seed}:{index}:{family.name}")
            c = family.corrupt(doc.text, rng)
            if c is None:
                continue
            corrupted = doc.with_text(c.text)
            siblings = [Document(s, id=f"{doc.id}#sibling{i}") for i, s in enumerate(c.siblings)]
            findings = linter.check(corrupted, siblings=siblings)
            result.crashes += sum(f.code == "ERR001" for f in findings)
            found = detected(findings, c.span, family.codes)
            repaired = False
            if family.repairable:
                fixed = linter.fix(corrupted, siblings=siblings, unsafe=family.unsafe)
                repaired = fixed.text == doc.text
            score.add(c.shape, found, repaired, None if found else _example(c))
    return result
