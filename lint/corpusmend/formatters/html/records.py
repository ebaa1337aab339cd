"""What the page knows of one document: its text, its findings and its sibling views, as JSON.

Offsets are converted from code points (corpusmend's unit) to UTF-16 code units (JavaScript's),
so that `text.slice(start, end)` in the page is the finding's span. Bytes that were not UTF-8
(kept as lone surrogates) are shown as U+FFFD, one code point for one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from corpusmend.findings import Finding
from corpusmend.readers.base import document_label
from corpusmend.runner import DocumentResult

SEVERITIES = ("error", "warning", "info")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


def display_text(text: str) -> str:
    """The text as the page shows it: a byte that was not UTF-8 becomes U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function from a code-point offset in `text` to its UTF-16 offset."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect_right(astral, i - 1)


def checked_text(result: DocumentResult) -> str:
    """The text the findings point into: the fixed text when a fix changed it."""
    return result.fixed_text if result.fixed_text is not None else result.doc.text


def finding_record(f: Finding, at: Callable[[int], int]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "start": at(f.start),
        "end": at(f.end),
        "line": f.line,
        "column": f.column,
        "fix": None,
        "provenance": f.data.get("provenance"),  # a finding without a fix: its evidence
    }
    if f.fix is not None:
        record["fix"] = {
            "applicability": f.fix.applicability,
            "message": f.fix.message,
            "edits": [[at(e.start), at(e.end), display_text(e.content)] for e in f.fix.edits],
            "provenance": f.fix.provenance,
        }
    return record


def document_record(result: DocumentResult, views: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON record of one document, loaded when the page shows it."""
    text = checked_text(result)
    at = utf16_offsets(text)
    return {
        "label": document_label(result.doc),
        "path": result.doc.path,
        "id": result.doc.id,
        "text": display_text(text),
        "error": result.problem,
        "findings": [finding_record(f, at) for f in result.findings],
        "siblings": views,
    }


def index_entry(result: DocumentResult) -> list[Any]:
    """What the document list needs of a document, always loaded: its label, its id, counts by
    severity and its rules with severities ("HDR001:e"), for filtering without the text."""
    counts = [sum(1 for f in result.findings if f.severity == s) for s in SEVERITIES]
    kinds = sorted({f"{f.code}:{f.severity[0]}" for f in result.findings})
    return [document_label(result.doc), result.doc.id, counts, kinds, bool(result.problem)]


def common_folder(labels: list[str]) -> str:
    """The folder every label starts with ("" when none): lists show the rest of each label."""
    folders = [label.split("/")[:-1] for label in labels]
    common: list[str] = []
    for names in zip(*folders, strict=False):  # up to the shortest
        if len(set(names)) > 1:
            break
        common.append(names[0])
    return "/".join(common) + "/" if common else ""
