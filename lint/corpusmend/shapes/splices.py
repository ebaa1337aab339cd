"""Blocks of paragraphs spliced into the middle of a sentence (see the ``splice`` kind).

A paragraph stops without closing punctuation, one or more complete paragraphs follow (often a
quotation with its attribution), and the broken sentence resumes in lower case after them: either
as its own paragraph, or glued to the end of the block's last paragraph (``... said. to the``).
:func:`find_splices` is cached per document: the ``splice`` and ``dangling-attribution`` kinds
both ask.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from corpusmend.document import Document, Span
from corpusmend.findings import Edit
from corpusmend.shapes.broken_sentences import (
    closed_paragraph,
    continuation_at,
    glued_continuations,
    glued_paragraphs,
    laid_out_in_lines,
    lower_case_starts,
)
from corpusmend.shapes.fragments import LIST_START, broken_fragment, quote_intro


@dataclass(frozen=True, slots=True)
class Splice:
    """A sentence broken at `break_at`; the block text[block_start:block_end] sits in the
    break; the sentence resumes at text[continuation_start:continuation_end]."""

    fragment_start: int
    break_at: int
    block_start: int
    block_end: int
    continuation_start: int
    continuation_end: int

    def rejoined(self, text: str, place: int | None = None) -> tuple[Edit, ...]:
        """The edits that rejoin the sentence and put the block in its own paragraph after it,
        or, given `place` (a later paragraph's end), after that paragraph."""
        block = text[self.block_start : self.block_end]
        rest = text[self.continuation_start : self.continuation_end]
        separator = text[self.break_at : self.block_start]
        if place is None:
            return (Edit(self.break_at, self.continuation_end, " " + rest + separator + block),)
        return (
            Edit(self.break_at, self.continuation_end, " " + rest),
            Edit(place, place, separator + block),
        )


def _last_sentence_start(doc: Document, index: int) -> int:
    sentences = doc.sentences_in(index)
    return sentences[-1].start if sentences else doc.paragraphs[index].start


def find_splices(doc: Document, max_block: int = 4, min_words: int = 2) -> list[Splice]:
    """Every block spliced into a sentence, in document order (cached per document: SPL001 and
    ATT002 both ask; do not change the list)."""
    return doc.memo(
        ("splices", max_block, min_words), lambda: _find_splices(doc, max_block, min_words)
    )


def _may_splice(doc: Document) -> bool:
    """The cheap, exact test: a splice resumes either in a lower-case paragraph two or more
    paragraphs after the break, or glued after a sentence end inside a later paragraph."""
    if any(k >= 2 for k in lower_case_starts(doc)):
        return True
    return any(i >= 1 for i in glued_paragraphs(doc))


def _find_splices(doc: Document, max_block: int, min_words: int) -> list[Splice]:
    paras = doc.paragraphs
    if not _may_splice(doc) or laid_out_in_lines(doc):
        return []
    found: list[Splice] = []
    # A splice after paragraph i resumes in a paragraph j in i+1..i+max_block that starts in
    # lower case or holds a glued continuation: other paragraphs need no look.
    text = doc.text
    resumes = glued_paragraphs(doc) | {
        k for k, p in enumerate(paras) if k >= 2 and _LOWER_START.match(text, p.start)
    }
    may_break = {j - d for j in resumes for d in range(1, max_block + 1)}
    i = 0
    while i < len(paras) - 1:
        if i not in may_break:
            i += 1
            continue
        splice = _splice_after(doc, i, max_block, min_words)
        if splice is None:
            i += 1
            continue
        found.append(splice)
        i = next(k for k, p in enumerate(paras) if p.end >= splice.continuation_end) + 1
    return found


def _splice_after(doc: Document, i: int, max_block: int, min_words: int) -> Splice | None:
    text, paras = doc.text, doc.paragraphs
    broken = paras[i]
    first = paras[i + 1]
    if not _starts_block(text, first):
        return None  # lower case: a plain paragraph break (the paragraph-break kind)
    quotation = text[first.start] in _QUOTES
    if not broken_fragment(doc, i, min_words):
        # A short line in headline grammar ("The two leaders") may be a sub-heading: only a
        # single quotation paragraph with the rest right after it shows it is a fragment.
        if not (quotation and broken_fragment(doc, i, min_words, heading_too=True)):
            return None
        max_block = 2  # the quotation, then the rest (or the rest glued to it)
    if quotation and quote_intro(broken.slice(text)):
        return None  # "..., the minister said," and the quotation it introduces
    for j in range(i + 1, min(i + 1 + max_block, len(paras))):
        para = paras[j]
        if j > i + 1 and _continuation_paragraph(text, para):
            if not closed_paragraph(text, paras[j - 1]):
                return None
            return Splice(
                _last_sentence_start(doc, i),
                broken.end,
                first.start,
                paras[j - 1].end,
                para.start,
                para.end,
            )
        glued = next(glued_continuations(doc, para), None) if j in glued_paragraphs(doc) else None
        if glued is not None:
            return Splice(
                _last_sentence_start(doc, i),
                broken.end,
                first.start,
                glued[0],
                glued[1],
                para.end,
            )
        if not closed_paragraph(text, para) or LIST_START.match(para.slice(text)):
            return None
    return None


_QUOTES = "“‘\"'«"
# What a continuation paragraph starts with (_continuation_paragraph's first test)
_LOWER_START = regex.compile(r"\p{Ll}")
_ENDS_IN_LINK = regex.compile(r"(?:https?://|www\.|pic\.)\S+$", regex.REVERSE)


def _continuation_paragraph(text: str, para: Span) -> bool:
    """Whether the paragraph is a sentence's lower-case rest: not the text of an embedded post,
    which ends in its link."""
    if not continuation_at(text, para.start, para.end):
        return False
    return _ENDS_IN_LINK.search(text, para.start, para.end) is None


def _starts_block(text: str, para: Span) -> bool:
    ch = text[para.start]
    return ch.isupper() or ch in _QUOTES
