"""What an index file was built from, so a run with `--index` can tell when it is stale.

Each input file is stamped with its size, modification time and SHA-256. A later run compares
the files it is not checking itself (those are expected to change) against the stamps: size and
time first, the hash only when they differ (as git's index does), so an unchanged corpus costs a
stat per file, not a read.
"""

from __future__ import annotations

import hashlib
import os
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def stamp(path: str) -> list[Any]:
    """[size, mtime_ns, sha256] of a file."""
    st = os.stat(path)
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return [st.st_size, st.st_mtime_ns, h.hexdigest()]


def stamps(paths: Iterable[str]) -> dict[str, list[Any]]:
    return {p: stamp(p) for p in sorted(set(paths)) if os.path.isfile(p)}


@dataclass(frozen=True)
class Staleness:
    changed: list[str]
    missing: list[str]

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing)

    def message(self, index: str, roots: list[str]) -> str:
        parts = []
        if self.changed:
            parts.append(f"{len(self.changed)} indexed file(s) changed")
        if self.missing:
            parts.append(f"{len(self.missing)} no longer exist")
        names = ", ".join((self.changed + self.missing)[:3])
        more = ", ..." if len(self.changed) + len(self.missing) > 3 else ""
        rebuild = shlex.join(["corpusmend", "index", *(roots or ["PATH"]), "-o", index])
        return (
            f"the index {index} is stale: {' and '.join(parts)} since it was built"
            f" ({names}{more}); its siblings and line counts may be out of date."
            f" Rebuild it with: {rebuild}"
        )


def staleness(recorded: Mapping[str, list[Any]], checking: Iterable[str]) -> Staleness:
    """The recorded files, other than those being checked, that changed or disappeared."""
    skip = {os.path.abspath(p) for p in checking}
    changed, missing = [], []
    for path, (size, mtime, digest) in sorted(recorded.items()):
        if os.path.abspath(path) in skip:
            continue
        try:
            st = os.stat(path)
        except OSError:
            missing.append(path)
            continue
        if (st.st_size, st.st_mtime_ns) == (size, mtime):
            continue
        if st.st_size != size or stamp(path)[2] != digest:
            changed.append(path)
    return Staleness(changed, missing)


def files_under(paths: Iterable[str]) -> set[str]:
    """The regular files named by `paths` (directories expanded), for `checking`."""
    out: set[str] = set()
    for p in paths:
        if os.path.isdir(p):
            out.update(str(f) for f in Path(p).rglob("*") if f.is_file())
        elif p != "-":
            out.add(p)
    return out
