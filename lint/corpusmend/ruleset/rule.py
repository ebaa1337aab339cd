"""A loaded rule: the YAML fields plus its compiled check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpusmend.findings import Applicability, Severity
from corpusmend.kinds.base import CheckKind


@dataclass(frozen=True, slots=True)
class FixSpec:
    message: str
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class RuleCase:
    """One embedded test case of a rule."""

    text: str
    expect: tuple[dict[str, Any], ...] | None  # None means "none": must not fire
    fixed: str | None = None
    siblings: tuple[str, ...] = ()
    corpus: tuple[str, ...] = ()  # other documents of the corpus, for corpus passes
    unsafe: bool = False
    name: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind_name: str  # the kind as the pack names it (`kind:`)
    severity: Severity
    message: str
    description: str
    kind: CheckKind = field(repr=False, compare=False)  # that kind, built with the rule's params
    params: dict[str, Any] = field(default_factory=dict)
    fix: FixSpec | None = None
    tests: tuple[RuleCase, ...] = ()
    enabled: bool = True
    supersedes: tuple[str, ...] = ()
    defers_to: tuple[str, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def family(self) -> str:
        return self.code[:-3]

    @property
    def fixable(self) -> str:
        return self.fix.applicability if self.fix else "no"
