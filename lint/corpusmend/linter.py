"""The engine: run selected rules on a document and turn their hits into findings."""

from __future__ import annotations

import dataclasses
import functools
import string
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from corpusmend.config import PerFileIgnores
from corpusmend.document import Document
from corpusmend.errors import describe_exception
from corpusmend.findings import INTERNAL_CODE, Applicability, Finding, Fix, FixResult
from corpusmend.fixes import fix_text
from corpusmend.gating import GatePlan
from corpusmend.kinds.base import Hit
from corpusmend.passes import with_dependencies
from corpusmend.passes.context import DocumentContext, as_context
from corpusmend.ruleset.loader import load_rules
from corpusmend.ruleset.overrides import RuleOverride, apply_overrides
from corpusmend.ruleset.rule import Rule
from corpusmend.ruleset.selection import matches, select_rules
from corpusmend.segmentation import Abbreviations

# from most to least permissive: a fix may be applied automatically, with --unsafe-fixes, or
# only shown
_APPLICABILITY_ORDER: tuple[Applicability, ...] = ("safe", "unsafe", "display")


class _Template(string.Formatter):
    """str.format that leaves unknown fields as they are instead of raising."""

    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        return "{" + str(key) + "}"


_TEMPLATE = _Template()


def render(template: str, values: dict[str, Any]) -> str:
    parts = _plain_fields(template)
    if parts is not None:  # "... '{name}' ...": what vformat gives, without its machinery
        shown, out = _Shown(values), []
        for literal, name in parts:
            out.append(literal)
            if name is not None:  # an unknown field stays as it is
                out.append(format(shown[name], "") if name in shown else "{" + name + "}")
        return "".join(out)
    try:
        return _TEMPLATE.vformat(template, (), _Shown(values))
    except (ValueError, IndexError, AttributeError):
        return template


@functools.lru_cache(maxsize=1024)
def _plain_fields(template: str) -> tuple[tuple[str, str | None], ...] | None:
    """The template as (literal text, field name) pairs when every field is a bare name (no
    format spec, conversion, index or attribute), else None."""
    try:
        parsed = list(_TEMPLATE.parse(template))
    except ValueError:
        return None
    out = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (not name.isidentifier() or spec or conversion):
            return None
        out.append((literal, name))
    return tuple(out)


class _Shown(dict):
    """Message values: long captures are shortened and newlines shown as ⏎."""

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        if isinstance(value, str):
            value = value.replace("\n", "⏎")
            if len(value) > 60:
                value = value[:28] + "…" + value[-28:]
        return value


def moved_metadata(
    applied: Iterable[Finding],
    existing: Mapping[str, Any],
    fields: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The values applied fixes move into metadata (HDR001's date, HDR002's title and author),
    under `fields`' names for them (default: their own); a value the metadata already has (not
    None or "") is kept, and the first fix to give a field wins."""
    moved: dict[str, Any] = {}
    for f in applied:
        for key, value in (f.fix.metadata or {}).items() if f.fix else ():
            name = (fields or {}).get(key, key)
            if existing.get(name) in (None, "") and name not in moved:
                moved[name] = value
    return moved


def least_permissive(rule_level: Applicability, hit_level: Applicability | None) -> Applicability:
    """The stricter of the rule's applicability and the one a hit asks for: a hit may lower its
    rule's (safe -> unsafe -> display), never raise it."""
    if hit_level is None:
        return rule_level
    return max(rule_level, hit_level, key=_APPLICABILITY_ORDER.index)


def to_finding(rule: Rule, doc: Document, hit: Hit) -> Finding:
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    values = dict(hit.values)
    fix = None
    if rule.fix is not None and hit.edits is not None:
        fix = Fix(
            applicability=least_permissive(rule.fix.applicability, hit.applicability),
            message=render(hit.fix_message or rule.fix.message, values),
            edits=tuple(hit.edits),
            provenance=dict(hit.provenance) if hit.provenance else None,
            metadata=dict(hit.metadata) if hit.metadata else None,
        )
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=render(rule.message, values),
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        data=_finding_data(values, hit.provenance if fix is None else None),
    )


