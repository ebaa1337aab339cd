"""The ``date-header`` kind: a metadata date glued before the first sentence of a document.

It finds ``date 2018-09-14``, ``Date: 14 September 2018``, ``Published: Sept. 14, 2018 10:32``,
``Updated Friday, September 14, 2018``, ``Posted on 11/05/2008``, a bare date alone on the first
line and a bare date glued to a capitalised first word (``Feb 20, 2015 The ...``), with or without
a line break before the text. The labels are data (``data.date_header_labels``), so a pack can add
its own. The fix removes the header; its value travels with the fix as ``metadata`` (ISO format
when the date can be read), so a caller that asks for it moves the date into the metadata.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.dates import MONTH_PATTERN

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = rf"(?:{MONTH_PATTERN})\.?"
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?[^\S\n]+)?"
)
_DATE = (
    r"(?:(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2}))"
    rf"|{_WEEKDAY}(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[^\S\n]+(?P<month>{_MONTH_NAMES}),?[^\S\n]+"
    r"(?P<year>\d{4})"
    rf"|(?P<month2>{_MONTH_NAMES})[^\S\n]+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?[^\S\n]+(?P<year2>\d{{4}})"
    # numeric: 11/05/2008, 11.05.2008 (day and month order read when unambiguous), 2008/05/11
    r"|(?P<num>(?P<a3>\d{1,2})(?P<sep>[/.])(?P<b3>\d{1,2})(?P=sep)(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})/(?P<m4>\d{1,2})/(?P<d4>\d{1,2}))))"
)
_TIME = (
    r"(?:(?:[T ]|,?[^\S\n]+(?:at[^\S\n]+)?|[^\S\n]*[|@][^\S\n]*)\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\.\d+)?(?:[^\S\n]*[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2}|[^\S\n]+(?-i:(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,4}T))?)?"
)
# A date and the text's first character, separated by spaces, an optional dash or bar, a break;
# a "by NAME" after the date is a byline (HDR002), not the text.
_AFTER = r"(?P<gap>[^\S\n]*(?:[|–—-][^\S\n]*)?(?:\n\s*|[^\S\n]+))(?=\S)(?!by\b)"


def _label_pattern(labels: Sequence[str]) -> str:
    words = sorted((regex.escape(w.strip()) for w in labels if w.strip()), key=len, reverse=True)
    spaced = [w.replace(r"\ ", r"[^\S\n]+") for w in words]
    return r"(?:" + "|".join(spaced) + r")"


def iso_date(m: regex.Match) -> str | None:
    """The matched date as YYYY-MM-DD, or None when it is not a real date.

    A numeric date whose day and month could be either way round (11/05/2008) is returned as
    written, since no reading of it is sure.
    """
    if m.group("iso"):
        year, month, day = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    elif m.group("y4"):
        year, month, day = int(m.group("y4")), int(m.group("m4")), int(m.group("d4"))
    elif m.group("num"):
        a, b, year = int(m.group("a3")), int(m.group("b3")), int(m.group("y3"))
        if m.group("sep") == "." or a > 12:  # 11.05.2008 is day first wherever dots are used
            day, month = a, b
        elif b > 12 or a == b:
            day, month = b, a
        else:
            return m.group("num") if a and b else None
    else:
        year = int(m.group("year") or m.group("year2"))
        day = int(m.group("day") or m.group("day2"))
        name = (m.group("month") or m.group("month2") or "").lower()
        month = MONTHS[name[:3]]
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


@register_kind
class DateHeaderKind(CheckKind):
    name = "date-header"
    message_values = frozenset({"match", "date", "header"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "labels": {
                "type": "string",
                "description": "the data table listing the header labels ('date', 'published')",
            },
            "bare": {
                "type": "boolean",
                "default": True,
                "description": "also flag an unlabelled date alone on the first line, or glued "
                "to a first sentence that starts with a capital",
            },
            "metadata_key": {"type": "string", "default": "date"},
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        table = params.get("labels", "date_header_labels")
        labels = self.data.get(table)
        if not isinstance(labels, list) or not labels:
            raise ValueError(f"params.labels: data table {table!r} is missing or not a list")
        label = _label_pattern([str(w) for w in labels])
        flags = regex.IGNORECASE | regex.VERSION0
        head = r"(?P<head>\s*" + label + r"\b[^\S\n]*(?:on\b[^\S\n]*)?[:|–—-]?[^\S\n]*)"
        self.labelled = regex.compile(head + _DATE + _TIME + r"\.?" + _AFTER, flags)
        self.bare = params.get("bare", True)
        self.bare_line = regex.compile(
            r"(?P<head>\s*)" + _DATE + _TIME + r"[^\S\n]*\n\s*(?=\S)", flags
        )
        self.bare_iso = regex.compile(r"(?P<head>\s*)" + _DATE + _TIME + _AFTER, flags)
        self.key = params.get("metadata_key", "date")

    @staticmethod
    def _glued_bare(text: str, m: regex.Match) -> bool:
        """An unlabelled date glued to the text is a header when it is an ISO date, or any other
        date followed by a space and a capitalised first word ("Feb 20, 2015 The ..."): a sentence
        that starts with a date goes on in lower case or after a comma ("14 May 2018 was ..."),
        and a date, a dash and a name is a dateline ("Jun 14, 2008 — Ann Lee", HDR002)."""
        if m.group("iso"):
            return True
        if m.group("sep") == ".":
            return False  # "1.5.2018" could be a version or a figure
        if m.group("gap").strip():
            return False  # "Jun 14, 2008 — Ann Lee" is a dateline (HDR002)
        return text[m.end() : m.end() + 1].isupper()

    def gate(self) -> Gate:
        return Gate.always("document-start")  # anchored matches at the start only

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        m = self.labelled.match(text)
        if m is None and self.bare:
            m = self.bare_line.match(text)
            if m is None:
                m = self.bare_iso.match(text)
                if m is not None and not self._glued_bare(text, m):
                    m = None
        if m is None:
            return
        date = iso_date(m)
        if date is None:
            return
        end = m.end()
        header = text[:end]
        yield Hit(
            0,
            end,
            {"match": header, "date": date, "header": header.strip()},
            (Edit(0, end, ""),),
            metadata={self.key: date},
        )
