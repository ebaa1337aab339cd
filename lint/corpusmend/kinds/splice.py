"""The ``splice`` kind: a block of paragraphs spliced into the middle of a sentence.

A paragraph stops without closing punctuation, one or more complete paragraphs follow (often a
quotation with its attribution), and the broken sentence resumes in lower case after them: either
as its own paragraph, or glued to the end of the block's last paragraph (``... said. to the``).

Without siblings the fix (unsafe) rejoins the broken sentence with its continuation and puts the
block in its own paragraph after it. The sibling rules can place the block better; the offsets
they need are in the hit's values (``break_at``, ``block_start``, ``block_end``,
``continuation_start``, ``continuation_end``).

The helpers here (what an open paragraph and a lower-case continuation look like) are shared by
the ``paragraph-break`` and ``dangling-attribution`` kinds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from corpusmend.document import Document, Span
from corpusmend.findings import Edit
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.fragments import broken_fragment, link_line, quote_intro, title_case
from corpusmend.passes.context import DocumentContext
from corpusmend.segmentation import ABBREVIATIONS

# The patterns anchored at the end ($) are only ever searched (for a yes or no), and REVERSE
# makes that search start at the end: it looks at the last word, not at every word of the text.
# The last word of a paragraph that stops mid-sentence: a lower-case word, maybe with a comma.
_OPEN_END = regex.compile(
    r"(?:^|\s)(?:[\p{Ll}][\p{Ll}'’-]*,?|[\p{L}\p{N}][^\s,]*,)$", regex.REVERSE
)
# Weaker endings, trusted only when the lower-case rest follows at once (the paragraph-break
# kind): a capitalised word ("... in Europe's"), a dash ("... at the open –") or a figure
# ("... set aside €584,000").
# A capitalised word may hold periods ("U.S") but not end with one: "... in Norland." is closed.
_OPEN_END_WEAK = regex.compile(
    r"[^\s:]\s+(?:\p{Lu}(?:[\p{L}'’.-]*[\p{L}'’-])?|[–—]|\p{Sc}?\d[\d,.]*\d|\p{Sc}?\d)$",
    regex.REVERSE,
)
# A paragraph that starts like a list item, a byline or a caption marker.
_LIST_START = regex.compile(r"^\s*(?:[-*•·–—>#|]|\d{1,3}[.)]|\(?[a-zA-Z0-9]{1,3}\)|\[)")
# A lower-case word that starts a continuation ("to the United Nations ...").
# It may end a quotation the block was spliced into ("... a “historic⏎⏎...⏎⏎step” for ...").
_CONTINUATION_WORD = regex.compile(r"[\p{Ll}][\p{Ll}'’-]*(?=[\s,;:]|[\"”’'][\s,;:.])")
# Lower-case starts that are not continuations: bylines, links, handles, code-ish tokens.
_NOT_CONTINUATION = regex.compile(
    r"^(?:by\s+\p{Lu}|https?:|www\.|pic\.|\S*@|\S+\.(?:com|org|net|gov|uk)\b|e\.g\.|i\.e\.)"
)
# Closing punctuation, maybe followed by closing quotes or brackets.
_CLOSED_END = regex.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?]?$", regex.REVERSE)
# A sentence end inside a paragraph followed by a lower-case word: "... said. to the ...".
_GLUED = regex.compile(r"(?<=[\p{L}\d][\"”’')\]]*)[.!?][\"”’')\]]*[^\S\n]+(?=\p{Ll})")
_WORD = regex.compile(r"\S+")
_WORD_BEFORE = regex.compile(r"(\S+)$", regex.REVERSE)  # searched backwards: O(word)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def open_paragraph(text: str, span: Span, min_words: int = 4, weak: bool = False) -> bool:
    """Whether the paragraph stops mid-sentence: it ends in a lower-case word or a comma (with
    `weak`, also a capitalised word or a dash, on a line of 8 words or more), is prose rather
    than a list item, heading or link, and has a few words."""
    para = span.slice(text)
    if para[0].islower() or _LIST_START.match(para):
        return False  # a lower-case start: itself a list item, a verse line or a continuation
    strong_end = _OPEN_END.search(para) is not None
    if not (strong_end or weak):
        return False  # the cheap test first: most paragraphs end a sentence
    last_line = para[para.rfind("\n") + 1 :]
    last_words = words(last_line)
    count = len(last_words)
    if not (strong_end or (count >= 8 and _OPEN_END_WEAK.search(para) is not None)):
        return False
    if count < min_words or (count < 12 and title_case(last_line)) or link_line(last_line):
        return False
    tail = last_words[-1]
    return not any(c in tail for c in "/@:=#")


def closed_paragraph(text: str, span: Span) -> bool:
    """Whether the paragraph ends a sentence, or is a quotation (with perhaps its source)."""
    para = span.slice(text)
    if _CLOSED_END.search(para):
        return True
    return para[0] in '“"«' and any(c in para[1:] for c in '”"»')


def continuation_at(text: str, pos: int, end: int, min_words: int = 3) -> bool:
    """Whether text[pos:end] starts like the lower-case rest of a sentence."""
    head = text[pos : min(end, pos + 80)]
    if not _CONTINUATION_WORD.match(head) or _NOT_CONTINUATION.match(head):
        return False
    return len(words(text[pos : min(end, pos + 200)])) >= min_words


def abbreviation_before(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation, an initial or a dotted acronym."""
    m = _WORD_BEFORE.search(text, 0, dot)
    if m is None:
        return True
    raw = m.group(1)
    if raw.startswith("(") and text.startswith(")", dot + 1):
        return True  # a parenthesised abbreviation: "Col. Anna Berg (Ret.)", "(Ind.)"
    word = raw.lstrip("\"“‘'([").lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return "." in word


