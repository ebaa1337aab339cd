"""Output formats, one module each, chosen by name."""

from __future__ import annotations

from typing import TextIO

from lint.formatters.base import Formatter
from lint.formatters.concise import ConciseFormatter
from lint.formatters.github import GithubFormatter
from lint.formatters.json import JsonFormatter
from lint.formatters.jsonl import JsonLinesFormatter
from lint.formatters.sarif import SarifFormatter
from lint.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    f.name: f
    for f in (
        TextFormatter,
        ConciseFormatter,
        JsonFormatter,
        JsonLinesFormatter,
        SarifFormatter,
        GithubFormatter,
    )
}


def get_formatter(name: str, out: TextIO) -> Formatter:
    return FORMATTERS[name](out)
