"""Output formats, one module each, chosen by name."""

from __future__ import annotations

from typing import TextIO

from corpusmend.formatters.base import Formatter
from corpusmend.formatters.concise import ConciseFormatter
from corpusmend.formatters.github import GithubFormatter
from corpusmend.formatters.html import HtmlFormatter
from corpusmend.formatters.json import JsonFormatter
from corpusmend.formatters.jsonl import JsonLinesFormatter
from corpusmend.formatters.sarif import SarifFormatter
from corpusmend.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    f.name: f
    for f in (
        TextFormatter,
        ConciseFormatter,
        JsonFormatter,
        JsonLinesFormatter,
        SarifFormatter,
        GithubFormatter,
        HtmlFormatter,
    )
}


def get_formatter(name: str, out: TextIO) -> Formatter:
    return FORMATTERS[name](out)