# The start of a quotation's attribution: "he asked", "asked the mayor", "the mayor said".
_SPEECH_VERB = (
    r"(?:said|says|asked|asks|added|adds|wrote|writes|tweeted|replied|replies|cried|shouted|"
    r"yelled|exclaimed|told|tells|came|continued|wondered|demanded|joked|insisted|warned)"
)
_ATTRIBUTION_START = regex.compile(
    rf"(?:(?:he|she|they|i|we|it|you)\s+\p{{Ll}}+|{_SPEECH_VERB}\b|"
    rf"(?:the|a|an|one|his|her|their)\s+(?:\S+\s+){{0,3}}{_SPEECH_VERB}\b)"
)


def _not_a_sentence_end(text: str, m: regex.Match) -> bool:
    """Whether the glued match is no sentence end: an abbreviation's period, or a question or
    exclamation closing a quotation and followed by its attribution ('“Why?” he asked')."""
    mark = text[m.start()]
    if mark == ".":
        return abbreviation_before(text, m.start())
    if m.group(0)[1:2] not in "\"”’'":
        return False
    return _ATTRIBUTION_START.match(text, m.end()) is not None


def glued_continuations(text: str, span: Span) -> Iterator[tuple[int, int]]:
    """(sentence end, continuation start) pairs inside a paragraph: a sentence ends and the next
    one starts in lower case, as when a broken sentence's rest was glued after a block."""
    for m in _GLUED.finditer(text, span.start, span.end):
        if _not_a_sentence_end(text, m):
            continue
        cut = m.start() + len(m.group(0).rstrip())
        if continuation_at(text, m.end(), span.end):
            yield cut, m.end()


def lower_case_starts(doc: Document) -> list[int]:
    """The indices of the paragraphs that start with a lower-case letter (cached per document).
    Only these can be the lower-case rest of a broken sentence: the other paragraphs never need
    a look."""

    def compute() -> list[int]:
        text = doc.text
        return [k for k, p in enumerate(doc.paragraphs) if text[p.start].islower()]

    return doc.memo("lower_case_starts", compute)


