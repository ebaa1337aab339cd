"""`corpusmend eval CLEAN_CORPUS`: measure the rules on your own clean documents.

Each artifact family is injected into copies of the documents (with ground truth); the report
gives per family the recall at the right place, the false findings per 1,000 untouched documents
and the exact repair rate (fixed text == the clean original).
"""

from __future__ import annotations

import argparse
import json
import sys

from corpusmend.commands.common import add_rule_options, make_linter
from corpusmend.document import Document
from corpusmend.errors import ConfigError
from corpusmend.evaluation.evaluate import evaluate
from corpusmend.evaluation.families import FAMILIES
from corpusmend.evaluation.report import to_json, to_text
from corpusmend.readers import ReadProblem, read_documents

NAME = "eval"
HELP = "measure recall, false findings and exact repairs on a clean corpus"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="CLEAN_CORPUS", help="files or directories of clean documents"
    )
    parser.add_argument("--seed", type=int, default=0, help="corruption seed (default 0)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--max-docs", type=int, default=None, metavar="N", help="use only the first N documents"
    )
    parser.add_argument(
        "--family",
        action="append",
        default=[],
        choices=[f.name for f in FAMILIES],
        help="evaluate only this artifact family (repeatable)",
    )
    add_rule_options(parser)


def main(args: argparse.Namespace) -> int:
    linter = make_linter(args)
    clean: list[Document] = []
    for item in read_documents(args.paths):
        if isinstance(item, ReadProblem):
            print(f"corpusmend: {item.path}: {item.message}", file=sys.stderr)
            continue
        if args.max_docs is not None and len(clean) >= args.max_docs:
            break
        clean.append(item)
    if not clean:
        raise ConfigError("no documents to evaluate in " + ", ".join(args.paths))
    families = [f for f in FAMILIES if not args.family or f.name in args.family]
    result = evaluate(linter, clean, seed=args.seed, families=families)
    if args.format == "json":
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text(result))
    return 0
