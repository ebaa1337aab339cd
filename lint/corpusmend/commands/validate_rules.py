"""`corpusmend validate-rules`: every check `check --rules` and `test-rules` run on a pack.

A pack is loaded as `check` loads it (beside the built-in packs, so a code or name that clashes
with a built-in rule is an error), and the embedded tests of its rules run as in `test-rules`.
A rule without tests loads with a warning; `--strict` fails it, as `test-rules` and CI do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corpusmend.ruleset.loader import builtin_rules_dir, load_rules, pack_paths
from corpusmend.ruleset.rule import Rule
from corpusmend.ruleset.testing import run_rule_tests

NAME = "validate-rules"
HELP = "check rule packs as loading and testing do (schema, compile, clashes, tests: cases)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("packs", nargs="+", metavar="PATH")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail a rule without tests: cases (at least one that fires and one that does not)",
    )
    parser.add_argument(
        "--no-builtin",
        action="store_true",
        help="do not load the built-in packs beside these (skips the clash check with them)",
    )


def own_rules(rules: list[Rule], packs: list[str]) -> list[Rule]:
    """The rules of the packs given (and what they include), not the built-in ones."""
    given = {p.resolve() for p in pack_paths(packs)}
    builtin = builtin_rules_dir().resolve()
    return [
        r for r in rules if Path(r.source) in given or not Path(r.source).is_relative_to(builtin)
    ]


def main(args: argparse.Namespace) -> int:
    all_rules = load_rules(args.packs, builtin=not args.no_builtin)
    rules = own_rules(all_rules, args.packs)
    failures = 0
    if args.strict:
        for rule in rules:
            if not rule.tests:
                print(f"FAIL {rule.code} ({rule.source}:{rule.line}): no tests: cases (--strict)")
                failures += 1
    for report in run_rule_tests([r for r in rules if r.tests], all_rules):
        for failure in report.failures:
            print(f"FAIL {report.rule.code} ({report.rule.source}): {failure}")
        failures += not report.ok
    if failures:
        print(f"{failures} of {len(rules)} rules failing in {', '.join(args.packs)}")
        return 1
    print(f"ok: {len(rules)} rules in {', '.join(args.packs)}")
    return 0
