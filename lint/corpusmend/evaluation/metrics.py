"""What the evaluation counts: recall at the right place, false findings, exact repairs.

- recall: the share of injected artifacts that a finding of the family (one of its code
  prefixes) overlaps; a zero-width finding counts when it lies inside or at an end of the span.
- false findings per 1,000 untouched documents: findings of the family's codes on the clean
  documents, which have no artifact.
- exact repair: the share of corrupted documents that fixing turns back into the clean text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corpusmend.findings import Finding


def overlaps(finding: Finding, span: tuple[int, int]) -> bool:
    start, end = span
    if finding.start == finding.end or start == end:
        return start <= finding.start <= end or finding.start <= start <= finding.end
    return finding.start < end and finding.end > start


def matches(finding: Finding, codes: Sequence[str]) -> bool:
    return finding.code.startswith(tuple(codes))


def detected(findings: Iterable[Finding], span: tuple[int, int], codes: Sequence[str]) -> bool:
    """A finding of one of `codes` at the artifact's place."""
    return any(matches(f, codes) and overlaps(f, span) for f in findings)


@dataclass
class Tally:
    injected: int = 0
    found: int = 0
    repaired: int = 0
    examples: list[str] = field(default_factory=list)  # missed artifacts, for the report

    @property
    def recall(self) -> float | None:
        return self.found / self.injected if self.injected else None

    @property
    def repair_rate(self) -> float | None:
        return self.repaired / self.injected if self.injected else None


@dataclass
class FamilyScore:
    family: str
    codes: tuple[str, ...]
    repairable: bool
    unsafe: bool
    recall_target: float | None
    repair_target: float | None
    total: Tally = field(default_factory=Tally)
    shapes: dict[str, Tally] = field(default_factory=dict)
    false_findings: int = 0  # findings of the family's codes on untouched documents
    skipped: str | None = None  # why the family was not measured

    def add(self, shape: str, found: bool, repaired: bool, example: str | None = None) -> None:
        for tally in (self.total, self.shapes.setdefault(shape, Tally())):
            tally.injected += 1
            tally.found += found
            tally.repaired += repaired
            if example is not None and not found and len(tally.examples) < 2:
                tally.examples.append(example)

    def false_per_1000(self, untouched: int) -> float | None:
        return 1000 * self.false_findings / untouched if untouched else None


def per_1000(count: int, documents: int) -> float | None:
    return 1000 * count / documents if documents else None
