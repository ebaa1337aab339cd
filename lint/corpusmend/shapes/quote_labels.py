"""A quotation paragraph that ends in its source, with a broken sentence's rest glued after it.

Quotations set apart from the text often end in their source rather than a sentence end: a
dash and a name ("... greater harm.” – The Buddha"), a reference ("...” Luke 10:3", "...” 2
Timothy 3:1-3") or a link ("...” http://example.com/x", "...” pic.twitter.com/x"); a post
quoted whole may end in its hashtags ("... a great day! #proud”"), and an embedded post in its
signature ("... — Ann Lee (@annlee) July 16, 2018"). When a
block like that was spliced into a sentence and the sentence's lower-case rest was glued after
it ("... – The Buddha values in life."), no sentence end comes before the rest, so
:mod:`corpusmend.shapes.broken_sentences` needs this shape too.

A label is a run of capitalised words, figures, dashes and links: it ends at the first
lower-case word, where the rest starts. Capitalised words without a dash, a reference or a link
are not a label (they most often start the next sentence), a name followed by a reporting verb
is an attribution ("...” — Ann Lee said on Monday"), and a name with a comma goes on in an
apposition ("...” — Ann Lee, a former envoy"): none of these is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from corpusmend.document import Document, Span
from corpusmend.gates import MAYBE_LOWER, SPACE_IN_LINE
from corpusmend.shapes.fragments import title_case

# A word of a label: a capitalised word, a figure, an ampersand, a dash or a link.
_LINK = r"(?:https?://|www\.|pic\.twitter\.com/)"
_TOKEN = rf"(?:[\p{{Lu}}\p{{N}}&–—-]|{_LINK})\S*"
# A closing quotation mark (or two: a straight one closes after a character, not a space), the
# label, and the lower-case word after it.
LABELLED = regex.compile(
    r"(?:(?<=\S)[”\"]|”)[”\"]{0,2}"
    rf"(?P<label>[^\S\n]*(?:[–—-]+[^\S\n]*)?{_TOKEN}(?:[^\S\n]+{_TOKEN}){{0,7}})"
    r"[^\S\n]+(?=\p{Ll})"
)
# An embedded post's signature, then the lower-case word ("... — Ann Lee (@annlee) July 16,
# 2018 a post that"): a post's text need not be quoted.
_POST_SIGNATURE = regex.compile(
    r"[–—-][^\S\n]*[^\n()]{1,80}?\(@\w{1,30}\)[^\S\n]+\p{Lu}\p{Ll}+\.?[^\S\n]+\d{1,2},"
    r"[^\S\n]+\d{4}(?P<end>)[^\S\n]+(?=\p{Ll})"
)
# A post's hashtags after its last sentence, then the closing mark and the lower-case word
# ("... a great day! #proud” and").
_HASHTAGS_END = regex.compile(
    r"(?<=[.!?…][\"”’')\]]*[^\S\n]+(?:#[\p{L}\p{N}_]+[^\S\n]*)+)[”\"]+[^\S\n]+(?=\p{Ll})"
)
# How far into the label a link must start, or a reference have its colon (the gates look that
# far only).
_REACH = 60
# re (gates.py) patterns, together a superset of what labelled_continuations takes: a closing
# mark (one pattern per mark: a literal first character is found far faster than a class) and
# a dash, or a link or a reference's "10:3" within reach (two more closing marks at most come
# first); or hashtags closing a quotation.
GATES = tuple(
    mark + rf"(?:[^\S\n]*[–—-]|[^\n]{{0,{_REACH + 2}}}?(?:{_LINK}|\d[^\S\n]?:[^\S\n]?\d))"
    for mark in ("”", r'"(?<=\S")')  # a straight mark closes after a character
)
HASHTAGS_GATE = "#" + r"[^\s”\"]*[”\"]+" + SPACE_IN_LINE + "+" + MAYBE_LOWER
POST_SIGNATURE_GATE = (
    r"\(@[^\s)]{1,30}\)[^\S\n]+[^\W\d_]+\.?[^\S\n]+\d{1,2},[^\S\n]+\d{4}[^\S\n]+" + MAYBE_LOWER
)
_GATES = [re.compile(p) for p in (*GATES, HASHTAGS_GATE, POST_SIGNATURE_GATE)]
QUOTATION_STARTS = '“"«'
_WORD = regex.compile(r"\S+")
# Words that make a name before them an attribution ("...” Smith said", "...” Smith later
# told").
_ATTRIBUTION_WORDS = frozenset(
    _WORD.findall(
        """said says say told tells wrote writes added adds noted notes stated states explained
    explains tweeted tweets posted posts asked asks replied replies continued continues
    concluded concludes warned warns argued argues insisted insists recalled recalls declared
    declares quipped quips later also"""
    )
)
_LINK_IN = regex.compile(_LINK)
_DASH_LABEL = regex.compile(r"\s*[–—-]+\s*\p{Lu}")
_REFERENCE = regex.compile(r"\p{Lu}\p{Ll}*\.?[^\S\n]+\d+[^\S\n]?:[^\S\n]?\d")
_SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*$")


def _is_label(label: str) -> bool:
    """A dash and a capitalised word, a reference ('Luke 10:3') or a link make words after a
    quotation its source. Capitalised words alone do not: after a quotation they most often
    start the next sentence ('...” Then he ...', '...” Mr. Lee is ...')."""
    if _DASH_LABEL.match(label) is not None:
        return True
    reference = _REFERENCE.search(label)
    if reference is not None and label.index(":", reference.start()) <= _REACH:
        return True
    return _LINK_IN.search(label, 0, _REACH) is not None


def _rest_fits(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reads as a sentence's rest: it ends a sentence, is not a
    headline, and does not start with a reporting verb ('...” — Ann Lee said on Monday')."""
    rest = text[start:end]
    if not _SENTENCE_END.search(rest.rstrip()) or title_case(rest):
        return False
    first = [w.strip(",;:").lower() for w in _WORD.findall(rest[:60])[:2]]
    return not any(w in _ATTRIBUTION_WORDS for w in first)


def may_hold_labels(text: str) -> bool:
    """The cheap test: whether a labelled quotation or one closing after hashtags may be in
    the text at all (the gates' search)."""
    return any(g.search(text) is not None for g in _GATES)


def labelled_continuations(doc: Document, span: Span) -> Iterator[tuple[int, int]]:
    """(label end, rest start) pairs in a quotation paragraph: its quotation closes, a source
    label follows (or the quotation closes after a post's hashtags), and what may be a
    sentence's lower-case rest is glued after it (the caller checks that it starts like one);
    in any paragraph, the same after an embedded post's signature."""
    text = doc.text
    if text.find("(@", span.start, span.end) >= 0:
        for m in _POST_SIGNATURE.finditer(text, span.start, span.end):
            if _rest_fits(text, m.end(), span.end):
                yield m.start("end"), m.end()
    if text[span.start] not in QUOTATION_STARTS:
        return
    for m in LABELLED.finditer(text, span.start, span.end):
        label = m.group("label")
        if label.split()[-1][-1] in ",;:" or not _is_label(label):
            continue
        if _rest_fits(text, m.end(), span.end):
            yield m.start("label") + len(label.rstrip()), m.end()
    for m in _HASHTAGS_END.finditer(text, span.start, span.end):
        if _rest_fits(text, m.end(), span.end):
            yield m.start() + len(m.group(0).rstrip()), m.end()
