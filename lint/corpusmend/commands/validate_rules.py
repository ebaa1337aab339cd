"""`corpusmend validate-rules`: check rule packs against the schema."""

from __future__ import annotations

import argparse

from corpusmend.ruleset.loader import load_packs

NAME = "validate-rules"
HELP = "validate rule packs against the schema and compile their checks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("packs", nargs="+", metavar="PATH")


def main(args: argparse.Namespace) -> int:
    rules = load_packs(args.packs)
    print(f"ok: {len(rules)} rules in {', '.join(args.packs)}")
    return 0
