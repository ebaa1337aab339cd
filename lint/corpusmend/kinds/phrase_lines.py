"""The ``phrase-lines`` kind: whole lines (or paragraphs) that are page furniture.

The phrases and patterns are data tables (``data:`` in a pack, merged across packs), so users add
their own. A unit is flagged only when the whole of it is a listed phrase or matches a listed
pattern from end to end: a sentence that merely contains the words is never flagged. The fix
deletes the unit together with one of the line breaks around it, so the text closes up without
a gap and without joining two paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import regex

from corpusmend.document import Document, Span
from corpusmend.findings import Edit
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.passes.context import DocumentContext

# Characters ignored around a phrase when comparing: spaces, bullets, quotes, trailing dots.
_TRIM = " \t\u00a0•·*>|\"'“”‘’"
_SPACES = regex.compile(r"\s+")
_TIMEOUT = 2.0
_FLAGS = regex.IGNORECASE | regex.VERSION0
# What stops a pattern from being one alternative among others: a reference to a group (by
# number or by name), recursion, a conditional, or a flag set for the whole pattern.
_NOT_COMBINABLE = regex.compile(r"\\(?:[1-9]|g|k<)|\(\?(?:P[=>]|&|R|[0-9+-]|\(|[a-zA-Z-]+\))")


def normalise(line: str) -> str:
    """Case-folded, spaces collapsed, surrounding bullets, quotes and trailing colons trimmed."""
    text = _SPACES.sub(" ", line).strip(_TRIM)
    return text.rstrip(":").strip(_TRIM).casefold()


def more_kept_than(count: int) -> re.Pattern[str]:
    """Matches (at the start) a text with more than `count` characters that :func:`normalise`
    surely keeps (neither white space nor a trimmed bullet, quote or colon), so whose normal
    form is longer than `count`: it reads about `count` characters, not the whole line. (``re``
    is faster here; its ``\\s`` takes in a few more characters than ``regex``'s, which only
    makes the test more careful.)"""
    dropped = "".join(re.escape(c) for c in _TRIM + ":")
    return re.compile(rf"(?:[^\s{dropped}][\s{dropped}]*+){{{count + 1}}}")


def combined_pattern(patterns: list[regex.Pattern]) -> regex.Pattern | None:
    """One pattern that fully matches a text exactly when one of `patterns` does (one search
    instead of one per pattern), or None when some pattern cannot be combined safely."""
    plain = regex.compile("", _FLAGS).flags
    if not patterns or any(p.flags != plain or _NOT_COMBINABLE.search(p.pattern) for p in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), _FLAGS)
    except regex.error:
        return None


def line_spans(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of the text, as :func:`line_spans` cuts them."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def delete_unit_edit(text: str, start: int, end: int) -> Edit:
    """An edit deleting text[start:end] and closing the gap it leaves.

    The whitespace runs before and after the unit each hold some line breaks; the larger of the
    two is kept (the one after on a tie), so "A\\n\\nX\\n\\nB" becomes "A\\n\\nB" and "A\\nX\\nB"
    becomes "A\\nB". At the start of the document the unit goes with the break after it, at
    the end with the break before it (a final line break stays).
    """
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    if before == 0:
        return Edit(0, after, "")
    if after == len(text):
        return Edit(before, end, "")  # the text's final line break, if any, stays
    gap_before, gap_after = text[before:start], text[end:after]
    keep = gap_after if gap_after.count("\n") >= gap_before.count("\n") else gap_before
    return Edit(before, after, keep)


# A verb that makes a line a sentence: "..., the campaign says on its posters."
_PROSE_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|says|said|told|tells|added|"
    r"say|concluded|reported|wrote|writes|argued|warned|explained|noted|claimed|insisted|became|"
    r"remained|seemed|sent|made|went|came|took|gave)\b"
)
_SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*$")
# What only furniture holds: a link, a rights notice, a syndication footer.
_FURNITURE_MARK = regex.compile(
    r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|all rights reserved|appeared first on|click here",
    regex.IGNORECASE,
)


def reads_as_prose(line: str) -> bool:
    """Whether a line reads as a sentence of the article rather than a page element: it ends
    like a sentence, has six words or more and a verb, and holds no link or rights notice."""
    if not _SENTENCE_END.search(line) or len(line.split()) < 6:
        return False
    return _PROSE_VERB.search(line) is not None and _FURNITURE_MARK.search(line) is None


class PhraseLinesKind(CheckKind):
    name = "phrase-lines"
    message_values = frozenset({"match"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "phrases": {
                "type": "string",
                "description": "data table of exact phrases (compared case-insensitively, with "
                "spaces collapsed and surrounding bullets, quotes and colons ignored)",
            },
            "patterns": {
                "type": "string",
                "description": "data table of regular expressions that must match a whole unit",
            },
            "scope": {"enum": ["line", "paragraph"], "default": "line"},
            "prose_guard": {
                "type": "boolean",
                "default": False,
                "description": "leave alone a pattern match that reads as a sentence of the text "
                "(a verb, six words or more, a sentence end, no link)",
            },
            "max_length": {
                "type": "integer",
                "minimum": 1,
                "default": 400,
                "description": "longer units are never furniture",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        if "phrases" not in params and "patterns" not in params:
            raise ValueError("params.phrases: give phrases, patterns or both")
        self.phrases = {normalise(p) for p in self.data_table("phrases")}
        self.too_long = more_kept_than(max(map(len, self.phrases), default=0))
        self.patterns = []
        for source in self.data_table("patterns"):
            try:
                self.patterns.append(regex.compile(source, _FLAGS))
            except regex.error as exc:
                raise ValueError(
                    f"params.patterns: bad regular expression {source!r}: {exc}"
                ) from None
        self.any_pattern = combined_pattern(self.patterns)
        self.scope = params.get("scope", "line")
        self.max_length = int(params.get("max_length", 400))
        self.prose_guard = bool(params.get("prose_guard", False))

    def matches(self, unit: str) -> bool:
        stripped = unit.strip()
        if not stripped or len(stripped) > self.max_length:
            return False
        if (
            self.phrases
            and not self.too_long.match(stripped)
            and normalise(stripped) in self.phrases
        ):
            return True
        return self._fits_pattern(stripped) and not (self.prose_guard and reads_as_prose(stripped))

    def _fits_pattern(self, stripped: str) -> bool:
        if self.any_pattern is not None:
            return self.any_pattern.fullmatch(stripped, timeout=_TIMEOUT) is not None
        return any(p.fullmatch(stripped, timeout=_TIMEOUT) for p in self.patterns)

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        if self.scope == "line":
            units: Iterable[tuple[int, str]] = _lines(text)
        else:
            units = ((p.start, text[p.start : p.end]) for p in doc.paragraphs)
        for offset, unit in units:
            if not self.matches(unit):
                continue
            start = offset + (len(unit) - len(unit.lstrip()))
            end = offset + len(unit.rstrip())
            alone = not text[:start].strip() and not text[end:].strip()
            edits = None if alone else (delete_unit_edit(text, start, end),)
            yield Hit(start, end, {"match": text[start:end]}, edits)
