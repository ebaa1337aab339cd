"""The page: the template, its CSS and JavaScript (package data in assets/) and the embedded data.

Every document is its own zlib-compressed, base64-encoded JSON record, one per line of a
non-executable script element; the page inflates one (DecompressionStream) when it shows it.
The document list (labels, ids, counts) is one more compressed record, inflated at load. A
Content-Security-Policy allows no network at all and no script but the page's own (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from functools import cache
from importlib import resources
from typing import Any

from corpusmend import __version__
from corpusmend.formatters.html.records import display_text

_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")
ASSETS = resources.files("corpusmend.formatters.html") / "assets"


@cache
def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def pack(value: Any) -> str:
    """JSON (sorted keys, compact), UTF-8 (a lone surrogate shown as U+FFFD), zlib, base64."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = zlib.compress(display_text(text).encode("utf-8"), 9)
    return base64.b64encode(data).decode("ascii")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_page(overview_html: str, index: dict[str, Any], documents: list[str]) -> str:
    """The whole page; the same results give the same bytes."""
    script = asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {_hash(script)}; base-uri 'none'; form-action 'none'"
    )
    fills = {
        "CSP": csp,
        "VERSION": __version__,
        "STYLE": asset("report.css"),
        "OVERVIEW": overview_html,
        "INDEX": pack(index),
        "DOCUMENTS": "\n".join(documents),
        "SCRIPT": script,
    }
    # one pass over the template: a value is never searched for placeholders itself
    return _PLACEHOLDER.sub(lambda m: fills[m.group(1)], asset("report.html"))
