"""Sibling realignment: find other versions of a document and repair it against them.

- :mod:`.shingles` and :mod:`.signatures`: word shingles, MinHash (numpy) and LSH band keys.
- :mod:`.records`: :func:`signature_record`, what the index keeps of one document, computed
  anywhere (a worker, a Ray map task) and added with :meth:`SiblingIndex.add_record`;
  :mod:`.parallel` computes them over processes, in input order.
- :mod:`.index`: :class:`SiblingIndex`, built, added to, saved, loaded and queried; its flat
  tables (:mod:`.tables`), its compressed text store (:mod:`.store`) and file (:mod:`.index_file`).
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

__all__ = [
    "Alignment",
    "SiblingIndex",
    "SiblingMatch",
    "SiblingOptions",
    "SignatureRecord",
    "align",
    "signature_record",
]


def __getattr__(name: str) -> Any:
    """The index (numpy) loads on first use: checking one text never needs it."""
    if name in ("SiblingIndex", "SiblingMatch"):
        from corpusmend.siblings import index

        return getattr(index, name)
    if name in ("SignatureRecord", "signature_record"):
        from corpusmend.siblings import records

        return getattr(records, name)
    raise AttributeError(f"module 'corpusmend.siblings' has no attribute {name!r}")
