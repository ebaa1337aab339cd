"""`corpusmend check`: report findings, and fix them with --fix."""

from __future__ import annotations

import argparse
import sys

from corpusmend.commands.check_outputs import Outputs
from corpusmend.commands.check_settings import CheckSettings, check_settings
from corpusmend.commands.common import add_rule_options, make_linter, run_config
from corpusmend.commands.engine_options import add_engine_arguments
from corpusmend.commands.io_options import add_input_options, add_output_options
from corpusmend.commands.project import ProjectRun, add_project_options
from corpusmend.commands.sibling_options import add_sibling_arguments, open_run_view
from corpusmend.engines import Source, make_engine, run_checks
from corpusmend.formatters import FORMATTERS
from corpusmend.interrupts import deferred_interrupt
from corpusmend.linter import INTERNAL_CODE, Linter

FAIL_ON = ("error", "warning", "info")
NAME = "check"
HELP = "check files, directories or stdin (-) for artifacts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin"
    )
    add_rule_options(parser)
    g = parser.add_argument_group("fixing")
    g.add_argument(
        "--fix", action="store_true", help="apply safe fixes, writing text files in place"
    )
    g.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    g.add_argument(
        "--diff", action="store_true", help="print fixes as a unified diff; write nothing"
    )
    g.add_argument(
        "--move-metadata",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --fix: keep the values header fixes remove (HDR001's date, HDR002's title "
        "and author) in record fields (with --output-dir) and the --findings-sidecar",
    )
    g.add_argument(
        "--metadata-field",
        action="append",
        type=_field_rename,
        default=[],
        metavar="VALUE=FIELD",
        help="with --move-metadata: the field a value goes to, e.g. date=published_at "
        "(repeatable; default: the value's own name: date, title, author)",
    )
    g.add_argument(
        "--records-check-only",
        action="store_true",
        help="for hooks: records of JSONL, CSV and Parquet files are checked, never fixed or "
        "rewritten (even with --fix), and a record file without the text field is skipped "
        "with a note",
    )
    g = parser.add_argument_group("output")
    g.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    g.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    g.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="the least severe finding that makes the exit code 1 (default: warning, so "
        "errors and warnings fail and info findings are only shown; or the config's fail-on)",
    )
    add_input_options(parser)
    add_output_options(parser)
    add_sibling_arguments(parser)
    add_engine_arguments(parser)
    add_project_options(parser)


def _field_rename(value: str) -> tuple[str, str]:
    key, sep, field = value.partition("=")
    if not (sep and key.strip() and field.strip()):
        raise argparse.ArgumentTypeError(f"expected VALUE=FIELD (date=published_at), got {value!r}")
    return key.strip(), field.strip()


def main(args: argparse.Namespace) -> int:
    linter = make_linter(args)
    config = run_config(args)
    settings = check_settings(args, config)
    project = ProjectRun(settings, linter, config)
    with Outputs(settings, linter) as outputs:
        return run_check(settings, linter, outputs, project)


def run_check(
    settings: CheckSettings, linter: Linter, outputs: Outputs, project: ProjectRun
) -> int:
    out, formatter = outputs.out, outputs.formatter
    options = settings.run
    problems = 0
    changed = 0
    checked_only: set[str] = set()  # record files --records-check-only kept from --fix
    engine = make_engine(settings.engine)
    inputs = Source(tuple(settings.paths), outputs.read_options)
    reader = project.configured_reader(outputs.read_options)
    view = open_run_view(
        settings.corpus,
        settings.paths,
        linter.passes,
        reader=reader,
        read_options=outputs.read_options,
        count_lines=engine.line_counter(inputs),
        sign=engine.signer(inputs, reader),
    )
    source = project.source(settings.paths, outputs.read_options, view)
    formatter.corpus(view.context if view is not None else None)
    results = run_checks(settings.engine, linter, source, options, view, engine)
    for result in project.results(results):
        if result.note:
            print(f"corpusmend: note: {result.doc.path}: {result.problem}", file=sys.stderr)
            continue
        if not options.fix_records and result.doc.source is not None:
            checked_only.add(result.doc.path or "-")
        if settings.writes_fixes:
            with deferred_interrupt():  # never leave a temporary file behind on Ctrl-C
                result = outputs.write_back(result)
            project.written(result)
        outputs.record(result)
        if result.problem:
            problems += 1
            print(
                f"corpusmend: {result.doc.path or result.doc.id}: {result.problem}", file=sys.stderr
            )
        if options.diff:
            out.write(result.diff())
            changed += result.fixed_text is not None
            continue
        formatter.handle(result)
        problems += any(f.code == INTERNAL_CODE for f in result.findings)
    if not options.diff:
        formatter.finish()
    with deferred_interrupt():
        problems += outputs.finish()
    if checked_only and settings.writes_fixes:
        files = f"{len(checked_only)} file{'s' if len(checked_only) != 1 else ''}"
        print(
            f"corpusmend: records of {files} were checked, not fixed (--records-check-only); "
            "fix them with `corpusmend check --fix --output-dir DIR`",
            file=sys.stderr,
        )
    forced = project.finish()
    if problems:
        return 2
    if forced and not settings.exit_zero:
        return forced
    if options.diff:
        return 1 if changed and not settings.exit_zero else 0
    return 0 if settings.exit_zero or formatter.failing(settings.fail_on) == 0 else 1
