"""Readers turn paths into documents. Each input format lives in its own module here."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.document import Document
from lint.readers.text import decode, looks_binary, read_text_document

TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read; reported, never fatal to the run."""

    path: str
    message: str


def discover(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files named on the command line, and text files under directories (sorted, no hidden)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).parts
                if (
                    f.is_file()
                    and f.suffix in TEXT_SUFFIXES
                    and not any(part.startswith(".") for part in rel)
                ):
                    yield f
        else:
            yield path


def read_documents(paths: Iterable[str]) -> Iterator[Document | ReadProblem]:
    for p in discover(paths):
        if p == "-":
            text, _ = decode(sys.stdin.buffer.read())
            yield Document(text, id="-")
            continue
        assert isinstance(p, Path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            yield ReadProblem(str(p), f"cannot read: {exc.strerror or exc}")
            continue
        if looks_binary(data):
            yield ReadProblem(str(p), "binary file (NUL bytes), skipped")
            continue
        yield read_text_document(p, data)
