"""The document model: text plus lazily computed structure shared by every check."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from corpusmend import segmentation
from corpusmend.gates import CASE_TRAPS
from corpusmend.segmentation import Abbreviations

if TYPE_CHECKING:
    from corpusmend.readers.base import RecordSource

T = TypeVar("T")
_CASE_TRAP = re.compile(CASE_TRAPS)


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

    def spans(self, text_length: int) -> list[Span]:
        """Each line's span, line break excluded (as ``text.split("\\n")`` cuts them)."""
        ends = [s - 1 for s in self._starts[1:]]
        ends.append(text_length)
        return [Span(s, e) for s, e in zip(self._starts, ends, strict=True)]


class Document:
    """One text to check: an id, the text, metadata and, when it came from a file, its path.

    The document model owns the text's structure: lines, paragraphs, sentences (and whether a
    period ends one), quotations. Each is computed on first use and cached, so every check
    shares them; checks ask the document rather than cutting the text themselves.
    `abbreviations` are the tables sentence splitting reads (the built-in ones by default; the
    linter passes those of its loaded packs). Sentences are also computed (and cached) one
    paragraph at a time (:meth:`sentences_in`), so a check that needs the sentences around one
    place does not pay for the whole document; :meth:`memo` caches any other per-document work
    checks share.

    `metadata` is the user's: a record's other fields, or what the caller passes. What the
    readers need to write the document back is kept apart from it: `source` (where a record
    came from in its JSONL/CSV/Parquet file) and `bom` (a text file started with a UTF-8 BOM).
    """

    def __init__(
        self,
        text: str,
        id: str | None = None,
        metadata: dict[str, Any] | None = None,
        path: str | Path | None = None,
        abbreviations: Abbreviations | None = None,
        *,
        source: RecordSource | None = None,
        bom: bool = False,
    ) -> None:
        self.text = text
        self._abbreviations = abbreviations
        self.path = str(path) if path is not None else None
        self.id = id if id is not None else (self.path or "<text>")
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.source = source
        self.bom = bom

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, {len(self.text)} chars)"

    def with_text(self, text: str) -> Document:
        return Document(
            text,
            id=self.id,
            metadata=self.metadata,
            path=self.path,
            source=self.source,
            bom=self.bom,
            abbreviations=self.abbreviations,
        )

    @property
    def abbreviations(self) -> Abbreviations:
        if self._abbreviations is None:
            self._abbreviations = segmentation.builtin_abbreviations()
        return self._abbreviations

    def with_abbreviations(self, abbreviations: Abbreviations) -> Document:
        """This document, split into sentences with other tables (itself when they are the
        same: the usual case, which keeps every cached structure)."""
        if abbreviations is self.abbreviations or abbreviations == self.abbreviations:
            return self
        return Document(
            self.text,
            id=self.id,
            metadata=self.metadata,
            path=self.path,
            abbreviations=abbreviations,
            source=self.source,
            bom=self.bom,
        )

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def line_spans(self) -> list[Span]:
        """Each line's span, line break excluded (a final line break leaves an empty last line)."""
        return self.lines.spans(len(self.text))

    @cached_property
    def paragraphs(self) -> list[Span]:
        return [Span(s, e) for s, e in segmentation.paragraphs(self.text)]

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> int | None:
        """The index of the paragraph holding text[offset], or None between paragraphs."""
        i = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return i if i >= 0 and offset < self.paragraphs[i].end else None

    def paragraph_start(self, offset: int) -> int:
        """The start of the last paragraph starting at or before `offset` (0 when none), found
        without splitting the whole text when :attr:`paragraphs` is not built yet."""
        if "paragraphs" in self.__dict__:
            i = bisect.bisect_right(self.paragraph_starts, offset) - 1
            return self.paragraphs[i].start if i >= 0 else 0
        return segmentation.paragraph_start(self.text, offset)

    def sentences_in(self, index: int) -> list[Span]:
        """The sentences of paragraph `index` (those of :attr:`sentences` that start in it)."""
        cache = self._paragraph_sentences
        found = cache.get(index)
        if found is None:
            p = self.paragraphs[index]
            found = [
                Span(s, e)
                for s, e in segmentation.sentences(self.text, p.start, p.end, self.abbreviations)
            ]
            cache[index] = found
        return found

    @cached_property
    def _paragraph_sentences(self) -> dict[int, list[Span]]:
        return {}

    @cached_property
    def sentences(self) -> list[Span]:
        return [s for i in range(len(self.paragraphs)) for s in self.sentences_in(i)]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding text[offset], if any."""
        i = self.paragraph_at(offset)
        if i is None:
            return None
        return next((s for s in self.sentences_in(i) if s.start <= offset < s.end), None)

    def abbreviation_before(self, dot: int) -> bool:
        """Whether the period at text[dot] may end an abbreviation, an initial or a dotted acronym
        rather than a sentence, whatever follows it (the test for a period glued to lower case,
        where sentence splitting never cuts)."""
        return segmentation.abbreviation_before(self.text, dot, self.abbreviations)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute(), once per document and key: work several checks share (the splices that
        SPL001 and ATT002 both look for, say). The key must name everything compute depends on
        besides this document."""
        cache = self._memo
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    @cached_property
    def _memo(self) -> dict[Hashable, Any]:
        return {}

    @cached_property
    def quotations(self) -> list[Span]:
        return [Span(s, e) for s, e in segmentation.quotations(self.text, self.paragraphs)]

    def lower(self) -> str:
        """The text in lower case (computed once: gates search it for words in any case)."""
        return self.memo("lower", self.text.lower)

    def case_traps(self) -> bool:
        """Whether the text holds a character that may match an ASCII letter case-insensitively
        yet not lower-case to it (``corpusmend.gates.CASE_TRAPS``): then :meth:`lower` cannot
        stand for the text in a search for words in any case. Computed once."""
        return self.memo("case_traps", lambda: _CASE_TRAP.search(self.text) is not None)

    def line_span(self, index: int) -> Span:
        """The span of line `index` (0-based), line break excluded, without building
        :attr:`line_spans` for the whole text."""
        lines = self.lines
        start = lines.line_start(index + 1)
        end = lines.line_start(index + 2) - 1 if index + 1 < lines.line_count else len(self.text)
        return Span(start, end)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)
