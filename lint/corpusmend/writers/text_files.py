"""Write a fixed plain-text document back over its file (atomic, BOM kept)."""

from __future__ import annotations

from pathlib import Path

from corpusmend.readers.text import encode
from corpusmend.runner import DocumentResult
from corpusmend.writers.atomic import write_atomic


def write_fixed_text_file(result: DocumentResult) -> None:
    """Write `result.fixed_text` over `result.doc.path`; raises OSError / CorpusmendError.

    The file must still hold exactly the bytes that were checked, or nothing is written.
    """
    doc = result.doc
    assert result.fixed_text is not None and doc.path is not None
    bom = doc.bom
    write_atomic(Path(doc.path), encode(result.fixed_text, bom), encode(doc.text, bom))
