"""The ``recurring-lines`` kind: lines the corpus shows to be site furniture.

A line is furniture when it recurs in at least ``min_groups`` distinct sibling groups (copies of
one story count once: syndicated copies share all their lines), or in at least
``source_share`` of its own source's documents, with at least ``min_source_groups`` groups and a
source of ``min_source_docs`` documents or more. Some lines are never reported, whatever their
counts: a line that describes the story (a date or time line, a byline, an outlet or agency
credit, a dateline: the header rules own those; but not a picture's or a video's credit, nor a
timestamp to the minute that unrelated stories share: a sidebar's), the credit line of an
embedded post, and a
sentence of ``quoted_min_words`` words or more that several sources carry (a quotation or an
embedded post that outlets quote is content) unless it speaks to the reader or about the
publication (a wire service's copyright notice, a subscription pitch).

The fix deletes the line (and the blank line it leaves). It is safe for furniture-shaped lines
(at most ``max_safe_words`` words, not a sentence) seen in ``safe_min_groups`` groups or more,
unsafe otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.passes.lines import normalize
from corpusmend.shapes.dates import MONTH_PATTERN
from corpusmend.shapes.furniture import SENTENCE_END

_DAYS = "mon|tue|wed|thu|fri|sat|sun"
# A line made of a date and/or time and the words that introduce them, nothing else.
_DATE_LINE = regex.compile(
    rf"(?i)^(?:(?:updated|published|posted|last\s+updated|on|at|by)[:\s]*)*"
    rf"(?=.*\d)(?:[\s,./:–—-]|\d+(?:st|nd|rd|th)?|(?:{MONTH_PATTERN})\.?|(?:{_DAYS})[a-z]*\.?"
    rf"|[ap]\.?m\.?|e[sd]t|[cmp][sd]t|gmt|utc|bst|cest?)+$"
)
_BYLINE = regex.compile(r"^[Bb][Yy]:?\s+\S")
# a date or byline label left on its own line, its value on the next ("Updated", "; Posted")
_LABEL_ONLY = regex.compile(
    r"(?i)^[\W_]*(?:updated|published|posted(?: on)?|by|authors?|written by|source|credit)"
    r"[\s:;,.|•·-]*$"
)
# A sentence that speaks to the reader or about the publication is the site's, however many
# sources carry it (a wire service's copyright notice, a subscription pitch, a widget's hint).
_READER_ADDRESS = regex.compile(
    r"(?i)\b(?:you|your|copyright|all rights reserved|subscri\w*|newsletters?|sign up"
    r"|click|this (?:material|article|content|site|website|story|page))\b|©"
)
_CREDIT_PREFIX = regex.compile(r"(?i)^(?:by|source|via|©|\(c\))[:\s]+")
# "Photo: NAME", "Credit: AGENCY", "Media: OUTLET": the credit of a picture or a video player,
# which a site repeats on unrelated articles (furniture), unlike the story's own credit
_EMBED_MEDIA_CREDIT = regex.compile(r"(?i)^(?:photo|image|picture|credit|media|video)s?\s*:")
# a time of day: a story's own timestamp is its own; the same minute in unrelated stories is
# a sidebar item's ("by NAME - Jul 15, 2018 2:39 pm")
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")
# "— Name (@handle) July 16, 2018": the credit line of an embedded post that outlets quote
_EMBED_CREDIT = regex.compile(r"^[—–-]\s*\S.*\(@\w+\)")
_DATELINE = regex.compile(r"^[\p{Lu}][\p{L} .'-]{0,40}\s\((?:[\p{Lu}][\p{L}.-]*\s?){1,4}\)$")


@register_kind
class RecurringLinesKind(CheckKind):
    name = "recurring-lines"
    passes: ClassVar[tuple[str, ...]] = ("line-stats",)
    message_values: ClassVar[frozenset[str] | None] = frozenset(
        {"docs", "groups", "sources", "spread", "line"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "min_groups": {"type": "integer", "minimum": 2, "default": 3},
            "safe_min_groups": {"type": "integer", "minimum": 2, "default": 6},
            "source_share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "min_source_groups": {"type": "integer", "minimum": 2, "default": 2},
            "min_source_docs": {"type": "integer", "minimum": 2, "default": 10},
            "max_safe_words": {"type": "integer", "minimum": 1, "default": 8},
            "quoted_min_words": {"type": "integer", "minimum": 1, "default": 12},
            "credits": {
                "type": "string",
                "description": "data table of outlet names: a line that only names one is a credit",
            },
        },
    }

    def __init__(self, params: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.min_groups = int(params.get("min_groups", 3))
        self.safe_min_groups = int(params.get("safe_min_groups", 6))
        self.source_share = float(params.get("source_share", 0.2))
        self.min_source_groups = int(params.get("min_source_groups", 2))
        self.min_source_docs = int(params.get("min_source_docs", 10))
        self.max_safe_words = int(params.get("max_safe_words", 8))
        self.quoted_min_words = int(params.get("quoted_min_words", 12))
        credits: Any = self.data.get(params["credits"], {}) if "credits" in params else {}
        if not isinstance(credits, (Mapping, list)):
            raise ValueError(f"params.credits: data table {params['credits']!r} is not a table")
        self.credits = {normalize(str(name)) for name in credits}

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        stats = ctx.line_stats
        if stats is None:
            return
        source_docs = stats.source_docs.get(ctx.source, 0) if ctx.source is not None else 0
        text = doc.text
        for line, count in stats.lines_of(text):
            shown = text[line.start : line.end]
            sentence = bool(SENTENCE_END.search(shown))
            in_source = count.by_source.get(ctx.source, 0) if ctx.source is not None else 0
            recurring = count.groups >= self.min_groups or (
                # within one source, only lines shaped like furniture: an aggregator's pages
                # repeat the same story snippets in a fifth of its documents too
                not (sentence and line.words > self.max_safe_words)
                and source_docs >= self.min_source_docs
                and in_source >= self.source_share * source_docs
                and count.groups >= self.min_source_groups
            )
            if not recurring:
                continue
            quoted = (
                sentence
                and line.words >= self.quoted_min_words
                and count.sources >= 2
                and not _READER_ADDRESS.search(shown)
            )
            stamped = count.groups >= self.min_groups and bool(_CLOCK.search(shown))
            if quoted or (self._describes_story(shown) and not stamped):
                continue
            safe = (
                not stamped
                and line.words <= self.max_safe_words
                and not (sentence and line.words > 3)
                and count.groups >= self.safe_min_groups
            )
            start, end = _deletion(text, line.start, line.end)
            yield Hit(
                line.start,
                line.end,
                {
                    "docs": count.docs,
                    "groups": count.groups,
                    "sources": count.sources,
                    "spread": _spread(count.docs, count.groups, count.sources),
                    "line": shown,
                },
                (Edit(start, end, ""),),
                applicability=None if safe else "unsafe",
            )

    def _describes_story(self, line: str) -> bool:
        if any(p.match(line) for p in (_DATE_LINE, _BYLINE, _LABEL_ONLY, _DATELINE, _EMBED_CREDIT)):
            return True
        if _EMBED_MEDIA_CREDIT.match(line):
            return False
        name = normalize(_CREDIT_PREFIX.sub("", line))
        return name in self.credits or name.removeprefix("the ") in self.credits


def _deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """The text to delete for the line at [start, end): the whole line with its line break, and
    the blank line after it when it stood alone between blank lines (or at an edge)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:  # the last line: take the line break before it instead
        before = line_start - 1 if line_start > 0 else line_start
        while before > 0 and text[before - 1] == "\n":
            before -= 1
        return before, len(text)
    line_end += 1
    alone_before = line_start == 0 or text.endswith("\n\n", 0, line_start)
    if alone_before and text.startswith("\n", line_end):
        line_end += 1
    elif alone_before and line_end == len(text) and line_start > 0:
        line_start -= 1  # the last line, with its final newline: drop the blank line before it
    return line_start, line_end


def _spread(docs: int, groups: int, sources: int) -> str:
    """ "12 documents of 9 unrelated stories from 3 sources" (sources only when known)."""
    text = f"{docs} documents of {groups} unrelated stories"
    if sources:
        text += f" from {sources} source" + ("s" if sources != 1 else "")
    return text
