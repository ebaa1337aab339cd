"""A quotation paragraph that ends in its source, with a broken sentence's rest glued after it.

Quotations set apart from the text often end in their source rather than a sentence end: a
dash and a name ("... greater harm.” – The Buddha"), a reference ("...” Luke 10:3", "...” 2
Timothy 3:1-3") or a link ("...” http://example.com/x", "...” pic.twitter.com/x"); a post
quoted whole may end in its hashtags ("... a great day! #proud”"). When a
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
    r"(?:(?<=\S)[”\"]|”)[”\"]*"
    rf"(?P<label>[^\S\n]*(?:[–—-]+[^\S\n]*)?{_TOKEN}(?:[^\S\n]+{_TOKEN}){{0,7}})"
    r"[^\S\n]+(?=\p{Ll})"
)
# A post's hashtags after its last sentence, then the closing mark and the lower-case word
# ("... a great day! #proud” and").
_HASHTAGS_END = regex.compile(
    r"(?<=[.!?…][\"”’')\]]*[^\S\n]+(?:#[\p{L}\p{N}_]+[^\S\n]*)+)[”\"]+[^\S\n]+(?=\p{Ll})"
)
# re (gates.py): a hashtag closing a quotation before a space and what may be lower case.
HASHTAGS_GATE = r"#[^\s”\"]*[”\"]+" + SPACE_IN_LINE + "+" + MAYBE_LOWER
# re (gates.py) reads this as a superset of LABELLED's start: a closing mark, spaces, and a
# character a label may start with (anything but white space and the ASCII characters that
# start no label word: punctuation but "&" and "-", and lower-case letters but the "h", "p" and
# "w" a link starts with).
GATE = r"[”\"][^\S\n]*[^\x00-\x25\x27-\x2c\x2e\x2f\x3a-\x40\x5b-\x67\x69-\x6f\x71-\x76\x78-\x7f\s]"
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
_REFERENCE = regex.compile(r"\p{Lu}\p{Ll}*\.?\s+\d+\s*:\s*\d")
_SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*$")


def _is_label(label: str) -> bool:
    """A dash and a capitalised word, a reference ('Luke 10:3') or a link make words after a
    quotation its source. Capitalised words alone do not: after a quotation they most often
    start the next sentence ('...” Then he ...', '...” Mr. Lee is ...')."""
    if _DASH_LABEL.match(label) is not None:
        return True
    return _REFERENCE.search(label) is not None or _LINK_IN.search(label) is not None


def _rest_fits(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reads as a sentence's rest: it ends a sentence, is not a
    headline, and does not start with a reporting verb ('...” — Ann Lee said on Monday')."""
    rest = text[start:end]
    if not _SENTENCE_END.search(rest.rstrip()) or title_case(rest):
        return False
    first = [w.strip(",;:").lower() for w in _WORD.findall(rest[:60])[:2]]
    return not any(w in _ATTRIBUTION_WORDS for w in first)


def candidates(text: str) -> Iterator[int]:
    """Where a labelled quotation or one closing after hashtags may end, in the whole text
    (:func:`labelled_continuations` decides)."""
    for m in LABELLED.finditer(text):
        yield m.start()
    for m in _HASHTAGS_END.finditer(text):
        yield m.start()


def labelled_continuations(doc: Document, span: Span) -> Iterator[tuple[int, int]]:
    """(label end, rest start) pairs in a quotation paragraph: its quotation closes, a source
    label follows (or the quotation closes after a post's hashtags), and what may be a
    sentence's lower-case rest is glued after it (the caller checks that it starts like one)."""
    text = doc.text
    if text[span.start] not in '“"«':
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
