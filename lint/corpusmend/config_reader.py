"""Reading inputs as the config filters them: its `exclude` and `include` globs.

Config globs are relative to the config's directory. `exclude` drops files found in directories
and, with `force-exclude` (the default), files named explicitly too, since pre-commit and other
tools pass every changed file by name. `include`, when set (and no --include is given), replaces
the reader's choice by suffix for files found in directories; files named explicitly are always
read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpusmend.config import Config
from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, discover, read_documents
from corpusmend.readers.base import DEFAULT_INCLUDE

Item = Document | ReadProblem


@dataclass(frozen=True)
class ConfiguredReader:
    """A picklable reader (for the engines' Source): `inner` minus what the config excludes."""

    config: Config
    force_exclude: bool = True
    options: ReadOptions = dataclasses.field(default_factory=ReadOptions)
    inner: Callable[[Sequence[str]], Iterable[Item]] = read_documents

    def __call__(self, paths: Sequence[str]) -> Iterator[Item]:
        if not (self.config.include or self.config.exclude):
            yield from self.inner(list(paths))
            return
        for found in self.files(paths):
            if isinstance(found, ReadProblem):
                yield found
            else:
                yield from self.inner([str(found)])

    def files(self, paths: Sequence[str]) -> Iterator[Path | str | ReadProblem]:
        """What a call reads, in order: each file (read as `self.inner([str(file)])`), "-",
        or a problem found on the way (engines that read files in tasks use this)."""
        config = self.config
        if not (config.include or config.exclude):
            yield from discover(paths, self.options)
            return
        use_include = bool(config.include) and self.options.include == DEFAULT_INCLUDE
        walk = dataclasses.replace(self.options, include=("*",)) if use_include else self.options
        explicit = {Path(p) for p in paths if p != "-"}
        for found in discover(paths, walk):
            keep = isinstance(found, ReadProblem) or found == "-"
            if keep or self.wanted(found, found in explicit, use_include):  # type: ignore[arg-type]
                yield found

    def wanted(self, path: Path, explicit: bool, use_include: bool = True) -> bool:
        if explicit:
            return not (self.force_exclude and self.config.excluded(path))
        if use_include and not self.config.included(path):
            return False
        return not self.config.excluded(path)
