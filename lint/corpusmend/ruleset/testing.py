"""Run the `tests:` cases embedded in rules. Used by `corpusmend test-rules` and the test suite."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import INTERNAL_CODE, Finding
from corpusmend.linter import Linter
from corpusmend.ruleset.rule import Rule, RuleCase


@dataclass
class RuleReport:
    rule: Rule
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _expectation_met(want: dict[str, Any], f: Finding, text: str) -> bool:
    if want["code"] != f.code:
        return False
    checks = {
        "match": text[f.start : f.end],
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
    }
    return all(want[k] == v for k, v in checks.items() if k in want)


def _context(linter: Linter, doc: Document, case: RuleCase) -> Sequence[Document] | Any:
    """The case's siblings; or, for a rule that reads corpus passes, what the passes built over
    the case, its siblings and its corpus documents say about the case (as a check run does)."""
    siblings = [Document(s, id=f"sibling-{i}") for i, s in enumerate(case.siblings)]
    if not linter.passes or linter.passes == ["siblings"]:
        return siblings
    from corpusmend.passes.build import build_view
    from corpusmend.siblings.index import SiblingIndex

    others = [Document(t, id=f"corpus-{i}") for i, t in enumerate(case.corpus)]
    view = build_view(linter.passes, [doc, *siblings, *others], SiblingIndex)
    return view.context(doc)


def case_failures(
    linter: Linter, rule: Rule, case: RuleCase, ungated: Linter | None = None
) -> list[str]:
    doc = Document(case.text, id="case")
    siblings = _context(linter, doc, case)
    found = linter.check_document(doc, siblings)
    errors = [f.message for f in found if f.code == INTERNAL_CODE]
    if errors:
        return errors
    problems = []
    if ungated is not None:
        everywhere = ungated.check_document(Document(case.text, id="case"), siblings)
        problems += [
            f"the rule's gate hides {f.code} {case.text[f.start : f.end]!r}: a gate must match "
            "wherever the rule can fire"
            for f in everywhere
            if f not in found
        ]
    if case.expect is None:
        problems += [f"expected no finding, got {f.code} at {f.start}-{f.end}" for f in found]
    else:
        left = list(found)
        for want in case.expect:
            hit = next((f for f in left if _expectation_met(want, f, case.text)), None)
            if hit is None:
                got = ", ".join(f"{f.code} {case.text[f.start : f.end]!r}" for f in found) or "none"
                problems.append(f"expected {want}, got {got}")
            else:
                left.remove(hit)
        problems += [f"unexpected {f.code} {case.text[f.start : f.end]!r}" for f in left]
    if case.fixed is not None:
        result = linter.fix_document(doc, siblings, unsafe=case.unsafe or _unsafe(rule))
        if result.text != case.fixed:
            problems.append(f"fixed text is {result.text!r}, expected {case.fixed!r}")
        again = linter.fix_document(doc.with_text(result.text), siblings, unsafe=True)
        if again.text != result.text:
            problems.append("fixing is not idempotent: a second fix changed the text")
    return problems


def _unsafe(rule: Rule) -> bool:
    return rule.fix is not None and rule.fix.applicability == "unsafe"


def run_rule_tests(rules: Iterable[Rule], all_rules: list[Rule]) -> list[RuleReport]:
    """Run each rule's cases with only that rule selected."""
    reports = []
    for rule in rules:
        linter = Linter.from_rules([rule], all_rules)
        ungated = Linter.from_rules([rule], all_rules)
        ungated.gated = False  # the same cases without the gate must find the same
        report = RuleReport(rule)
        if not any(c.expect for c in rule.tests):
            report.failures.append("needs at least one case that must fire")
        if not any(c.expect is None for c in rule.tests):
            report.failures.append("needs at least one case that must not fire (expect: none)")
        for i, case in enumerate(rule.tests, 1):
            label = case.name or f"case {i}"
            problems = case_failures(linter, rule, case, ungated)
            if problems:
                report.failures += [f"{label} (line {case.line}): {p}" for p in problems]
            else:
                report.passed += 1
        reports.append(report)
    return reports