def laid_out_in_lines(doc: Document, limit: int = 2) -> bool:
    """Whether the text breaks lines mid-sentence on purpose (verse, hard wrapping, lists):
    more than `limit` paragraphs stop open and go on in lower case."""
    return doc.memo(("laid_out_in_lines", limit), lambda: _laid_out_in_lines(doc, limit))


def _laid_out_in_lines(doc: Document, limit: int) -> bool:
    text, paras = doc.text, doc.paragraphs
    count = 0
    for k in lower_case_starts(doc):  # the only pairs whose second paragraph can go on
        if k == 0:
            continue
        a = paras[k - 1]
        if text[a.start].islower() and count < limit:
            continue  # a list item or a verse line; counted only once the text looks laid out
        if _CONTINUATION_WORD.match(text, paras[k].start) and _OPEN_END.search(a.slice(text)):
            count += 1
            if count > limit:
                return True
    return False


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

    def rejoined(self, text: str) -> Edit:
        """The edit that rejoins the sentence and puts the block in its own paragraph after."""
        block = text[self.block_start : self.block_end]
        rest = text[self.continuation_start : self.continuation_end]
        separator = text[self.break_at : self.block_start]
        return Edit(self.break_at, self.continuation_end, " " + rest + separator + block)


def _last_sentence_start(doc: Document, index: int) -> int:
    sentences = doc.sentences_in(index)
    return sentences[-1].start if sentences else doc.paragraphs[index].start


def find_splices(doc: Document, max_block: int = 4, min_words: int = 2) -> list[Splice]:
    """Every block spliced into a sentence, in document order (cached per document: SPL001 and
    ATT002 both ask; do not change the list)."""
    return doc.memo(
        ("splices", max_block, min_words), lambda: _find_splices(doc, max_block, min_words)
    )


def glued_paragraphs(doc: Document) -> set[int]:
    """The indices of the paragraphs holding a glued continuation (see
    :func:`glued_continuations`), found with one search over the whole text (cached)."""

    def compute() -> set[int]:
        text, paras = doc.text, doc.paragraphs
        found: set[int] = set()
        for m in _GLUED.finditer(text):  # no match runs over a line break
            i = doc.paragraph_at(m.start())
            if i is None or i in found:
                continue
            if _not_a_sentence_end(text, m):
                continue
            if continuation_at(text, m.end(), paras[i].end):
                found.add(i)
        return found

    return doc.memo("glued_paragraphs", compute)


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
    i = 0
    while i < len(paras) - 1:
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
        glued = next(glued_continuations(text, para), None) if j in glued_paragraphs(doc) else None
        if glued is not None:
            return Splice(
                _last_sentence_start(doc, i),
                broken.end,
                first.start,
                glued[0],
                glued[1],
                para.end,
            )
        if not closed_paragraph(text, para) or _LIST_START.match(para.slice(text)):
            return None
    return None


_QUOTES = "“‘\"'«"
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


class SpliceKind(CheckKind):
    name = "splice"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_block_paragraphs": {
                "type": "integer",
                "minimum": 1,
                "default": 4,
                "description": "the most paragraphs a spliced block may have",
            },
            "min_fragment_words": {
                "type": "integer",
                "minimum": 1,
                "default": 2,
                "description": "the fewest words on the broken paragraph's last line",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.max_block = int(params.get("max_block_paragraphs", 4))
        self.min_words = int(params.get("min_fragment_words", 2))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        for s in find_splices(doc, self.max_block, self.min_words):
            values = {
                "fragment": text[s.fragment_start : s.break_at],
                "block": text[s.block_start : s.block_end],
                "continuation": text[s.continuation_start : s.continuation_end],
                "break_at": s.break_at,
                "block_start": s.block_start,
                "block_end": s.block_end,
                "continuation_start": s.continuation_start,
                "continuation_end": s.continuation_end,
            }
            yield Hit(s.block_start, s.continuation_end, values, (s.rejoined(text),))
