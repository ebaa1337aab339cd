"""`corpusmend baseline`: record today's findings, so `check --baseline FILE` reports new ones."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from corpusmend.baseline import Entry, entries_for, write_baseline
from corpusmend.commands.common import add_rule_options, make_linter, run_config
from corpusmend.commands.engine_options import add_engine_arguments, engine_settings
from corpusmend.commands.io_options import add_input_options, read_options
from corpusmend.commands.project import OptionsReader, ReaderSource
from corpusmend.commands.sibling_options import add_sibling_arguments, corpus_inputs, open_run_view
from corpusmend.config_reader import ConfiguredReader
from corpusmend.engines import run_checks
from corpusmend.linter import INTERNAL_CODE
from corpusmend.runner import RunOptions
from corpusmend.writers.atomic import AtomicFile

NAME = "baseline"
HELP = "record today's findings in a baseline file (then: check --baseline FILE)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the baseline file to write (replaced atomically); - for stdout",
    )
    add_rule_options(parser)
    add_input_options(parser)
    parser.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="leave out files the config excludes even when named (default: on)",
    )
    add_sibling_arguments(parser)
    add_engine_arguments(parser)


def main(args: argparse.Namespace) -> int:
    linter = make_linter(args)
    config = run_config(args)
    force = args.force_exclude if args.force_exclude is not None else config.force_exclude
    options = read_options(args)
    reader = ConfiguredReader(config, force, options, OptionsReader(options))
    base = Path(os.path.abspath(args.output)).parent if args.output != "-" else Path.cwd()
    entries: list[Entry] = []
    documents = problems = 0
    source = ReaderSource(tuple(args.paths), options, reader)
    inputs = corpus_inputs(args, config.siblings)
    view = open_run_view(inputs, args.paths, linter.passes, reader, options)  # as check does
    for result in run_checks(engine_settings(args), linter, source, RunOptions(), view):
        if result.problem:
            problems += 1
            name = result.doc.path or result.doc.id
            print(f"corpusmend: {name}: {result.problem}", file=sys.stderr)
            continue
        documents += 1
        for f in result.findings:
            if f.code == INTERNAL_CODE:
                problems += 1
                print(f"corpusmend: {result.doc.id}: {f.message} (not baselined)", file=sys.stderr)
        entries.extend(entries_for(result, base))
    if args.output == "-":
        count = write_baseline(entries, sys.stdout)
    else:
        with AtomicFile(Path(args.output)) as target:
            out = io.TextIOWrapper(target.file, encoding="utf-8")
            count = write_baseline(entries, out)
            out.flush()
            out.detach()
    print(
        f"corpusmend: recorded {count} finding{'s' if count != 1 else ''} of {documents} "
        f"document{'s' if documents != 1 else ''} in {args.output}",
        file=sys.stderr,
    )
    return 2 if problems else 0