def _finding_data(values: dict[str, Any], provenance: Any) -> dict[str, Any]:
    """The hit's message values (the match aside) and the provenance no fix carries: a SIB
    finding without a fix still names the sibling its evidence came from."""
    data = {k: v for k, v in values.items() if k != "match"}
    if provenance:
        data["provenance"] = dict(provenance)
    return data


def internal_error(rule: Rule, doc: Document, exc: BaseException) -> Finding:
    return Finding(
        code=INTERNAL_CODE,
        name="internal-error",
        severity="error",
        message=f"rule {rule.code} ({rule.name}) failed: {describe_exception(exc)}",
        start=0,
        end=0,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        data={"rule": rule.code, "exception": type(exc).__name__},
    )


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start <= b.end and b.start <= a.end


def _covers(a: Finding, b: Finding) -> bool:
    """Whether finding a spans at least half of finding b's text."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared * 2 >= b.end - b.start


def as_document(text: str | Document) -> Document:
    return text if isinstance(text, Document) else Document(text)


def _rules_by_key(rules: Sequence[Rule]) -> dict[str, Rule]:
    return {key: r for r in rules for key in (r.code, r.name)}


def _abbreviations(rules: Sequence[Rule]) -> Abbreviations:
    """The sentence-splitting tables of the packs the rules came from (every kind holds the same
    merged pack data); the built-in ones without rules."""
    return Abbreviations.from_data(rules[0].kind.data if rules else {})


class Linter:
    """Loads and compiles rules once; check and fix any number of texts, from any thread.

    `rules` adds user rule packs (files or directories) to the built-in ones. With
    `move_metadata`, a fix that removes a metadata field glued to the text (HDR001's date,
    HDR002's title and author) moves its value into `FixResult.metadata` instead; values
    already there (other than None or "") are kept.
    """

    move_metadata: bool = False
    per_file_ignores: PerFileIgnores | None = None
    # run a rule only where its gate matched (see corpusmend.gating); off: every rule runs
    gated: bool = True

    def __init__(
        self,
        rules: Iterable[str | Path] | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        builtin: bool = True,
        move_metadata: bool = False,
        overrides: Mapping[str, RuleOverride] | None = None,
        per_file_ignores: PerFileIgnores | None = None,
        gated: bool = True,
    ) -> None:
        self.move_metadata = move_metadata
        self.gated = gated
        self.all_rules = apply_overrides(load_rules(rules or (), builtin=builtin), overrides or {})
        self.rules = select_rules(self.all_rules, select, ignore, extend_select)
        self.per_file_ignores = per_file_ignores  # config: rules not run on some paths
        self._by_key = _rules_by_key(self.all_rules)
        self.abbreviations = _abbreviations(self.all_rules)
        self.gates = GatePlan(self.rules)

    @classmethod
    def from_rules(cls, rules: Sequence[Rule], all_rules: Sequence[Rule] | None = None) -> Linter:
        """A linter over already-loaded rules (no selection applied)."""
        linter = cls.__new__(cls)
        linter.all_rules = list(all_rules if all_rules is not None else rules)
        linter.rules = list(rules)
        linter._by_key = _rules_by_key(linter.all_rules)
        linter.abbreviations = _abbreviations(linter.all_rules)
        linter.gates = GatePlan(linter.rules)
        return linter

    def __getstate__(self) -> dict[str, Any]:
        # the gate plan knows its rules by identity, which a pickled copy (a worker's linter)
        # does not keep: the copy compiles its own plan over its own rules
        state = self.__dict__.copy()
        state.pop("gates", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.gates = GatePlan(self.rules)

    def rule(self, code_or_name: str) -> Rule | None:
        """A loaded rule by code or name (looked up for every finding: a dict, not a scan)."""
        return self._by_key.get(code_or_name)

    def rules_for(self, doc: Document) -> list[Rule]:
        """The selected rules minus those the config's per-file-ignores turn off for doc.path."""
        skip = self.per_file_ignores.selectors_for(doc.path) if self.per_file_ignores else ()
        if not skip:
            return self.rules
        return [r for r in self.rules if not any(matches(r, s) for s in skip)]

    def runnable(self, doc: Document) -> list[Rule]:
        """The rules of :meth:`rules_for` whose gate matched in the text (all of them when
        :attr:`gated` is off): the others cannot fire, so they do not run."""
        rules = self.rules_for(doc)
        return self.gates.runnable(rules, doc) if self.gated else rules

    @property
    def passes(self) -> list[str]:
        """The corpus passes the selected rules need (with the passes those need), in build
        order; [] when no selected rule reads the corpus."""
        return with_dependencies({p for r in self.rules for p in r.kind.passes})

    def check_document(
        self, doc: Document, context: Sequence[Document] | DocumentContext = ()
    ) -> list[Finding]:
        """The findings in `doc`. `context` is what the corpus passes know of it (or just its
        siblings); a rule whose pass has nothing for this document does not run."""
        ctx = as_context(context)
        doc = doc.with_abbreviations(self.abbreviations)
        findings: list[Finding] = []
        for rule in self.runnable(doc):
            if not ctx.has(rule.kind.passes):
                continue
            try:
                findings.extend(to_finding(rule, doc, h) for h in rule.kind.check(doc, ctx))
            except Exception as exc:  # a broken rule must not stop the others
                findings.append(internal_error(rule, doc, exc))
        findings.sort(key=Finding.sort_key)
        return self._drop_superseded_fixes(self._drop_deferred(findings))

    def _drop_deferred(self, findings: list[Finding]) -> list[Finding]:
        """Drop a finding whose rule `defers_to` a code (or family) that another finding on
        mostly the same text has (e.g. SIB002 only corroborates HDR001)."""
        out = []
        for f in findings:
            rule = self.rule(f.code)
            prefixes = rule.defers_to if rule is not None else ()
            if prefixes and any(
                g is not f and g.code.startswith(prefixes) and _covers(g, f) for g in findings
            ):
                continue
            out.append(f)
        return out

    def _drop_superseded_fixes(self, findings: list[Finding]) -> list[Finding]:
        """A finding whose code a fixable overlapping finding's rule `supersedes` keeps being
        reported, without its fix (e.g. SIB001's move replaces SPL001's single-document fix)."""
        winners = [
            (f, set(rule.supersedes))
            for f in findings
            if f.fix is not None and (rule := self.rule(f.code)) is not None and rule.supersedes
        ]
        if not winners:
            return findings
        return [
            dataclasses.replace(f, fix=None)
            if f.fix is not None
            and any(f.code in codes and _overlaps(f, w) for w, codes in winners)
            else f
            for f in findings
        ]

    def check(self, text: str | Document, siblings: Sequence[str | Document] = ()) -> list[Finding]:
        return self.check_document(as_document(text), [as_document(s) for s in siblings])

    def fix_document(
        self,
        doc: Document,
        context: Sequence[Document] | DocumentContext = (),
        unsafe: bool = False,
        move_metadata: bool | None = None,
    ) -> FixResult:
        ctx = as_context(context)
        result = fix_text(
            doc.text, lambda t: self.check_document(doc.with_text(t), ctx), unsafe=unsafe
        )
        metadata = dict(doc.metadata)
        if self.move_metadata if move_metadata is None else move_metadata:
            metadata.update(moved_metadata(result.applied, doc.metadata))
        return dataclasses.replace(result, metadata=metadata)

    def fix(
        self,
        text: str | Document,
        siblings: Sequence[str | Document] = (),
        unsafe: bool = False,
        move_metadata: bool | None = None,
    ) -> FixResult:
        return self.fix_document(
            as_document(text), [as_document(s) for s in siblings], unsafe, move_metadata
        )
