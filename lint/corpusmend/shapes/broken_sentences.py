"""What a sentence broken by a paragraph break looks like: a paragraph that stops open, the
lower-case rest of a sentence, and a sentence's rest glued after a sentence end.

Shared by the ``splice``, ``paragraph-break`` and ``dangling-attribution`` kinds (and
:mod:`corpusmend.shapes.splices`); what a document caches is cached through :meth:`Document.memo`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from corpusmend.document import Document, Span
from corpusmend.shapes.fragments import LIST_START, link_line, title_case
from corpusmend.shapes.quote_labels import (
    QUOTATION_STARTS,
    labelled_continuations,
    may_hold_labels,
)

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
# A lower-case word that starts a continuation ("to the United Nations ...").
# It may end a quotation the block was spliced into ("... a “historic⏎⏎...⏎⏎step” for ...")
# or run into a dash or an ellipsis ("large—up until 1857", "elections…and"), or end a
# quoted question ("... murdering each⏎⏎...⏎⏎other?” the governor said").
_CONTINUATION_WORD = regex.compile(r"[\p{Ll}][\p{Ll}'’-]*(?=[\s,;:–—…]|[.?!]?[\"”’'][\s,;:.])")
# Lower-case starts that are not continuations: bylines, links, handles, code-ish tokens.
_NOT_CONTINUATION = regex.compile(
    r"^(?:by\s+\p{Lu}|https?:|www\.|pic\.|\S*@|\S+\.(?:com|org|net|gov|uk)\b|e\.g\.|i\.e\.)"
)
# Closing punctuation, maybe followed by closing quotes or brackets.
_CLOSED_END = regex.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?]?$", regex.REVERSE)
# A sentence end inside a paragraph followed by a lower-case word: "... said. to the ...".
# A quotation that trails off ("...for all…”") ends there too, as does a doubled mark ("...
# you don't??” because") and a period some sites set after a space ("... on Twitter . and").
_GLUED = regex.compile(
    r"(?<=[\p{L}\d][\"”’')\]]*)(?:[.!?][!?]*[\"”’')\]]*|…[\"”’')\]]+)[^\S\n]+(?=\p{Ll})"
)
_GLUED_SPACED = regex.compile(r"(?<=[\p{L}\d][\"”’')\]]*[^\S\n])\.[\"”’')\]]*[^\S\n]+(?=\p{Ll})")


def _glued(text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match]:
    """The matches of _GLUED in text[start:end], then those of _GLUED_SPACED (only looked for
    when the text has a period after a space)."""
    end = len(text) if end is None else end
    yield from _GLUED.finditer(text, start, end)
    if " ." in text:
        yield from _GLUED_SPACED.finditer(text, start, end)


_QUOTE_CLOSERS = "\"”’'"
_WORD = regex.compile(r"\S+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def open_paragraph(text: str, span: Span, min_words: int = 4, weak: bool = False) -> bool:
    """Whether the paragraph stops mid-sentence: it ends in a lower-case word or a comma (with
    `weak`, also a capitalised word or a dash, on a line of 8 words or more), is prose rather
    than a list item, heading or link, and has a few words."""
    para = span.slice(text)
    if para[0].islower() or LIST_START.match(para):
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


# The start of a quotation's attribution: "he asked", "asked the mayor", "the mayor said".
_SPEECH_VERB = (
    r"(?:said|says|asked|asks|added|adds|wrote|writes|tweeted|replied|replies|cried|shouted|"
    r"yelled|exclaimed|told|tells|came|continued|wondered|demanded|joked|insisted|warned)"
)
# A pronoun and a verb ("she laughed"), not an auxiliary: "...surprise…” she will never be
# forgotten" is the rest of another sentence.
_AUXILIARY = (
    r"(?:will|would|can|could|should|may|might|must|shall|is|was|are|were|has|have|had|do|does"
    r"|did)"
)
_ATTRIBUTION_START = regex.compile(
    rf"(?:(?:he|she|they|i|we|it|you)\s+(?!{_AUXILIARY}\b)\p{{Ll}}+|{_SPEECH_VERB}\b|"
    rf"(?:the|a|an|one|his|her|their)\s+(?:\S+\s+){{0,3}}{_SPEECH_VERB}\b)"
)


def _not_a_sentence_end(doc: Document, m: regex.Match) -> bool:
    """Whether the glued match is no sentence end: an abbreviation's period, or a question or
    exclamation closing a quotation and followed by its attribution ('“Why?” he asked')."""
    text = doc.text
    mark = text[m.start()]
    if mark == ".":
        dot = m.start()
        # the word before it, even across a space ("... Twitter . and")
        return doc.abbreviation_before(dot - 1 if text[dot - 1].isspace() else dot)
    if not any(c in _QUOTE_CLOSERS for c in m.group(0)):
        return False
    return _ATTRIBUTION_START.match(text, m.end()) is not None


def glued_continuations(doc: Document, span: Span) -> Iterator[tuple[int, int]]:
    """(sentence end, continuation start) pairs inside a paragraph, in text order: a sentence
    ends (or a quotation ends in its source label, :mod:`corpusmend.shapes.quote_labels`) and
    the next one starts in lower case, as when a broken sentence's rest was glued after a
    block."""
    text = doc.text
    found = []
    for m in _glued(text, span.start, span.end):
        if _not_a_sentence_end(doc, m):
            continue
        if text[m.start()] == "…" and text[span.start] not in '“"‘«':
            continue  # only a quotation paragraph trails off to its end: '...when…” is' goes on
        cut = m.start() + len(m.group(0).rstrip())
        if continuation_at(text, m.end(), span.end):
            found.append((cut, m.end()))
    for cut, start in labelled_continuations(doc, span):
        if continuation_at(text, start, span.end):
            found.append((cut, start))
    return iter(sorted(found))


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


def glued_paragraphs(doc: Document) -> set[int]:
    """The indices of the paragraphs holding a glued continuation (see
    :func:`glued_continuations`), found with one search over the whole text (cached)."""

    def compute() -> set[int]:
        text, paras = doc.text, doc.paragraphs
        found: set[int] = set()
        for m in _glued(text):  # no match runs over a line break
            i = doc.paragraph_at(m.start())
            if i is None or i in found:
                continue
            if _not_a_sentence_end(doc, m):
                continue
            if continuation_at(text, m.end(), paras[i].end):
                found.add(i)
        if not may_hold_labels(text):
            return found
        for i, p in enumerate(paras):  # a quotation ending in a label or hashtags
            if i in found:
                continue
            if text[p.start] not in QUOTATION_STARTS and text.find("(@", p.start, p.end) < 0:
                continue
            if any(continuation_at(text, s, p.end) for _, s in labelled_continuations(doc, p)):
                found.add(i)
        return found

    return doc.memo("glued_paragraphs", compute)
