"""Check the measure's shortcut against the plain way: for some injections, a full `check --fix
--unsafe-fixes` over the whole corrupted corpus on disk must give, document for document, what
CorpusRun.replaced computed (the corrupted document's fix, and every other document's)."""

from __future__ import annotations

from dataclasses import dataclass

from corpusmend.evaluation.full_runs import full_run
from corpusmend.evaluation.real_evaluate import Injection, RealEvalResult
from corpusmend.linter import Linter
from corpusmend.passes.corpus import CorpusInputs


@dataclass(frozen=True)
class Disagreement:
    injection: Injection
    position: int  # the document whose fixed text differs


def disagreements(
    result: RealEvalResult,
    injection: Injection,
    linter: Linter,
    inputs: CorpusInputs | None,
) -> list[Disagreement]:
    """The documents a full run over the corpus with `injection` (siblings from `inputs`; None:
    none) fixes otherwise than the measure's re-run of the affected ones."""
    docs = list(result.documents)
    docs[injection.position] = docs[injection.position].with_text(injection.corruption.text)
    full = full_run(linter, docs, inputs)
    out = []
    for p, text in enumerate(full):
        if p == injection.position:
            expected = injection.fixed_corrupted
        else:
            expected = injection.others_changed.get(p, result.run.outcomes[p].fixed)
        if text != expected:
            out.append(Disagreement(injection, p))
    return out


def verify_injections(
    result: RealEvalResult,
    linter: Linter,
    inputs: CorpusInputs | None,
    per_family: int,
) -> str:
    checked = 0
    found: list[Disagreement] = []
    for family in result.families:
        for injection in family.injections[:per_family]:
            checked += 1
            found += disagreements(result, injection, linter, inputs)
    n = len(result.documents)
    lines = [
        f"verified against full runs: {checked} injections x {n} documents,"
        f" {len(found)} disagreements"
    ]
    for d in found:
        lines.append(
            f"  {d.injection.family}: corrupted {result.documents[d.injection.position].id},"
            f" {result.documents[d.position].id} differs"
        )
    return "\n".join(lines) + "\n"
