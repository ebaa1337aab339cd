"""Sibling realignment: find other versions of a document and repair it against them.

- :mod:`.shingles` and :mod:`.signatures`: word shingles and MinHash.
- :mod:`.index`: :class:`SiblingIndex`, built, added to, saved, loaded and queried.
- :mod:`.align`: align a document against one sibling (moved blocks included): its data
  (:mod:`.alignment`), anchors (:mod:`.anchors`), the matching (:mod:`.matcher`, :mod:`.refine`);
  :mod:`.alignments`: the store a document's context keeps them in.
- :mod:`.repairs`: what the SIB rules share; :mod:`.moves`, :mod:`.edges`, :mod:`.coverage`,
  :mod:`.insertions`: what each reports, decided over all siblings.
"""

from __future__ import annotations

from typing import Any

from corpusmend.siblings.align import Alignment, align
from corpusmend.siblings.options import SiblingOptions

__all__ = ["Alignment", "SiblingIndex", "SiblingMatch", "SiblingOptions", "align"]


def __getattr__(name: str) -> Any:
    """The index (numpy, datasketch) loads on first use: checking one text never needs it."""
    if name in ("SiblingIndex", "SiblingMatch"):
        from corpusmend.siblings import index

        return getattr(index, name)
    raise AttributeError(f"module 'corpusmend.siblings' has no attribute {name!r}")
