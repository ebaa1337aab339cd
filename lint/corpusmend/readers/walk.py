"""Finding the files to read: paths given, and files under directories that match the globs.

Globs are matched as the config's are (globs.py: gitignore-style, as ruff does), against the
path relative to the directory given (`news/*.jsonl`, `drafts`, `*.csv`); a file named on the
command line is matched by its path as given. Hidden files and folders are skipped. Broken
symlinks and unreadable folders are reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from corpusmend.globs import matches_any
from corpusmend.readers.base import ReadOptions, ReadProblem


def matches(rel: PurePosixPath, patterns: Iterable[str], is_dir: bool = False) -> bool:
    """Whether a relative path matches any glob (see globs.py)."""
    return matches_any(rel, patterns, is_dir)


def discover(paths: Iterable[str], options: ReadOptions) -> Iterator[Path | str | ReadProblem]:
    """Paths to read, in a stable order: "-" for stdin, Paths, or problems found on the way."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from walk(path, options)
        elif matches(PurePosixPath(path.as_posix()), options.exclude):
            continue
        elif not path.exists() and not path.is_symlink():
            yield ReadProblem(p, "no such file or directory")
        else:
            yield path


def walk(root: Path, options: ReadOptions) -> Iterator[Path | ReadProblem]:
    found: list[Path | ReadProblem] = []

    def unreadable(exc: OSError) -> None:
        found.append(ReadProblem(str(exc.filename), f"cannot read folder: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        base = Path(folder)
        rel_base = PurePosixPath(base.relative_to(root).as_posix())
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and not matches(rel_base / d, options.exclude, is_dir=True)
        ]
        for name in files:
            rel = rel_base / name
            if name.startswith(".") or matches(rel, options.exclude):
                continue
            if not matches(rel, options.include):
                continue
            file = base / name
            if file.is_symlink() and not file.exists():
                found.append(ReadProblem(str(file), "broken symlink, skipped"))
            else:
                found.append(file)
    found.sort(key=lambda f: f if isinstance(f, Path) else Path(f.path))
    yield from found
