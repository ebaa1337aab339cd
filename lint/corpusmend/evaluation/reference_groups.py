"""Reference sibling groups: a plain, exhaustive computation the sibling index is measured against.

Two documents are a reference pair when at least ``MIN_CONTAINMENT`` of the shorter one's
5-word shingles (exact word tuples, case-folded, punctuation ignored) occur in the other, and they
share at least ``MIN_SHARED`` of them. Every pair of documents that shares a shingle is counted
exactly (an inverted index over the shingles; no sampling, no MinHash, no hashing), so the result
does not depend on the index under test. Groups are the connected components of the pairs.

Why 0.4: on the real article-comparisons corpus (680 news pages, July 2018) the pairs between 0.4
and 0.65 are, read one by one, mostly copies of one wire story with other captions, furniture or
an updated lead (the same headline at 0.47); below 0.3 most pairs share site furniture (a weather
widget, menus) or one quoted paragraph. 0.3-0.4 is mixed. 25 shared shingles keeps a one-line
page from pairing with anything that quotes it.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from corpusmend.disjoint_sets import DisjointSets
from corpusmend.document import Document
from corpusmend.evaluation.output_files import write_text

SHINGLE_WORDS = 5
MIN_CONTAINMENT = 0.4
MIN_SHARED = 25
CACHE_FORMAT = "corpusmend-reference-groups"
_WORD = regex.compile(r"\w+")


def word_shingles(text: str, size: int = SHINGLE_WORDS) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words (case-folded); a shorter text is one shingle."""
    words = tuple(_WORD.findall(text.casefold()))
    if len(words) <= size:
        return {words} if words else set()
    return {words[i : i + size] for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class ReferencePair:
    a: int  # document positions, a < b
    b: int
    shared: int
    containment: float  # shared / the smaller shingle count


@dataclass(frozen=True)
class ReferenceGroups:
    """Pairs and groups of documents (by position in the corpus), with their ids."""

    ids: tuple[str, ...]
    pairs: tuple[ReferencePair, ...]
    groups: tuple[tuple[int, ...], ...]  # each sorted; groups ordered by their first member
    min_containment: float = MIN_CONTAINMENT
    min_shared: int = MIN_SHARED

    def group_of(self) -> dict[int, int]:
        """Document position -> group number, for documents in a group."""
        return {doc: g for g, members in enumerate(self.groups) for doc in members}


def shared_counts(shingles: Sequence[set[tuple[str, ...]]]) -> dict[tuple[int, int], int]:
    """For every pair of documents sharing a shingle, how many they share (exact)."""
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for doc, shingle_set in enumerate(shingles):
        for s in shingle_set:
            postings[s].append(doc)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                counts[(a, b)] += 1
    return counts


def connected_groups(pairs: Sequence[ReferencePair]) -> tuple[tuple[int, ...], ...]:
    """Union-find over the pairs; groups of two or more, each sorted, by first member."""
    sets = DisjointSets()
    for p in pairs:
        sets.join(p.a, p.b)
    return tuple(tuple(group) for group in sets.groups())


def compute(
    documents: Sequence[Document],
    min_containment: float = MIN_CONTAINMENT,
    min_shared: int = MIN_SHARED,
) -> ReferenceGroups:
    shingles = [word_shingles(d.text) for d in documents]
    pairs = []
    for (a, b), shared in sorted(shared_counts(shingles).items()):
        smaller = min(len(shingles[a]), len(shingles[b]))
        containment = shared / smaller
        if shared >= min_shared and containment >= min_containment:
            pairs.append(ReferencePair(a, b, shared, round(containment, 6)))
    return ReferenceGroups(
        ids=tuple(d.id for d in documents),
        pairs=tuple(pairs),
        groups=connected_groups(pairs),
        min_containment=min_containment,
        min_shared=min_shared,
    )


def fingerprint(documents: Sequence[Document], min_containment: float, min_shared: int) -> str:
    """What the cached groups were computed from: every id and text, in order, and the limits."""
    h = hashlib.sha256(f"{SHINGLE_WORDS}:{min_containment}:{min_shared}\n".encode())
    for d in documents:
        h.update(d.id.encode("utf-8", "surrogatepass") + b"\0")
        h.update(d.text.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def load_or_compute(
    documents: Sequence[Document],
    cache: Path | None,
    min_containment: float = MIN_CONTAINMENT,
    min_shared: int = MIN_SHARED,
) -> ReferenceGroups:
    """The reference groups, read from `cache` when it was computed from these very documents
    (and written there otherwise)."""
    key = fingerprint(documents, min_containment, min_shared)
    if cache is not None and cache.is_file():
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get("format") == CACHE_FORMAT and data.get("fingerprint") == key:
            return _from_json(data)
    groups = compute(documents, min_containment, min_shared)
    if cache is not None:
        write_text(cache, json.dumps(_to_json(groups, key), ensure_ascii=False) + "\n")
    return groups


def _to_json(groups: ReferenceGroups, key: str) -> dict:
    ids = groups.ids
    return {
        "format": CACHE_FORMAT,
        "fingerprint": key,
        "min_containment": groups.min_containment,
        "min_shared": groups.min_shared,
        "ids": list(ids),
        "pairs": [[p.a, p.b, p.shared, p.containment] for p in groups.pairs],
        "groups": [[ids[d] for d in g] for g in groups.groups],
    }


def _from_json(data: dict) -> ReferenceGroups:
    ids = tuple(data["ids"])
    pairs = tuple(ReferencePair(a, b, shared, c) for a, b, shared, c in data["pairs"])
    return ReferenceGroups(
        ids=ids,
        pairs=pairs,
        groups=connected_groups(pairs),
        min_containment=data["min_containment"],
        min_shared=data["min_shared"],
    )
