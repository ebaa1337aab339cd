"""Finding the files to read: paths given, and files under directories that match the globs.

Globs without a slash match a file's name or any folder name on its way (`drafts`, `*.csv`);
globs with a slash match the path relative to the directory given (`news/*.jsonl`, `**/old/*`).
Hidden files and folders are skipped. Broken symlinks and unreadable folders are reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from corpusmend.readers.base import ReadOptions, ReadProblem


def matches(rel: PurePosixPath, patterns: Iterable[str], whole_path_only: bool = False) -> bool:
    """Whether a relative path matches any glob (see the module docstring)."""
    text = rel.as_posix()
    for pattern in patterns:
        pattern = pattern.removeprefix("./").rstrip("/")
        if "/" in pattern:
            if fnmatchcase(text, pattern) or (
                pattern.startswith("**/") and fnmatchcase(text, pattern[3:])
            ):
                return True
        elif whole_path_only:
            if fnmatchcase(rel.name, pattern):
                return True
        elif any(fnmatchcase(part, pattern) for part in rel.parts):
            return True
    return False


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
            d for d in dirs if not d.startswith(".") and not matches(rel_base / d, options.exclude)
        ]
        for name in files:
            rel = rel_base / name
            if name.startswith(".") or matches(rel, options.exclude):
                continue
            if not matches(rel, options.include, whole_path_only=True):
                continue
            file = base / name
            if file.is_symlink() and not file.exists():
                found.append(ReadProblem(str(file), "broken symlink, skipped"))
            else:
                found.append(file)
    found.sort(key=lambda f: f if isinstance(f, Path) else Path(f.path))
    yield from found
