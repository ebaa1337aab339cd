"""The built-in rule packs are data: test them like data (schema, uniqueness, their own cases)."""

from __future__ import annotations

import pytest

from corpusmend.kinds import KINDS
from corpusmend.ruleset.loader import load_rules
from corpusmend.ruleset.testing import run_rule_tests

RULES = load_rules()


def test_codes_and_names_unique_and_kinds_known() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.kind_name in KINDS for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_cases(rule) -> None:
    (report,) = run_rule_tests([rule], RULES)
    assert report.ok, "\n".join(report.failures)


def test_every_kind_module_is_registered() -> None:
    import importlib
    import inspect
    import pkgutil

    import corpusmend.kinds
    from corpusmend.kinds.base import CheckKind

    for info in pkgutil.iter_modules(corpusmend.kinds.__path__):
        module = importlib.import_module(f"corpusmend.kinds.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, CheckKind)
                and cls is not CheckKind
                and cls.__module__ == module.__name__
            ):
                assert KINDS.get(cls.name) is cls, (
                    f"{cls.__name__} in {info.name} is not registered"
                )


def test_a_kind_registers_under_its_name_and_aliases_once() -> None:
    from corpusmend.kinds.base import CheckKind
    from corpusmend.kinds.registry import ALIASES, get_kind, register_kind

    class _Invented(CheckKind):
        name = "invented-kind-for-test"

    try:
        register_kind(aliases=("invented-old-name",))(_Invented)
        assert get_kind("invented-old-name") is _Invented
        assert ALIASES["invented-old-name"] == "invented-kind-for-test"

        class _Clash(CheckKind):
            name = "invented-kind-for-test"

        with pytest.raises(ValueError, match="registered twice"):
            register_kind(_Clash)
    finally:
        KINDS.pop("invented-kind-for-test", None)
        KINDS.pop("invented-old-name", None)
        ALIASES.pop("invented-old-name", None)
    with pytest.raises(KeyError, match="unknown kind"):
        get_kind("invented-old-name")
