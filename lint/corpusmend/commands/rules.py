"""`corpusmend rules`: list every rule."""

from __future__ import annotations

import argparse
import json

from corpusmend.commands.common import add_rule_options, make_linter

NAME = "rules"
HELP = "list the rules (code, name, severity, kind, fixable)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_rule_options(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--all", action="store_true", help="include rules off by default")


def main(args: argparse.Namespace) -> int:
    linter = make_linter(args)
    selected = {r.code for r in linter.rules}
    rules = [r for r in linter.all_rules if args.all or r.code in selected]
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity,
            "kind": r.kind_name,
            "fixable": r.fixable,
            "enabled": r.code in selected,
        }
        for r in sorted(rules, key=lambda r: r.code)
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return 0
    header = ("code", "name", "severity", "kind", "fixable")
    widths = [max(len(header[i]), *(len(str(list(r.values())[i])) for r in rows)) for i in range(5)]
    for row in (dict(zip(header, header, strict=True)), *rows):
        values = [str(row[h]) for h in header]
        print("  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip())
    return 0
