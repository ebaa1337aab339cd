"""`check`'s project options: config path filtering, the findings cache, the baseline, and what
the pre-commit fix hook needs (--show-fixes, --exit-non-zero-on-fix). One object check.py drives.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpusmend.baseline import Baseline
from corpusmend.cache import FindingsCache
from corpusmend.commands.check_settings import CheckSettings
from corpusmend.config import Config
from corpusmend.config_reader import ConfiguredReader, Item
from corpusmend.engines import Source
from corpusmend.linter import Linter
from corpusmend.readers import ReadOptions, read_documents
from corpusmend.runner import DocumentResult

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView

Reader = Callable[[Sequence[str]], Iterable[Item]]


def add_project_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("project")
    g.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="leave out files the config excludes even when named on the command line "
        "(default: on, or the config's force-exclude)",
    )
    g.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="report only findings not recorded in FILE (see `corpusmend baseline`)",
    )
    g.add_argument("--no-cache", action="store_true", help="check every file, even unchanged ones")
    g.add_argument(
        "--cache-dir",
        metavar="DIR",
        default=None,
        help="where the findings cache lives (default: .corpusmend_cache beside the config)",
    )
    g.add_argument(
        "--show-fixes", action="store_true", help="with --fix: print each fix applied (stderr)"
    )
    g.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix: exit 1 when a file was changed, even if nothing is left to report",
    )


class ProjectRun:
    """Config, cache and baseline for one check run."""

    def __init__(self, settings: CheckSettings, linter: Linter, config: Config) -> None:
        self.settings = settings
        self.config = config
        self.force_exclude = settings.force_exclude
        self.cache: FindingsCache | None = (
            FindingsCache.for_run(linter, config, settings.cache_dir)
            if settings.use_cache
            else None
        )
        self.baseline = Baseline.load(settings.baseline) if settings.baseline else None
        self.changed_files = 0

    def source(
        self, paths: Sequence[str], options: ReadOptions, view: CorpusView | None = None
    ) -> ReaderSource:
        """The engine's source: these paths read with these options, through reader().

        With corpus passes (`view`), a document's findings also depend on what it reads from
        them: its cache entry is keyed on that too (the same context the check then gets), so
        editing one file re-checks that file and the documents whose view of it changed."""
        if view is not None and self.cache is not None:
            self.cache.context_key = lambda doc: view.context(doc).fingerprint()
        return ReaderSource(tuple(paths), options, self.reader(options))

    def configured_reader(self, options: ReadOptions) -> Reader:
        """The documents this run sees, without the cache: for the corpus passes."""
        return ConfiguredReader(self.config, self.force_exclude, options, OptionsReader(options))

    def reader(self, options: ReadOptions | None = None, inner: Reader = read_documents) -> Reader:
        """What the engine reads: `inner` filtered by the config, minus what the cache has."""
        if options is not None and inner is read_documents:
            inner = OptionsReader(options)
        reader: Reader = ConfiguredReader(
            self.config, self.force_exclude, options or ReadOptions(), inner
        )
        return self.cache.reader(reader) if self.cache is not None else reader

    def results(self, results: Iterator[DocumentResult]) -> Iterator[DocumentResult]:
        """The engine's results with cached ones merged back, minus baselined findings."""
        if self.cache is not None:
            results = self.cache.merge(results)
        for result in results:
            yield self.baseline.filter(result) if self.baseline is not None else result

    def written(self, result: DocumentResult) -> None:
        """Call after a fix was written back: count it, and print it with --show-fixes."""
        if result.fixed_text is None or result.problem is not None:
            return
        self.changed_files += 1
        if self.settings.show_fixes:
            name = result.doc.path or result.doc.id
            for f in result.applied:
                message = f.fix.message if f.fix else f.message
                print(f"fixed {name}:{f.line}:{f.column}: {f.code} {message}", file=sys.stderr)

    def finish(self) -> int:
        """Report what the baseline no longer matches; the exit code to force (0: none)."""
        if self.baseline is not None:
            stale = self.baseline.unmatched()
            if stale:
                print(
                    f"corpusmend: {len(stale)} baseline entr{'ies' if len(stale) != 1 else 'y'}"
                    f" in {self.baseline.path} no longer match (fixed, or the text changed):",
                    file=sys.stderr,
                )
                for entry in stale:
                    print(f"  {entry.describe()}", file=sys.stderr)
        if self.settings.exit_non_zero_on_fix and self.changed_files:
            return 1
        return 0


@dataclass(frozen=True)
class ReaderSource(Source):
    """An engine Source that reads through a reader (config filtering, the cache)."""

    reader: Reader | None = None

    def items(self) -> Iterator[Item]:
        if self.reader is None:
            yield from super().items()
        else:
            yield from self.reader(list(self.paths))


class OptionsReader:
    """read_documents with fixed read options (picklable, unlike a lambda)."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options

    def __call__(self, paths: Sequence[str]) -> Iterator[Item]:
        return read_documents(paths, self.options)
