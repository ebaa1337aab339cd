"""Every file corpusmend writes goes through here: temporary file beside it, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from corpusmend.errors import CorpusmendError


def write_atomic(path: Path, data: bytes, expect_original: bytes | None = None) -> None:
    """Replace `path` with `data` via a temporary file and a rename.

    When `expect_original` is given and the file no longer holds those bytes (someone changed
    it since it was read), nothing is written and an error says so. A file with no write
    permission bit is left alone, even for root: read-only means "do not change".
    """
    if not path.stat().st_mode & 0o222:
        raise CorpusmendError(f"{path}: read-only file; not written")
    if expect_original is not None and path.read_bytes() != expect_original:
        raise CorpusmendError(f"{path}: changed on disk since it was read; not overwritten")
    with AtomicFile(path, mode=path.stat().st_mode & 0o7777) as out:
        out.file.write(data)


def default_mode() -> int:
    """The mode a new file gets here: 0o666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_new_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Create or replace `path` (and its missing folders) with `data`, all or nothing."""
    with AtomicFile(path, mode) as out:
        out.file.write(data)


class AtomicFile:
    """A new or replaced file written in steps: visible under its name only once committed.

    Bytes go to a temporary file beside the target; `commit` fsyncs and renames it over the
    target, `abort` deletes it. An interrupted run leaves the target as it was.
    """

    def __init__(self, path: Path, mode: int | None = None) -> None:
        self.path = path
        self.mode = default_mode() if mode is None else mode
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".corpusmend", dir=path.parent
        )
        self.file = os.fdopen(fd, "wb")

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self._tmp, self.mode)
            os.replace(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self.file.close()
        Path(self._tmp).unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
