"""Options several subcommands share."""

from __future__ import annotations

import argparse

from lint.linter import Linter


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("rules")
    g.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule pack file or directory, added to the built-in packs (repeatable)",
    )
    g.add_argument(
        "--select",
        type=_codes,
        default=None,
        metavar="CODES",
        help="comma-separated codes, prefixes or names to run (default: all on by default)",
    )
    g.add_argument(
        "--extend-select",
        type=_codes,
        default=[],
        metavar="CODES",
        help="codes, prefixes or names to run in addition",
    )
    g.add_argument(
        "--ignore",
        type=_codes,
        default=[],
        metavar="CODES",
        help="codes, prefixes or names not to run",
    )
    g.add_argument("--no-builtin", action="store_true", help="do not load the built-in packs")


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def make_linter(args: argparse.Namespace) -> Linter:
    return Linter(
        rules=args.rules,
        select=args.select,
        ignore=args.ignore,
        extend_select=args.extend_select,
        builtin=not args.no_builtin,
    )
