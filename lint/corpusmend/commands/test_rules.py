"""`corpusmend test-rules`: run the test cases embedded in rule packs."""

from __future__ import annotations

import argparse

from corpusmend.ruleset.loader import load_rules
from corpusmend.ruleset.testing import run_rule_tests

NAME = "test-rules"
HELP = "run the tests: cases of the built-in packs (or of the given packs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "packs", nargs="*", metavar="PATH", help="packs to test (default: built-in)"
    )
    parser.add_argument("--select", default=None, metavar="CODES", help="only these codes/prefixes")


def main(args: argparse.Namespace) -> int:
    all_rules = load_rules(args.packs, builtin=not args.packs)
    rules = all_rules
    if args.select:
        wanted = [s.strip().upper() for s in args.select.split(",")]
        rules = [r for r in all_rules if any(r.code.startswith(w) for w in wanted)]
    reports = run_rule_tests(rules, all_rules)
    width = max((len(r.rule.name) for r in reports), default=4)
    print(f"{'code':7} {'name':{width}}  passed  failed")
    for rep in reports:
        print(f"{rep.rule.code:7} {rep.rule.name:{width}}  {rep.passed:6}  {len(rep.failures):6}")
        for failure in rep.failures:
            print(f"    FAIL {failure}")
    bad = sum(not r.ok for r in reports)
    cases = sum(r.passed for r in reports)
    print(f"\n{len(reports)} rules, {cases} cases passed, {bad} rules failing")
    return 1 if bad else 0
