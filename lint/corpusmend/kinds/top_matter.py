"""The ``top-matter`` kind: a title, byline or dateline glued or duplicated at the top.

Among the first few non-blank lines it finds:

- the title repeated as the first line: the line equals ``doc.metadata["title"]`` or the next
  line, or the next paragraph starts with the very same words;
- byline and dateline lines (``By NAME``, ``Posted on by USER``, ``Jun 14, 2008 — NAME``): whole
  lines matching a pattern of a data table, in which ``{name}`` and ``{date}`` stand for a
  person's name and a date; named groups (``author``, ``date``) travel with the fix as metadata;
- a byline glued to the first sentence (``By Ann Lee The council voted ...``), to a dateline
  in capitals (``By Ann Lee PORT ELLERY, May 5 — ...``) or to a title's kicker (``By Ann Lee
  Port Ellery: New plan ...``): reported without a fix, since where the name ends is a guess.

Lines are deleted by the fix (with one of the line breaks around them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any, ClassVar

import regex

from corpusmend.document import Document, Span
from corpusmend.gates import CASE_TRAPS, Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.pattern_literals import Precheck
from corpusmend.shapes.furniture import delete_unit_edit

_WORD = r"(?:[A-Z][\w’'.-]*|[A-Z]\.)"
NAME = (
    rf"{_WORD}(?:[^\S\n]+(?:{_WORD}|de|van|von|da|al-\w+)){{0,3}}"
    r"(?:,?[^\S\n]+(?:Jr\.?|Sr\.?|PhD|MD|PsyD|III?))*"
)
DATE = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?[^\S\n]+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?[^\S\n]+\d{1,2},?[^\S\n]+\d{4}"
    r"|\d{1,2}[^\S\n]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?,?[^\S\n]+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_GLUED = regex.compile(
    r"(?P<byline>[Bb][Yy]:?[^\S\n]+(?P<author>"
    rf"(?:[A-Z][\w’'-]*\.?|[A-Z]\.[A-Z][\w’'-]+)(?:[^\S\n]+{_WORD}){{0,2}}))"
    r"[^\S\n]+(?P<rest>\S[^\n]*)",
    regex.VERSION0,
)
# A byline glued to a dateline in capitals ("By Ann Lee HARWICK, May 5 — ...") or to a title's
# kicker ("By Ann Lee Harwick: Plan for ..."): the name is the mixed-case words before it.
_MIXED = r"(?:\p{Lu}\p{Ll}[\w’'-]*|\p{Lu}\.)"
_GLUED_BEFORE = regex.compile(
    rf"(?P<byline>[Bb][Yy]:?[^\S\n]+(?P<author>{_MIXED}(?:[^\S\n]+{_MIXED}){{1,2}}?))[^\S\n]+"
    r"(?:\p{Lu}[\p{Lu}’'.-]+(?:[^\S\n]+\p{Lu}[\p{Lu}’'.-]+)*,"
    r"|\p{Lu}[\w’'-]*(?:[^\S\n]+\p{Lu}[\w’'-]*)?:)"
    r"(?:[^\S\n]+\S+){3}",
    regex.VERSION0,
)
_CASE_TRAP = re.compile(CASE_TRAPS)
_ALNUM = regex.compile(r"[\W_]+")
_TIMEOUT = 2.0


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: titles compare equal whatever their punctuation."""
    return _ALNUM.sub("", text.casefold())


def squeezes_to(text: str, squeezed: str) -> bool:
    """``squeeze(text) == squeezed``, without squeezing all of a long text: squeezing goes one
    character at a time (case folding and dropping), so the squeezed start of `text` is the
    start of ``squeeze(text)``, and a start already longer than `squeezed` settles it."""
    head = squeeze(text[: 2 * len(squeezed) + 2])
    if len(head) > len(squeezed) or not squeezed.startswith(head):
        return False
    return squeeze(text) == squeezed


def _shouted(word: str) -> bool:
    """A word in capitals, not an initial ("LEE", not "K.")."""
    return word.isupper() and word.isalpha() and len(word) > 1


def non_blank_lines(doc: Document) -> Iterator[Span]:
    """Spans of the lines holding more than whitespace, from the top (found one at a time: the
    top few are read, not the whole text's lines)."""
    text = doc.text
    start = 0
    while True:
        end = text.find("\n", start)
        span = Span(start, len(text) if end == -1 else end)
        if span.slice(text).strip():
            yield span
        if end == -1:
            return
        start = end + 1


