"""Choose rules by code, code prefix or name: select, extend-select, ignore."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from corpusmend.errors import SelectorError
from corpusmend.ruleset.rule import Rule
from corpusmend.ruleset.schema import CODE_FAMILIES


def matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return s == "ALL" or rule.name == s or rule.code.startswith(s.upper())


_matches = matches


def _check_known(rules: Sequence[Rule], selectors: Iterable[str], option: str) -> None:
    for s in selectors:
        if s.upper() in CODE_FAMILIES or s == "ALL":
            continue
        if not any(_matches(r, s) for r in rules):
            raise SelectorError(option, s, "matches no rule code, prefix or name")


def select_rules(
    rules: Sequence[Rule],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
) -> list[Rule]:
    """Rules on by default (or those `select` names), plus `extend_select`, minus `ignore`.

    A rule that is off by default (`enabled: false`) runs only when named or selected by prefix.
    """
    select = list(select) if select is not None else None
    ignore, extend_select = list(ignore), list(extend_select)
    _check_known(rules, select or [], "select")
    _check_known(rules, ignore, "ignore")
    _check_known(rules, extend_select, "extend-select")
    chosen = []
    for rule in rules:
        if select is None:
            on = rule.enabled
        else:
            on = any(_matches(rule, s) for s in select if s != "ALL") or (
                "ALL" in select and rule.enabled
            )
        on = on or any(_matches(rule, s) for s in extend_select)
        if on and not any(_matches(rule, s) for s in ignore):
            chosen.append(rule)
    return chosen
