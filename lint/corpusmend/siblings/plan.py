"""The one call an engine makes: the siblings of every document of a corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from corpusmend.document import Document
from corpusmend.siblings.index import SiblingIndex
from corpusmend.siblings.options import SiblingOptions


def sibling_map(
    documents: Sequence[Document],
    options: SiblingOptions | None = None,
    reference: Iterable[Document] = (),
    index: SiblingIndex | None = None,
) -> dict[str, list[Document]]:
    """For each document's id, its siblings (most similar first), from the documents themselves,
    a `reference` corpus and a loaded `index`. Deterministic: same input, same map.

    The documents (and reference) are added to `index` when one is given (a copy is not made),
    so pass a fresh or loaded index you no longer need unchanged.
    """
    index = index if index is not None else SiblingIndex(options)
    for doc in reference:
        index.add(doc)
    for doc in documents:
        index.add(doc)
    return {doc.id: [m.document for m in index.query(doc)] for doc in documents}