@register_kind
class TopMatterKind(CheckKind):
    name = "top-matter"
    message_values = frozenset({"match", "what"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "lines": {
                "type": "string",
                "description": "data table of byline/dateline patterns matching a whole line; "
                "{name} and {date} stand for a person's name and a date",
            },
            "not_names": {
                "type": "string",
                "description": "data table of words that start a phrase, not a name, after "
                "'By' (months, weekdays, 'The')",
            },
            "top": {"type": "integer", "minimum": 1, "default": 6},
            "title": {"type": "boolean", "default": True},
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.top = int(params.get("top", 6))
        self.title = params.get("title", True)
        self.line_patterns = []
        for source in self.data_table("lines"):
            expanded = source.replace("{name}", NAME).replace("{date}", DATE)
            try:
                self.line_patterns.append(regex.compile(expanded, regex.VERSION0))
            except regex.error as exc:
                raise ValueError(
                    f"params.lines: bad regular expression {source!r}: {exc}"
                ) from None
        self.not_names = {w.casefold() for w in self.data_table("not_names")}

    def gate(self) -> Gate:
        return Gate.always("document-start")  # the first `top` non-blank lines

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        top = list(islice(non_blank_lines(doc), self.top + 1))
        if self.title and len(top) >= 2:  # a one-line document is all title or all text
            hit = self._title(doc, top)
            if hit is not None:
                yield hit
        for i, span in enumerate(top[: self.top]):
            line = text[span.start : span.end].strip()
            start = span.start + text[span.start : span.end].index(line[0])
            end = start + len(line)
            m = self._line_match(line, doc.case_traps())
            if m is not None:
                meta = {k: v.strip() for k, v in m.groupdict().items() if v and k != "outlet"}
                yield Hit(
                    start,
                    end,
                    {"match": line, "what": "byline or dateline line"},
                    (delete_unit_edit(text, start, end),),
                    metadata=meta or None,
                )
            elif i < 3:
                length = self._glued(line)
                if length:
                    yield Hit(
                        start,
                        start + length,
                        {"match": line[:length], "what": "byline glued to the text"},
                    )

    @functools.cached_property
    def _prechecks(self) -> list[Precheck]:
        return [Precheck(p.pattern) for p in self.line_patterns]

    def _line_match(self, line: str, traps: bool = True) -> regex.Match | None:
        """The first line pattern that matches the whole line; `traps`: whether the document
        may hold a case trap (when it holds none, no line does)."""
        lowered = None if traps and _CASE_TRAP.search(line) else line.lower()
        for pattern, precheck in zip(self.line_patterns, self._prechecks, strict=True):
            if lowered is not None and not precheck.may_match(lowered):
                continue  # cannot match: spare the call (a time limit makes each one cost)
            m = pattern.fullmatch(line, timeout=_TIMEOUT)
            if m is not None:
                return m
        return None

    def _title(self, doc: Document, top: list[Span]) -> Hit | None:
        text = doc.text
        first, second = top[0], top[1]
        line = text[first.start : first.end].strip()
        if not line or len(line) > 300:
            return None
        title = doc.metadata.get("title")
        same = isinstance(title, str) and squeeze(title) != "" and squeeze(title) == squeeze(line)
        if not same:
            following = text[second.start : second.end].strip()
            words = line.split()
            same = len(words) >= 4 and (
                squeezes_to(following, squeeze(line))  # the title line twice
                or (
                    len(following) > len(line)
                    and following.startswith(line)
                    and not following[len(line)].isalnum()
                )
            )
        if not same:
            return None
        start = first.start + text[first.start : first.end].index(line[0])
        end = start + len(line)
        return Hit(
            start,
            end,
            {"match": line, "what": "title repeated as the first line"},
            (delete_unit_edit(text, start, end),),
            metadata={"title": line},
        )

    def _glued(self, line: str) -> int:
        """The length of a byline glued to the start of the line's sentence, or 0."""
        before = _GLUED_BEFORE.match(line)
        if before is not None:
            first = before.group("author").split()[0]
            if first.rstrip(".").casefold() not in self.not_names:
                return before.end("author")
        m = _GLUED.match(line)
        if m is None:
            return 0
        words = m.group("author").split()
        rest = m.group("rest").split()
        if words[0].rstrip(".").casefold() in self.not_names:
            return 0
        if m.group("author").endswith((",", "'s", "’s")):
            return 0  # "By Ann Lee, ..." and "By Ann's count" are phrases
        # an all-capitals name ends at the first word that is not in capitals
        caps = next((i for i, w in enumerate(words) if not _shouted(w)), None)
        if _shouted(words[0]) and caps is not None:
            rest = words[caps:] + rest
            words = words[:caps]
        elif not rest[0][:1].islower():
            return 0  # the sentence must start with a lower-case word after a mixed-case name
        if len(rest) < 8 or len(words) < 2:
            return 0
        name = m.group("author")
        end = m.start("author") + len(name) if len(words) == len(name.split()) else 0
        if not end:
            cut = name.index(words[-1]) + len(words[-1])
            end = m.start("author") + cut
        return end
