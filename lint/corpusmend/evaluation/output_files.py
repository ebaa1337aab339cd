"""Files the evaluation writes for people to read, each written atomically."""

from __future__ import annotations

from pathlib import Path

from corpusmend.writers.atomic import AtomicFile


def write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` whole or not at all."""
    out = AtomicFile(path)
    try:
        out.file.write(text.encode("utf-8", "surrogateescape"))
    except BaseException:
        out.abort()
        raise
    out.commit()
