"""Word shingles of a text as sorted, unique 32-bit hashes (deterministic across processes)."""

from __future__ import annotations

import re
import zlib

import numpy as np

_WORD = re.compile(r"\w+")
_MASK = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B1)


def words(text: str) -> list[str]:
    """The text's words, case-folded; punctuation and quote styles do not count."""
    return _WORD.findall(text.casefold())


class _WordHashes(dict):  # word -> hash; words repeat across a corpus
    def __missing__(self, word: str) -> int:
        h = self[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return h


_HASHES = _WordHashes()
_MAX_CACHED = 1_000_000


def _word_hashes(ws: list[str]) -> np.ndarray:
    if len(_HASHES) > _MAX_CACHED:
        _HASHES.clear()
    return np.fromiter(map(_HASHES.__getitem__, ws), dtype=np.uint64, count=len(ws))


def shingle_hashes(text: str, size: int = 5) -> np.ndarray:
    """Hashes of every run of `size` consecutive words (fewer words: one shingle of them all),
    sorted and unique, as uint32."""
    hashes = _word_hashes(words(text))
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.uint32)
    size = min(size, len(hashes))
    count = len(hashes) - size + 1
    acc = hashes[:count].copy()
    for k in range(1, size):
        acc *= _MULT
        acc ^= hashes[k : k + count]
        acc &= _MASK
    return _sorted_unique(acc.astype(np.uint32))


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique for a flat array, by sorting in place (several times faster on short arrays)."""
    values.sort()
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float, int]:
    """(Jaccard, containment of the smaller set in the larger, shared count) of two sets."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0, 0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared / union, shared / min(len(a), len(b)), shared
