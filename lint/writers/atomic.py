"""Replace a file atomically: temporary file in the same folder, fsync, rename; mode kept."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lint.errors import CorpusmendError


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
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".corpusmend", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
