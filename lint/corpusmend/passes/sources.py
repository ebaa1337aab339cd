"""A document's source (the site or folder it came from), for per-source line counts."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit


def source_value(value: Any) -> str | None:
    """The source named by a record field: a URL gives its host (without "www."), anything
    else its text; empty gives None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if "://" in text:
        host = (urlsplit(text).hostname or "").removeprefix("www.")
        return host or None
    return text


def folder_source(path: str | None) -> str | None:
    """The source of a text file: the folder that holds it."""
    return str(PurePath(path).parent) if path else None
