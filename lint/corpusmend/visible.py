"""Show text in messages so that invisible characters can be seen: ``\\x92``, ``\\u200b``."""

from __future__ import annotations

import unicodedata

# Categories that print as nothing or as something misleading: controls, format characters
# (zero-width, soft hyphen, bidi marks), surrogates (undecodable bytes), unassigned, and
# separators other than the plain space.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(text: str) -> str:
    """``text`` with every invisible character except the space written as an escape."""
    return "".join(
        _escape(c) if c != " " and unicodedata.category(c) in _HIDDEN else c for c in text
    )
