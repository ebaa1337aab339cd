"""Sibling realignment: find other versions of a document and repair it against them.

- :mod:`lint.siblings.shingles` and :mod:`lint.siblings.signatures`: word shingles and MinHash.
- :mod:`lint.siblings.index`: :class:`SiblingIndex`, built, added to, saved, loaded and queried.
- :mod:`lint.siblings.plan`: :func:`sibling_map`, the siblings of every document of a corpus.
- :mod:`lint.siblings.align`: align a document against one sibling (moved blocks included).
- :mod:`lint.siblings.repairs`: what the SIB rules report, decided over all siblings.
"""

from __future__ import annotations

from typing import Any

from lint.siblings.align import Alignment, align
from lint.siblings.options import SiblingOptions

__all__ = ["Alignment", "SiblingIndex", "SiblingMatch", "SiblingOptions", "align", "sibling_map"]


def __getattr__(name: str) -> Any:
    """The index (numpy, datasketch) loads on first use: checking one text never needs it."""
    if name in ("SiblingIndex", "SiblingMatch"):
        from lint.siblings import index

        return getattr(index, name)
    if name == "sibling_map":
        from lint.siblings.plan import sibling_map

        return sibling_map
    raise AttributeError(f"module 'lint.siblings' has no attribute {name!r}")
