"""Per-rule severity and applicability overrides (from the config), applied after loading."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpusmend.errors import SelectorError
from corpusmend.ruleset.rule import Rule
from corpusmend.ruleset.schema import CODE_FAMILIES
from corpusmend.ruleset.selection import matches


@dataclass(frozen=True)
class RuleOverride:
    severity: str | None = None
    applicability: str | None = None


def apply_overrides(rules: Sequence[Rule], overrides: Mapping[str, RuleOverride]) -> list[Rule]:
    """Rules with their overridden severity and fix applicability; later selectors win.

    A selector is a code, a code prefix or a name, as in select; one that matches no rule, or an
    applicability override on a rule without a fix, is an error.
    """
    out = list(rules)
    for selector, override in overrides.items():
        hits = [i for i, rule in enumerate(out) if matches(rule, selector)]
        if not hits and selector.upper() not in CODE_FAMILIES:
            raise SelectorError("overrides", selector, "matches no rule code, prefix or name")
        for i in hits:
            rule = out[i]
            changes: dict[str, object] = {}
            if override.severity is not None:
                changes["severity"] = override.severity
            if override.applicability is not None:
                if rule.fix is None:
                    if len(hits) == 1:
                        raise SelectorError(
                            "overrides",
                            selector,
                            f"{rule.code} has no fix to make {override.applicability}",
                        )
                    continue
                changes["fix"] = dataclasses.replace(rule.fix, applicability=override.applicability)
            if changes:
                out[i] = dataclasses.replace(rule, **changes)
    return out
