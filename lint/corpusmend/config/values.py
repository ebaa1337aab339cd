"""Config: the values of one config file, or the defaults when no file was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpusmend.config.path_globs import PathGlobs, PerFileIgnores
from corpusmend.ruleset.overrides import RuleOverride

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Config:
    """A loaded configuration; `path` is None when no file was found (all defaults)."""

    root: Path
    path: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    overrides: dict[str, RuleOverride] = field(default_factory=dict)
    siblings: dict[str, Any] = field(default_factory=dict)
    index: Path | None = None
    cache_dir: Path | None = None
    fail_on: str | None = None  # the least severe finding that fails check (None: warning)
    move_metadata: bool = False  # keep values header fixes remove (check --move-metadata)
    metadata_fields: dict[str, str] = field(default_factory=dict)  # value -> record field
    version: str = ""  # a hash of the file's bytes: part of the cache key

    @property
    def label(self) -> str:
        """How errors name this config: the file, and for pyproject.toml its table."""
        return "(no config)" if self.path is None else config_label(self.path)

    def excluded(self, path: str | Path) -> bool:
        return PathGlobs(self.root, self.exclude).match(path)

    def included(self, path: str | Path) -> bool:
        """Files found in directories are checked only when they match `include` (if set)."""
        return not self.include or PathGlobs(self.root, self.include).match(path)

    @property
    def file_ignores(self) -> PerFileIgnores | None:
        if not self.per_file_ignores:
            return None
        return PerFileIgnores(self.root, self.per_file_ignores)


def config_label(path: Path) -> str:
    return f"{path} [tool.corpusmend]" if path.name == PYPROJECT else str(path)
