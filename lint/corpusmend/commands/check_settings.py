"""What `check` was asked to do: its command line and the config, read once into one object.

main() builds CheckSettings from argparse's namespace and the config; everything check drives
(the outputs, the project run, the cache, the corpus passes, the engine) takes these typed
values, never the namespace.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from corpusmend.commands.engine_options import engine_settings
from corpusmend.commands.io_options import read_options
from corpusmend.commands.sibling_options import corpus_inputs
from corpusmend.config import Config
from corpusmend.engines import EngineSettings
from corpusmend.formatters import FORMATTERS
from corpusmend.passes.corpus import CorpusInputs
from corpusmend.readers import ReadOptions
from corpusmend.runner import RunOptions


@dataclass(frozen=True)
class CheckSettings:
    paths: tuple[str, ...]
    read: ReadOptions  # how inputs are read (stdin's bytes are added when they are read)
    run: RunOptions  # fixing: what, how, and the metadata header fixes keep
    corpus: CorpusInputs | None  # what the corpus passes are built over (None: --no-siblings)
    engine: EngineSettings
    # the report
    format: str = "text"
    statistics: bool = False
    output: Path | None = None  # the report's file (None: stdout)
    exit_zero: bool = False
    fail_on: str = "warning"  # the least severe finding that makes the exit code 1
    # where fixes and findings go
    output_dir: Path | None = None  # fixed copies go here (None: text files fixed in place)
    findings_sidecar: Path | None = None
    show_fixes: bool = False
    exit_non_zero_on_fix: bool = False
    # the project
    force_exclude: bool = True
    baseline: str | None = None
    use_cache: bool = True
    cache_dir: str | None = None  # None: see cache.default_cache_dir

    @property
    def writes_fixes(self) -> bool:
        """--fix without --diff: fixed text is written somewhere."""
        return self.run.fix and not self.run.diff

    @property
    def fixes_stdin(self) -> bool:
        """`check - --fix`: stdin's fixed copy goes to stdout, so the report goes to stderr."""
        return "-" in self.paths and self.writes_fixes


def check_settings(args: argparse.Namespace, config: Config) -> CheckSettings:
    """The settings of one check run; the command line wins over the config."""
    move = args.move_metadata if args.move_metadata is not None else config.move_metadata
    fields = {**config.metadata_fields, **dict(args.metadata_field)}
    run = RunOptions(
        fix=args.fix,
        unsafe=args.unsafe_fixes,
        diff=args.diff,
        fix_records=not args.records_check_only,
        move_metadata=move,
        metadata_fields=tuple(sorted(fields.items())),
        encode=None if args.diff else FORMATTERS[args.format].encode,
    )
    # the cache serves check runs only: not fixing, not --diff, not Ray (see cache.py)
    cached = not (args.no_cache or args.fix or args.diff or args.engine == "ray")
    return CheckSettings(
        paths=tuple(args.paths),
        read=read_options(args),
        run=run,
        corpus=corpus_inputs(args, config.siblings),
        engine=engine_settings(args),
        format=args.format,
        statistics=args.statistics,
        output=args.output,
        exit_zero=args.exit_zero,
        fail_on=args.fail_on or config.fail_on or "warning",
        output_dir=args.output_dir,
        findings_sidecar=args.findings_sidecar,
        show_fixes=args.show_fixes,
        exit_non_zero_on_fix=args.exit_non_zero_on_fix,
        force_exclude=(
            args.force_exclude if args.force_exclude is not None else config.force_exclude
        ),
        baseline=args.baseline,
        use_cache=cached,
        cache_dir=args.cache_dir,
    )
