"""Where a spliced quotation goes back when no sibling shows its place.

By default the block goes right after the sentence it interrupted, rejoined. The text itself can
show that it belongs a few paragraphs further down:

- its attribution names the speaker by surname alone ("...,” Hadley said.), and no text before
  that place names them: news copy names a person in full before it quotes them by surname, so
  the quotation goes after the first later paragraph that names them;
- a later paragraph announces a quotation with a colon ("..., she wrote on Saturday:") and the
  paragraph after it is no quotation: the announced quotation is missing there.

Only a block that is one quotation paragraph is placed so, and only among the few paragraphs
after the rejoined one (MAX_LATER).
"""

from __future__ import annotations

import regex

from corpusmend.document import Document, Span
from corpusmend.shapes.fragments import headline_case
from corpusmend.shapes.reporting_verbs import DEFAULT_VERBS

MAX_LATER = 3  # paragraphs after the rejoined one where the block may go instead
_QUOTES = "“‘\"'«"
_VERBS = "|".join(DEFAULT_VERBS)
_NAME = r"\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?"
# "...,” Hadley said." / "..., said Stephen Hadley, a former adviser." / "said Sen. Ann Ross,"
_TITLES = frozenset({"Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Prof"})
_TITLE = rf"(?:(?:{'|'.join(sorted(_TITLES))})\.\s*)?"
_NAME_SAID = regex.compile(rf"[”\"’']\s*{_TITLE}(?P<name>{_NAME})\s+(?:{_VERBS})\b")
_SAID_NAME = regex.compile(
    rf"[”\"’']\s*(?:{_VERBS})\s+{_TITLE}(?:{_NAME}\s+)*?(?P<name>{_NAME})\s*[,.]"
)
_PRONOUNS = frozenset({"He", "She", "They", "It", "We", "I", "You", "This", "That"})
_ANNOUNCES = regex.compile(r":\s*$")


def speaker(block: str) -> str | None:
    """The surname the quotation's attribution names, if it names one."""
    for pattern in (_NAME_SAID, _SAID_NAME):
        m = pattern.search(block)
        name = m.group("name") if m is not None else None
        if name is not None and name not in _PRONOUNS and name not in _TITLES:
            return name
    return None


def later_place(doc: Document, block: tuple[int, int], rest_end: int) -> int | None:
    """The offset (a paragraph's end) after `rest_end` where the quotation text[block] goes
    instead of right after the rejoined sentence, or None to keep that place."""
    text = doc.text
    start, end = block
    quotation = text[start:end]
    if quotation[:1] not in _QUOTES or "\n" in quotation.strip():
        return None
    paras = doc.paragraphs
    first = next((k for k, p in enumerate(paras) if p.start >= rest_end), len(paras))
    later = range(first, min(first + MAX_LATER, len(paras)))
    name = speaker(quotation)
    if name is not None:
        named = regex.compile(rf"\b{regex.escape(name)}\b")
        if named.search(text[:start]) or named.search(text, end, rest_end):
            return None
        return next((paras[k].end for k in later if named.search(text, *_bounds(paras[k]))), None)
    for k in later:
        if not _announces(paras[k].slice(text)):
            continue
        if k + 1 == len(paras) or text[paras[k + 1].start] not in _QUOTES:
            return paras[k].end
    return None


def _announces(para: str) -> bool:
    """Whether the paragraph is a sentence's lead-in to a quotation: it ends with a colon and is
    no heading ("Related Stories:", "Read More:")."""
    words = para.split()
    return _ANNOUNCES.search(para) is not None and len(words) >= 3 and not headline_case(words)


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end
