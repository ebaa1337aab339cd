"""Plain text files: one document per file, read as bytes so that no byte is ever lost.

Invalid UTF-8 bytes are kept as lone surrogates (Python's ``surrogateescape``), so they can be
reported (ENC002) and written back unchanged when not fixed. A UTF-8 BOM is remembered and
restored on writing.
"""

from __future__ import annotations

from pathlib import Path

from corpusmend.document import Document

BOM = "\ufeff"


def decode(data: bytes) -> tuple[str, bool]:
    """Bytes to text; returns (text, had_bom)."""
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def encode(text: str, bom: bool = False) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8", errors="surrogateescape")


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KB marks a binary file (as git and grep decide)."""
    return b"\x00" in data[:8192]


def read_text_document(path: Path, data: bytes | None = None) -> Document:
    raw = path.read_bytes() if data is None else data
    text, bom = decode(raw)
    return Document(text, id=str(path), path=path, bom=bom)
