"""Output formats, one module each, chosen by name."""

from __future__ import annotations

from typing import TextIO

from lint.formatters.base import Formatter
from lint.formatters.json import JsonFormatter
from lint.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {f.name: f for f in (TextFormatter, JsonFormatter)}


def get_formatter(name: str, out: TextIO) -> Formatter:
    return FORMATTERS[name](out)
