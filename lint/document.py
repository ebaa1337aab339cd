"""The document model: text plus lazily computed structure shared by every check."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lint import segmentation


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class LineIndex:
    """Maps code-point offsets to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


class Document:
    """One text to check: an id, the text, metadata and, when it came from a file, its path.

    Paragraphs, sentences, quotations and the line index are computed on first use and cached,
    so every check shares them.
    """

    def __init__(
        self,
        text: str,
        id: str | None = None,
        metadata: dict[str, Any] | None = None,
        path: str | Path | None = None,
    ) -> None:
        self.text = text
        self.path = str(path) if path is not None else None
        self.id = id if id is not None else (self.path or "<text>")
        self.metadata: dict[str, Any] = dict(metadata or {})

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, {len(self.text)} chars)"

    def with_text(self, text: str) -> Document:
        return Document(text, id=self.id, metadata=self.metadata, path=self.path)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return [Span(s, e) for s, e in segmentation.paragraphs(self.text)]

    @cached_property
    def sentences(self) -> list[Span]:
        return [
            Span(s, e)
            for p in self.paragraphs
            for s, e in segmentation.sentences(self.text, p.start, p.end)
        ]

    @cached_property
    def quotations(self) -> list[Span]:
        return [Span(s, e) for s, e in segmentation.quotations(self.text, self.paragraphs)]

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)
