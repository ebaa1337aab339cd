"""MinHash signatures of shingle-hash sets, and the LSH band keys that find candidates.

The signature is datasketch's "affine32" MinHash, computed with numpy alone (the same values:
`tests/test_siblings_index.py` compares them with datasketch when it is installed): each 32-bit
shingle hash is pre-mixed with the MurmurHash3 finalizer, then permuted by `a * h + b mod 2**32`
with `(a, b)` drawn from `numpy.random.RandomState(seed)` as datasketch draws them, and each
permutation keeps its minimum. datasketch itself (and scipy, which it pulls) is not needed.

LSH: a signature is cut into `bands` bands of `rows` values; two documents are candidates when
one band is equal in both. A band is keyed by one 64-bit value: with 2 rows (the default) the
two 32-bit values side by side, exactly; with more rows a 64-bit mix of them.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from corpusmend.siblings.options import SiblingOptions

_PERMUTATIONS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
_EMPTY = np.uint32(0xFFFFFFFF)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) as columns of shape (num_perm, 1), drawn as datasketch's affine32 draws them."""
    key = (num_perm, seed)
    if key not in _PERMUTATIONS:
        gen = np.random.RandomState(seed)
        a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        _PERMUTATIONS[key] = (a.reshape(-1, 1), b.reshape(-1, 1))
    return _PERMUTATIONS[key]


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (a bijection), element-wise, wrapping in uint32."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(shingles: np.ndarray, options: SiblingOptions) -> np.ndarray:
    """The MinHash signature (uint32, `num_perm` values) of a set of 32-bit shingle hashes."""
    if len(shingles) == 0:
        return np.full(options.num_perm, _EMPTY, dtype=np.uint32)
    a, b = _permutations(options.num_perm, options.seed)
    mixed = _fmix32(shingles.astype(np.uint32, copy=False))
    permuted = mixed * a  # (num_perm, n): each row one permutation, reduced along the row
    permuted += b
    return permuted.min(axis=1)


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)


def band_keys(signatures: np.ndarray, options: SiblingOptions) -> np.ndarray:
    """The LSH keys of signatures (shape (n, num_perm) or (num_perm,)): shape (n, bands) or
    (bands,), uint64. Band i of two signatures has equal keys when its rows are equal."""
    rows, bands = options.rows, options.bands
    if signatures.ndim == 1 and rows == 2 and signatures.dtype == np.dtype("<u4"):
        # one signature, the default rows (each document added): the same keys, fewer steps
        multipliers, offsets = _band_spread(bands)
        keys = np.ascontiguousarray(signatures[: 2 * bands]).view("<u8")
        return keys * multipliers + offsets
    sigs = np.ascontiguousarray(np.atleast_2d(signatures)[:, : bands * rows], dtype="<u4")
    if rows == 2:
        keys = sigs.view("<u8").astype(np.uint64, copy=False)  # the two values side by side
    elif rows == 1:
        keys = sigs.astype(np.uint64)
    else:
        cut = sigs.reshape(len(sigs), bands, rows).astype(np.uint64)
        keys = np.zeros(cut.shape[:2], dtype=np.uint64)
        for r in range(rows):
            keys = (keys * _BAND_SALT) ^ cut[:, :, r]
            keys ^= keys >> np.uint64(29)
    # one table holds every band: band i's keys are moved apart by a per-band odd multiplier
    # and offset (a bijection per band), so equal keys of different bands meet by chance only
    # one time in 2**64, and then verification, which is exact, has the last word
    multipliers, offsets = _band_spread(bands)
    keys = keys * multipliers + offsets
    return keys if signatures.ndim == 2 else keys[0]


@lru_cache(maxsize=8)
def _band_spread(bands: int) -> tuple[np.ndarray, np.ndarray]:
    band = np.arange(bands, dtype=np.uint64)
    return band * np.uint64(2) + np.uint64(1), band * _BAND_SALT
