"""The outputs of one check run, opened from its settings: the report stream and formatter,
where --fix writes (text files in place, or a fixed copy of every input under --output-dir),
the findings sidecar; stdin's fixed copy goes to stdout (and the report to stderr), as with ruff.
"""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

from corpusmend.commands.check_settings import CheckSettings
from corpusmend.errors import ConfigError
from corpusmend.formatters import get_formatter
from corpusmend.formatters.base import Formatter
from corpusmend.formatters.statistics import StatisticsFormatter
from corpusmend.linter import Linter
from corpusmend.readers import ReadOptions, discover, is_record_path
from corpusmend.runner import DocumentResult
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.fix_writers import IN_PLACE_REFUSED, FixedCopyWriter, InPlaceWriter
from corpusmend.writers.sidecar import FindingsSidecar
from corpusmend.writers.stdout_copy import StdoutCopyWriter, from_stdin


def check_fix_targets(settings: CheckSettings, options: ReadOptions) -> None:
    """Refuse, before anything runs, a --fix that would rewrite record files or its inputs."""
    out_dir = settings.output_dir
    if out_dir is not None and not settings.run.fix:
        raise ConfigError("--output-dir writes fixed copies: use it with --fix")
    if not settings.writes_fixes:
        return
    if out_dir is None:
        if not settings.run.fix_records:
            return  # records are only checked: nothing would be written to them
        for item in discover(settings.paths, options):
            if isinstance(item, Path) and is_record_path(item.name):
                raise ConfigError(f"{item}: {IN_PLACE_REFUSED}")
        return
    out = out_dir.resolve()
    for p in settings.paths:
        if p == "-":
            continue
        given = Path(p).resolve()
        if given.is_dir() and (out == given or out.is_relative_to(given)):
            raise ConfigError(f"--output-dir {out_dir} must not be inside input {p}")
        if out.is_relative_to(given.parent) and out / given.name == given:
            raise ConfigError(f"--output-dir {out_dir} would overwrite input {p}")


class Outputs:
    """The report stream, the formatter, the fix writer and the sidecar of one check run."""

    def __init__(self, settings: CheckSettings, linter: Linter) -> None:
        self.stdout_copy: StdoutCopyWriter | None = None
        self.read_options = settings.read
        if settings.fixes_stdin:
            stdin_bytes = sys.stdin.buffer.read()
            self.stdout_copy = StdoutCopyWriter(stdin_bytes, settings.read.stdin_format)
            self.read_options = dataclasses.replace(settings.read, stdin_bytes=stdin_bytes)
        check_fix_targets(settings, self.read_options)
        self._file: AtomicFile | None = None
        self.out: TextIO = sys.stdout if self.stdout_copy is None else sys.stderr
        if settings.output is not None:
            self._file = AtomicFile(settings.output)
            self.out = io.TextIOWrapper(
                self._file.file, encoding="utf-8", errors="backslashreplace"
            )
        if settings.statistics:
            self.formatter: Formatter = StatisticsFormatter(
                self.out, as_json=settings.format in ("json", "jsonl", "sarif")
            )
        else:
            self.formatter = get_formatter(settings.format, self.out)
        self.writer: InPlaceWriter | FixedCopyWriter = (
            FixedCopyWriter(settings.output_dir, settings.paths)
            if settings.output_dir is not None
            else InPlaceWriter()
        )
        sidecar = settings.findings_sidecar
        self.sidecar = FindingsSidecar(sidecar) if sidecar is not None else None

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
