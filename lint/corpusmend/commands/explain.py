"""`corpusmend explain CODE`: what a rule finds, why it matters, and how it fixes."""

from __future__ import annotations

import argparse
import textwrap

from corpusmend.commands.common import add_rule_options, make_linter
from corpusmend.commands.explain_kind import explain_kind
from corpusmend.errors import ConfigError

NAME = "explain"
HELP = "explain one rule, or a check kind (--kind NAME)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="a rule code or name")
    parser.add_argument(
        "--kind",
        nargs="?",
        const="",
        default=None,
        metavar="NAME",
        help="explain a check kind and its params instead (no NAME: list the kinds)",
    )
    add_rule_options(parser)


def main(args: argparse.Namespace) -> int:
    if args.kind is not None:
        print(explain_kind(args.kind), end="")
        return 0
    if args.code is None:
        raise ConfigError("explain needs a rule CODE, or --kind NAME")
    linter = make_linter(args)
    rule = linter.rule(args.code.upper()) or linter.rule(args.code)
    if rule is None:
        raise ConfigError(f"no rule {args.code!r}; `corpusmend rules --all` lists them")
    print(f"{rule.code} ({rule.name})")
    print(
        f"severity: {rule.severity}    kind: {rule.kind_name}"
        f"    defined in: {rule.source}:{rule.line}"
    )
    print()
    print(textwrap.fill(rule.description, 88))
    print()
    if rule.fix:
        print(f"Fix ({rule.fix.applicability}): {rule.fix.message}")
    else:
        print("Fix: none (report only)")
    firing = [c for c in rule.tests if c.expect]
    quiet = [c for c in rule.tests if c.expect is None]
    for title, cases in (("Fires on", firing[:2]), ("Does not fire on", quiet[:2])):
        for case in cases:
            print(f"\n{title}:\n" + textwrap.indent(case.text, "    "))
            if case.fixed is not None:
                print("Fixed:\n" + textwrap.indent(case.fixed, "    "))
    return 0
