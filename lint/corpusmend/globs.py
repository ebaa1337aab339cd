"""The one glob matcher, for `--include` / `--exclude` and the config's include, exclude and
per-file-ignores: gitignore-style semantics, as ruff uses.

A glob is matched against a path relative to a base (the config's directory, or the directory
given on the command line):

- `*` and `?` match within one name (never `/`); `[abc]` and `[!abc]` match one character;
- `**` matches any number of folders: `**/old` (at any depth), `news/**` (everything under
  news), `news/**/old` (old at any depth under news, news/old included);
- a glob without `/` matches a name at any depth: the file's name or any folder on its way
  (`drafts`, `*.csv`);
- a glob with `/` is anchored at the base (`news/*.jsonl`); a leading `./` or `/` changes
  nothing;
- a glob that matches a folder matches everything under it; a trailing `/` (`drafts/`) matches
  folders only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import PurePosixPath


def glob_matches(rel: PurePosixPath, pattern: str, is_dir: bool = False) -> bool:
    """Whether `rel` (relative to the glob's base; `is_dir` when it names a folder) matches."""
    folders_only = pattern.endswith("/")
    pattern = pattern.strip("/")
    while pattern.startswith("./"):
        pattern = pattern[2:].lstrip("/")
    if not pattern:
        return False
    parts = rel.parts
    if not parts:
        return False
    # the path itself (a file only when folders_only is off) and every folder above it
    candidates = [] if folders_only and not is_dir else [len(parts)]
    candidates += range(1, len(parts))
    if "/" not in pattern:
        regex = _name_regex(pattern)
        return any(regex.fullmatch(parts[n - 1]) for n in candidates)
    regex = _path_regex(pattern)
    return any(regex.fullmatch("/".join(parts[:n])) for n in candidates)


def matches_any(rel: PurePosixPath, patterns: Iterable[str], is_dir: bool = False) -> bool:
    return any(glob_matches(rel, p, is_dir) for p in patterns)


@lru_cache(maxsize=1024)
def _name_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(_translate(pattern))


@lru_cache(maxsize=1024)
def _path_regex(pattern: str) -> re.Pattern[str]:
    out = []
    segments = pattern.split("/")
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == "**":
            # any number of folders (none included); at the end: everything below
            out.append(".*" if last else "(?:[^/]+/)*")
        else:
            out.append(_translate(segment) + ("" if last else "/"))
    return re.compile("".join(out))


def _translate(segment: str) -> str:
    """One path segment: `*` and `?` stay within a name; `**` inside a name acts as `*`."""
    out = []
    i = 0
    while i < len(segment):
        c = segment[i]
        if c == "*":
            while i < len(segment) and segment[i] == "*":
                i += 1
            out.append("[^/]*")
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[":
            end = segment.find("]", i + 2 if segment[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = segment[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"(?!/)[{body}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)
