"""The ``truncation`` kind: a document that stops mid-sentence, mid-word or inside a quotation.

Only the last line of the text is judged, after skipping trailing page furniture (the lines the
boilerplate tables list). It is not truncated when it ends with closing punctuation, a closing
bracket or quote, a digit, a colon or a URL, and it is never judged when it looks like something
other than prose: a short line (a heading, a byline, a caption, a sign-off such as "Yours
sincerely,"), a list item, or a line in title case or capitals. Prose that ends on a lower-case
word, a comma, a semicolon or a dangling hyphen is cut off (in a text that uses full stops at
all); so is prose whose last paragraph opens a quotation it never closes, and an excerpt that
ends with a "[…]" cut marker. A short last line is judged apart (see ``_how_short`` and
``_unfinished_phrase``): only a quotation left open, a last word no sentence ends on or a cut
word, or a sentence-case phrase after paragraphs that all end a sentence, makes it cut off.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from corpusmend.document import Document
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.furniture import FurnitureLines

_CLOSERS = "\"'”’»)]}*"
_TERMINAL = ".!?…"
_URL = regex.compile(r"(?:https?://|www\.)\S+$|\S+\.(?:com|org|net|html?|php)/?\S*$", regex.I)
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•–—·>]|\d{1,3}[.)]|[a-z][.)])\s")
_CUT_MARKER = regex.compile(r"\s*[\[(](?:…|\.\.\.)[\])]$")
_PUNCTUATED = regex.compile(r"\w[.!?][\"'”’)]*\s")
_DANGLING = regex.compile(r"(?:\w[,;]|\w-|\s[–—-]|\b\p{Ll}[\p{Ll}’']*)$")

# A figure after a lower-case word other than "and"/"or" (a list's last item), not a year.
_CUT_NUMBER = regex.compile(
    r"(?<!\b(?:and|or))[^\S\n](?<=\b\p{Ll}+[^\S\n])[$€£]?(?!(?:19|20)\d\d$)\d[\d,.]*$"
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STRAIGHT_QUOTE = regex.compile('"')  # compiled once: regex.finditer looks it up every call
_OPENING_QUOTE = '“"‘«'
# Words no English sentence ends on: a short last line ending on one is a cut sentence ("Officials
# in the town said the"). Left out: words that end set phrases and sign-offs ("Follow us on",
# "Posted in", "Written by", "Thank you all", "Read more", "Imagine that", "Here it is").
_ENDLESS = _word_set(
    "the a an his her their its our my your each every of to for with from into about than "
    "against between among toward towards upon within via despite including and or but nor "
    "because while whose which has have had will would could should said says"
)
# Every English word of one or two letters: a shorter last word not among them is a cut word.
_SHORT_WORDS = _word_set(
    "i am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we "
    "ah eh ha ma pa ex ox ye yo"
)
# Words of closing lines and sign-offs ("Thanks for reading", "Until next time", "God bless
# you all"): a short last line with one of them is not a cut sentence.
_SIGN_OFF = _word_set(
    "i me my we us our you your yours everyone everybody all thanks thank thankyou bless "
    "blessings love peace cheers regards wishes safe soon time later tuned more next reading "
    "watching listening sincerely faithfully truly end continued"
)


def _open_quotation(paragraph: str) -> bool:
    """True when the paragraph opens a quotation it does not close."""
    if paragraph.count("“") > paragraph.count("”") and not paragraph.rstrip().endswith("”"):
        return True
    straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(paragraph)]
    if len(straight) % 2 == 0:
        return False
    last = straight[-1]
    before = paragraph[last - 1] if last else " "
    after = paragraph[last + 1] if last + 1 < len(paragraph) else " "
    return before.isspace() and not after.isspace()


def _looks_like_prose(line: str, min_words: int) -> bool:
    words = line.split()
    if len(words) < min_words or _LIST_ITEM.match(line):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    capitalised = sum(1 for w in letters if w[:1].isupper())
    return capitalised <= 0.6 * len(letters)


@register_kind
class TruncationKind(CheckKind):
    name = "truncation"
    message_values = frozenset({"match", "how"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "min_words": {
                "type": "integer",
                "minimum": 1,
                "default": 8,
                "description": "a shorter last line is a heading, byline or sign-off",
            },
            "skip_phrases": {
                "type": "string",
                "description": "data table of furniture lines skipped at the end (phrases)",
            },
            "skip_patterns": {
                "type": "string",
                "description": "data table of furniture lines skipped at the end (patterns)",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_words = int(params.get("min_words", 8))
        skip = "skip_phrases" in params or "skip_patterns" in params
        self.furniture = (
            FurnitureLines(
                self.data_table("skip_phrases"),
                self.data_table("skip_patterns"),
                param="skip_patterns",
            )
            if skip
            else None
        )

    def gate(self) -> Gate:
        return Gate.always("document-end")  # the last line, its paragraph, its sentences

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text.rstrip()
        line_start = text.rfind("\n") + 1
        while self.furniture is not None and self.furniture.matches_line(text[line_start:]):
            text = text[:line_start].rstrip()
            line_start = text.rfind("\n") + 1
        line = text[line_start:].strip()
        if not line:
            return
        paragraph = text[doc.paragraph_start(line_start) :]
        how = self._how(line, paragraph)
        if how is None and paragraph.strip() == line and len(line.split()) < self.min_words:
            pars = [text[p.start : p.end] for p in doc.paragraphs if p.end <= line_start]
            if _how_short(line, line) is None and _unfinished_phrase(line, pars[1:]):
                how = "mid-sentence"  # after a title, every paragraph ends a sentence but this
        if how in ("mid-word", "mid-sentence") and not _PUNCTUATED.search(text):
            return
        if how is None:
            return
        start = self._tail_start(doc, len(text), line_start)
        yield Hit(start, len(text), {"match": text[start:], "how": how})

    def _how(self, line: str, paragraph: str) -> str | None:
        if len(line.split()) < self.min_words:
            return _how_short(line, paragraph)
        if not _looks_like_prose(line, self.min_words):
            return None
        if line[0] in _OPENING_QUOTE and _open_quotation(paragraph):
            return "inside a quotation"  # whatever the last word: a digit, a name
        if _CUT_MARKER.search(line):
            return "with a cut marker"
        if line[-1] in _TERMINAL or line[-1] in _CLOSERS:
            return "inside a quotation" if _open_quotation(paragraph) else None
        if line[-1].isdigit() and _CUT_NUMBER.search(line):
            return "mid-sentence"  # "... passed by 7", "... set aside $25.9"
        if line[-1].isdigit() or line[-1] == ":" or _URL.search(line):
            return None
        if line.endswith("-") and line[-2:-1].isalpha():
            return "mid-word"
        if _DANGLING.search(line):
            return "mid-sentence"
        return None

    @staticmethod
    def _tail_start(doc: Document, end: int, line_start: int) -> int:
        """Where the unfinished sentence starts: the last sentence of the last line."""
        paragraphs = doc.paragraphs  # those from the last line on: their sentences only
        first = len(paragraphs)
        while first > 0 and paragraphs[first - 1].end > line_start:
            first -= 1
        starts = [
            s.start
            for i in range(first, len(paragraphs))
            for s in doc.sentences_in(i)
            if line_start <= s.start < end
        ]
        start = starts[-1] if starts else line_start
        while start < end and doc.text[start].isspace():
            start += 1
        return start


def _how_short(line: str, paragraph: str) -> str | None:
    """A short last line is a heading, a byline or a sign-off unless it opens a quotation it
    never closes, or ends on a word no sentence ends on, or on a cut word ("The measure o")."""
    words = line.split()
    if len(words) < 2 or _LIST_ITEM.match(line) or ":" in line or "|" in line:
        return None
    if line[0] in _OPENING_QUOTE:
        if _open_quotation(paragraph):
            return "inside a quotation"
        return None
    if not line[0].isupper():
        return None
    last = words[-1]
    if len(words) >= 4 and last[-1] in ",;" and last[:-1].isalpha():
        return "mid-sentence"  # "Ann Lee, a local farmer," (a sign-off with a comma is short)
    if not (last.isalpha() and last.islower()):
        return None
    if last in _ENDLESS:
        return "mid-sentence"
    if len(last) <= 2 and last not in _SHORT_WORDS:
        return "mid-word"
    return None


def _unfinished_phrase(line: str, earlier: Sequence[str]) -> bool:
    """A short last line in sentence case after paragraphs that all end a sentence: the start of
    one more sentence ("The rail operator"), unless it has words of a sign-off."""
    words = line.split()
    if len(words) < 3 or len(earlier) < 3:
        return False
    if not all(p.rstrip()[-1:] in _TERMINAL + _CLOSERS for p in earlier):
        return False
    rest = [w for w in words[1:] if w[:1].isalpha()]
    if sum(w[0].isupper() for w in rest) * 2 > len(rest):
        return False
    lowered = {w.strip(",.;:!?").casefold() for w in words}
    return words[-1].isalpha() and words[-1].islower() and not lowered & _SIGN_OFF
