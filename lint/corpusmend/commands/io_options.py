"""`check`'s input and output options, and the outputs they open (one object check.py drives).

Input: record fields, include/exclude globs, the format of stdin. Output: `--output FILE`
(written atomically when the run ends), `--statistics`, and where `--fix` writes: in place for
text files, or a fixed copy of every input under `--output-dir`, plus a findings sidecar; stdin's
fixed copy goes to stdout (and the report to stderr), as with ruff.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

from corpusmend.errors import ConfigError
from corpusmend.formatters import get_formatter
from corpusmend.formatters.base import Formatter
from corpusmend.formatters.statistics import StatisticsFormatter
from corpusmend.linter import Linter
from corpusmend.readers import ReadOptions, discover, is_record_path
from corpusmend.readers.base import DEFAULT_INCLUDE
from corpusmend.runner import DocumentResult
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.fix_writers import IN_PLACE_REFUSED, FixedCopyWriter, InPlaceWriter
from corpusmend.writers.sidecar import FindingsSidecar
from corpusmend.writers.stdout_copy import StdoutCopyWriter, from_stdin


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


def read_options(args: argparse.Namespace, stdin_bytes: bytes | None = None) -> ReadOptions:
    return ReadOptions(
        text_field=args.text_field,
        id_field=args.id_field,
        include=tuple(args.include) if args.include else DEFAULT_INCLUDE,
        exclude=tuple(args.exclude),
        stdin_format=args.stdin_format,
        max_doc_chars=args.max_doc_chars,
        stdin_bytes=stdin_bytes,
        skip_without_text_field=getattr(args, "records_check_only", False),
    )


def fixes_stdin(args: argparse.Namespace) -> bool:
    """`check - --fix`: stdin's fixed copy goes to stdout, so the report goes to stderr."""
    return "-" in args.paths and args.fix and not args.diff


def check_fix_targets(args: argparse.Namespace, options: ReadOptions) -> None:
    """Refuse, before anything runs, a --fix that would rewrite record files or its inputs."""
    if args.output_dir is not None and not args.fix:
        raise ConfigError("--output-dir writes fixed copies: use it with --fix")
    if not args.fix or args.diff:
        return
    if args.output_dir is None:
        if getattr(args, "records_check_only", False):
            return  # records are only checked: nothing would be written to them
        for item in discover(args.paths, options):
            if isinstance(item, Path) and is_record_path(item.name):
                raise ConfigError(f"{item}: {IN_PLACE_REFUSED}")
        return
    out = args.output_dir.resolve()
    for p in args.paths:
        if p == "-":
            continue
        given = Path(p).resolve()
        if given.is_dir() and (out == given or out.is_relative_to(given)):
            raise ConfigError(f"--output-dir {args.output_dir} must not be inside input {p}")
        if out.is_relative_to(given.parent) and out / given.name == given:
            raise ConfigError(f"--output-dir {args.output_dir} would overwrite input {p}")


class Outputs:
    """The report stream, the formatter, the fix writer and the sidecar of one check run."""

    def __init__(self, args: argparse.Namespace, linter: Linter) -> None:
        self.stdout_copy: StdoutCopyWriter | None = None
        stdin_bytes = None
        if fixes_stdin(args):
            stdin_bytes = sys.stdin.buffer.read()
            self.stdout_copy = StdoutCopyWriter(stdin_bytes, args.stdin_format)
        self.read_options = read_options(args, stdin_bytes)
        check_fix_targets(args, self.read_options)
        self._file: AtomicFile | None = None
        self.out: TextIO = sys.stdout if self.stdout_copy is None else sys.stderr
        if args.output is not None:
            self._file = AtomicFile(args.output)
            self.out = io.TextIOWrapper(
                self._file.file, encoding="utf-8", errors="backslashreplace"
            )
        if args.statistics:
            self.formatter: Formatter = StatisticsFormatter(
                self.out, as_json=args.format in ("json", "jsonl", "sarif")
            )
        else:
            self.formatter = get_formatter(args.format, self.out)
        self.writer: InPlaceWriter | FixedCopyWriter = (
            FixedCopyWriter(args.output_dir, args.paths)
            if args.output_dir is not None
            else InPlaceWriter()
        )
        self.sidecar = FindingsSidecar(args.findings_sidecar) if args.findings_sidecar else None

    def write_back(self, result: DocumentResult) -> DocumentResult:
        if self.stdout_copy is not None and from_stdin(result):
            return self.stdout_copy.write(result)
        return self.writer.write(result)

    def record(self, result: DocumentResult) -> None:
        if self.sidecar is not None:
            self.sidecar.write(result)

    def finish(self) -> int:
        """Close the fix writer and report what it could not write; returns that count."""
        errors = self.writer.close()
        if self.stdout_copy is not None:
            sys.stdout.flush()
            self.stdout_copy.close(sys.stdout.buffer)
        for message in errors:
            print(f"corpusmend: {message}", file=sys.stderr)
        return len(errors)

    def __enter__(self) -> Outputs:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        ok = exc_type is None
        if not ok:
            self.writer.abort()
        if self.sidecar is not None:
            if ok:
                self.sidecar.commit()
            else:
                self.sidecar.abort()
        if self._file is not None:
            if ok:
                self.out.flush()
                self.out.detach()
                self._file.commit()
            else:
                self._file.abort()
