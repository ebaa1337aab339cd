"""`corpusmend eval CORPUS...`: measure the rules on a real corpus, with its real siblings.

Each artifact family is injected into real documents, one at a time; the same `check --fix
--unsafe-fixes` the CLI runs (with siblings) is run with and without it. The report gives, per
family, recall at the right place, repair (fix(corrupted) == fix(original)), the other documents
fixed differently, and false findings per 1,000 untouched documents; the sibling index's recall
against reference groups computed independently of it; and writes the mismatches and the
error-level findings on untouched documents to files for people to read.

`--synthetic-siblings` runs the older evaluation for invented corpora that have no real copies:
each sibling family gets a lightly reworded copy of the document as its sibling.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corpusmend import progress
from corpusmend.commands.common import add_rule_options, make_linter, run_config
from corpusmend.commands.io_options import add_input_options, read_options
from corpusmend.commands.sibling_options import add_sibling_arguments, corpus_inputs
from corpusmend.document import Document
from corpusmend.errors import ConfigError
from corpusmend.evaluation import reference_groups
from corpusmend.evaluation.corpus_runs import CorpusRun, build_index
from corpusmend.evaluation.discovery import discovery
from corpusmend.evaluation.evaluate import evaluate
from corpusmend.evaluation.families import FAMILIES
from corpusmend.evaluation.output_files import write_text
from corpusmend.evaluation.real_evaluate import evaluate_real
from corpusmend.evaluation.real_families import REAL_FAMILIES
from corpusmend.evaluation.real_report import GROUPS_FILE, SUMMARY_FILE, write_files
from corpusmend.evaluation.real_report import to_json as real_json
from corpusmend.evaluation.real_report import to_text as real_text
from corpusmend.evaluation.report import to_json, to_text
from corpusmend.evaluation.verify import verify_injections
from corpusmend.linter import Linter
from corpusmend.readers import ReadProblem, read_documents

NAME = "eval"
HELP = "measure recall, repairs and false findings on a real corpus, with its siblings"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="CORPUS", help="files or directories of real documents"
    )
    g = parser.add_argument_group("evaluation")
    g.add_argument("--seed", type=int, default=0, help="injection seed (default 0)")
    g.add_argument("--format", choices=("text", "json"), default="text")
    g.add_argument(
        "--max-docs", type=int, default=None, metavar="N", help="use only the first N documents"
    )
    g.add_argument(
        "--family",
        action="append",
        default=[],
        choices=[f.name for f in FAMILIES],
        help="evaluate only this artifact family (repeatable)",
    )
    g.add_argument(
        "--per-group",
        type=int,
        default=1,
        metavar="N",
        help="sibling families: inject into N copies of each reference group, one at a time"
        " (default 1)",
    )
    g.add_argument(
        "--max-per-family",
        type=int,
        default=100,
        metavar="N",
        help="single-document families: inject into at most N documents (default 100)",
    )
    g.add_argument(
        "--report-dir",
        type=Path,
        default=Path("corpusmend-eval"),
        metavar="DIR",
        help="where the mismatches, the error findings and the cached reference groups go"
        " (default ./corpusmend-eval)",
    )
    g.add_argument(
        "--reference-containment",
        type=float,
        default=reference_groups.MIN_CONTAINMENT,
        metavar="X",
        help="reference sibling pairs: share of the shorter document's 5-word shingles found in"
        f" the other (default {reference_groups.MIN_CONTAINMENT})",
    )
    g.add_argument(
        "--verify",
        type=int,
        default=0,
        metavar="N",
        help="check the first N injections of each family against a full `check --fix` over the"
        " whole corpus on disk (slow; proves the measure re-runs the right documents)",
    )
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show injections done on stderr (default: when stderr is a terminal)",
    )
    g.add_argument(
        "--synthetic-siblings",
        action="store_true",
        help="the evaluation for invented corpora: sibling families get a reworded copy",
    )
    add_rule_options(parser)
    add_input_options(parser)
    add_sibling_arguments(parser)


def _documents(args: argparse.Namespace) -> list[Document]:
    docs: list[Document] = []
    for item in read_documents(args.paths, read_options(args)):
        if isinstance(item, ReadProblem):
            print(f"corpusmend: {item.path}: {item.message}", file=sys.stderr)
            continue
        if args.max_docs is not None and len(docs) >= args.max_docs:
            break
        docs.append(item)
    if not docs:
        raise ConfigError("no documents to evaluate in " + ", ".join(args.paths))
    return docs


def _references(args: argparse.Namespace) -> list[Document]:
    return [d for d in read_documents(args.siblings, read_options(args)) if isinstance(d, Document)]


def _without_line_statistics(linter: Linter) -> Linter:
    """The linter minus rules that read corpus-wide line counts (BPL003): an injected artifact
    changes those counts for every document, which the re-run of only the affected documents
    cannot follow. bench/furniture/measure.py measures them on labelled real lines instead."""
    kept = [r for r in linter.rules if "line-stats" not in r.kind.passes]
    if len(kept) == len(linter.rules):
        return linter
    left_out = ", ".join(r.code for r in linter.rules if r not in kept)
    print(f"corpusmend: eval leaves out {left_out} (corpus-wide line counts)", file=sys.stderr)
    narrowed = Linter.from_rules(kept, linter.all_rules)
    narrowed.per_file_ignores = linter.per_file_ignores
    narrowed.move_metadata = linter.move_metadata
    return narrowed


def main(args: argparse.Namespace) -> int:
    linter = _without_line_statistics(make_linter(args))
    docs = _documents(args)
    if args.synthetic_siblings:
        families = [f for f in FAMILIES if not args.family or f.name in args.family]
        result = evaluate(linter, docs, seed=args.seed, families=families)
        _print(args, to_json(result) if args.format == "json" else to_text(result))
        return 0
    started = time.monotonic()
    settings = run_config(args).siblings
    groups = reference_groups.load_or_compute(
        docs, args.report_dir / GROUPS_FILE, min_containment=args.reference_containment
    )
    inputs = corpus_inputs(args, settings)
    index = None
    if inputs is not None:
        index = build_index(docs, inputs.options, _references(args), inputs.index)
    run = CorpusRun(linter, docs, index)
    families = [f for f in REAL_FAMILIES if not args.family or f.name in args.family]
    show = _Progress() if progress.wanted(args.progress, sys.stderr) else None
    result = evaluate_real(
        run, groups, families, args.seed, args.per_group, args.max_per_family, show
    )
    if show is not None:
        show.done()
    found = discovery(run, groups)
    write_files(result, args.report_dir)
    write_text(
        args.report_dir / SUMMARY_FILE,
        json.dumps(real_json(result, found), ensure_ascii=False, indent=2) + "\n",
    )
    if args.format == "json":
        _print(args, real_json(result, found))
    else:
        text = real_text(result, found, args.report_dir)
        text += f"time: {time.monotonic() - started:.0f} s\n"
        if args.verify:
            text += verify_injections(result, linter, inputs, args.verify)
        _print(args, text)
    return 0


class _Progress:
    """`eval: FAMILY N` on one stderr line, redrawn as injections are measured."""

    def __init__(self) -> None:
        self.family, self.count = "", 0

    def __call__(self, family: str) -> None:
        if family != self.family:
            self.family, self.count = family, 0
        self.count += 1
        sys.stderr.write(f"\r\x1b[Keval: {family} {self.count}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _print(args: argparse.Namespace, report: str | dict) -> None:
    if isinstance(report, dict):
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report)
