"""`check`'s input and output options (input ones shared with baseline, index and eval).

Input: record fields, include/exclude globs, the format of stdin. Output: `--output FILE`
(written atomically when the run ends), `--statistics`, and where `--fix` writes: in place for
text files, or a fixed copy of every input under `--output-dir`, plus a findings sidecar.
check_outputs.py opens what they name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corpusmend.readers import ReadOptions
from corpusmend.readers.base import DEFAULT_INCLUDE


def add_input_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("input")
    g.add_argument(
        "--text-field", default="text", metavar="NAME", help="record field with the text"
    )
    g.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="record field with the id (default id; missing ids become FILE:LINE or FILE:ROW)",
    )
    g.add_argument(
        "--include",
        action="append",
        default=None,
        metavar="GLOB",
        help="files to take under directories (repeatable; default: "
        + " ".join(DEFAULT_INCLUDE)
        + ")",
    )
    g.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="files or folders to leave out, even when named (repeatable)",
    )
    g.add_argument(
        "--stdin-format",
        choices=("text", "jsonl", "csv"),
        default="text",
        help="what - reads from stdin (default text)",
    )
    g.add_argument(
        "--max-doc-chars",
        type=int,
        default=ReadOptions.max_doc_chars,
        metavar="N",
        help="report and skip documents longer than N characters (default 10,000,000; 0: none)",
    )


def add_output_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("output files")
    g.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write the report to FILE (atomically)"
    )
    g.add_argument(
        "--statistics", action="store_true", help="print counts by rule instead of findings"
    )
    g.add_argument(
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="with --fix: write a fixed copy of every input under DIR, in its own format "
        "(required for JSONL, CSV and Parquet; inputs are left unchanged)",
    )
    g.add_argument(
        "--findings-sidecar",
        type=Path,
        metavar="FILE",
        help="write one JSON line per document (id, source, findings with spans) to FILE",
    )


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The input options of the command line (check, baseline, index, eval)."""
    return ReadOptions(
        text_field=args.text_field,
        id_field=args.id_field,
        include=tuple(args.include) if args.include else DEFAULT_INCLUDE,
        exclude=tuple(args.exclude),
        stdin_format=args.stdin_format,
        max_doc_chars=args.max_doc_chars,
        skip_without_text_field=getattr(args, "records_check_only", False),
    )
