"""Word shingles of a text as sorted, unique 32-bit hashes (deterministic across processes).

The words are the runs of `\\w` in the case-folded text (punctuation and quote styles do not
count), found and hashed with numpy over the whole text at once rather than word by word: the
text's code points go through one table that case-folds them and zeroes everything that is not
a word character, and each word's hash is a polynomial over its code points taken from one
prefix sum (mod 2**64), mixed, its top 32 bits kept. A text with a code point outside the Basic
Multilingual Plane, or one whose case folding is longer than one character ("ß" -> "ss"), is
case-folded by `str.casefold` first: the words are the same either way.
"""

from __future__ import annotations

import re

import numpy as np

_WORD = re.compile(r"\w+")
_BMP = 0x10000
_LONGER = np.uint32(0xFFFFFFFF)  # in the table: this character's folding is longer than one
_P = np.uint64(0x100000001B3)  # odd, so invertible mod 2**64
_P_INVERSE = np.uint64(pow(int(_P), -1, 1 << 64))
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_MULT = np.uint32(0x9E3779B1)
_FOLDED: np.ndarray | None = None  # code point (BMP) -> folded code point; 0: not a word char
_POWERS = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))  # P**i, P**-i
_KEPT_POWERS = 1 << 18  # 4 MB of powers at most stay between texts


def words(text: str) -> list[str]:
    """The text's words, case-folded; punctuation and quote styles do not count."""
    return _WORD.findall(text.casefold())


def _folded_table() -> np.ndarray:
    global _FOLDED
    if _FOLDED is None:
        chars = "".join(map(chr, range(_BMP)))
        folds = (c.casefold() for c in chars)
        table = np.fromiter((ord(f) if len(f) == 1 else _LONGER for f in folds), np.uint32, _BMP)
        is_word = np.zeros(_BMP, dtype=bool)
        for m in _WORD.finditer(chars):  # \w exactly as the regex engine has it
            is_word[m.start() : m.end()] = True
        # what counts is whether the folding is a word character (the words are found in the
        # folded text): zero the rest; a folding outside the table falls back too
        single = table < _BMP
        table[~single] = _LONGER
        table[single & ~is_word[np.where(single, table, 0)]] = 0
        _FOLDED = table
    return _FOLDED


def _codes(text: str) -> np.ndarray:
    """The case-folded text's code points, those of non-word characters zeroed."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if len(codes) and int(codes.max()) < _BMP:
        folded = _folded_table()[codes]
        if int(folded.max()) != _LONGER:
            return folded
    codes = np.frombuffer(text.casefold().encode("utf-32-le", "surrogatepass"), dtype="<u4")
    unique, inverse = np.unique(codes, return_inverse=True)
    is_word = np.fromiter((_WORD.match(chr(c)) is not None for c in unique.tolist()), bool)
    return np.where(is_word[inverse.reshape(-1)], codes, np.uint32(0))


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i (mod 2**64) for i < n at least (kept for texts up to _KEPT_POWERS long;
    a longer one's are made for it alone, so one huge text does not hold memory after)."""
    global _POWERS
    if len(_POWERS[0]) >= n:
        return _POWERS
    size = max(n, min(2 * len(_POWERS[0]), _KEPT_POWERS), 1 << 14)
    up = np.full(size, _P, dtype=np.uint64)
    up[0] = 1
    down = np.full(size, _P_INVERSE, dtype=np.uint64)
    down[0] = 1
    powers = (np.cumprod(up), np.cumprod(down))  # wraps mod 2**64
    if size <= _KEPT_POWERS:
        _POWERS = powers
    return powers


def word_spans(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(32-bit hash, start, end) of each word (as `words` finds them), offsets into the
    case-folded text."""
    codes = _codes(text)
    n = len(codes)
    padded = np.zeros(n + 2, dtype=bool)
    np.not_equal(codes, 0, out=padded[1:-1])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]
    up, down = _powers(n + 1)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(codes * down[:n], out=prefix[1:])
    # sum of codes[j] * P**(end-1-j) over the word
    h = (prefix[ends] - prefix[starts]) * up[ends - 1]
    h ^= h >> np.uint64(33)
    h *= _MIX
    h ^= h >> np.uint64(33)
    return (h >> np.uint64(32)).astype(np.uint32), starts, ends


def shingle_hashes(text: str, size: int = 5) -> np.ndarray:
    """Hashes of every run of `size` consecutive words (fewer words: one shingle of them all),
    sorted and unique, as uint32."""
    hashes = word_spans(text)[0]
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.uint32)
    size = min(size, len(hashes))
    count = len(hashes) - size + 1
    acc = hashes[:count].copy()
    for k in range(1, size):  # wraps mod 2**32
        acc *= _MULT
        acc ^= hashes[k : k + count]
    return _sorted_unique(acc)


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
