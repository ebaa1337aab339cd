"""The config's globs applied to paths: include / exclude, and per-file rule ignores.

Globs are relative to the config's directory and matched by globs.py (gitignore-style, the
matcher `--include` and `--exclude` use too).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from corpusmend.globs import glob_matches, matches_any


@dataclass(frozen=True)
class PathGlobs:
    """Glob patterns relative to a root directory."""

    root: Path
    patterns: tuple[str, ...]

    def match(self, path: str | Path) -> bool:
        if not self.patterns:
            return False
        rel = relative_to_root(self.root, str(path))
        return rel is not None and matches_any(rel, self.patterns, os.path.isdir(path))


def relative_to_root(root: Path, path: str) -> PurePosixPath | None:
    """`path` relative to `root` (None when it is outside)."""
    absolute = Path(os.path.abspath(path))
    try:
        return PurePosixPath(absolute.relative_to(root).as_posix())
    except ValueError:
        return None


@dataclass(frozen=True)
class PerFileIgnores:
    """Rule selectors (codes, prefixes, names) not to run on paths matching a glob."""

    root: Path
    entries: tuple[tuple[str, tuple[str, ...]], ...]

    def selectors_for(self, path: str | None) -> tuple[str, ...]:
        if path is None or not self.entries:
            return ()
        return _selectors_for(self, os.path.abspath(path))


@lru_cache(maxsize=4096)
def _selectors_for(ignores: PerFileIgnores, path: str) -> tuple[str, ...]:
    rel = relative_to_root(ignores.root, path)
    if rel is None:
        return ()
    out: list[str] = []
    for pattern, selectors in ignores.entries:
        if glob_matches(rel, pattern):
            out.extend(s for s in selectors if s not in out)
    return tuple(out)
