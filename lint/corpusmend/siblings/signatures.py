"""MinHash signatures (datasketch) of shingle-hash sets, and the LSH index over them."""

from __future__ import annotations

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from corpusmend.siblings.options import SiblingOptions

_SCHEME = "affine32"
_TEMPLATES: dict[tuple[int, int], MinHash] = {}


def _template(num_perm: int, seed: int) -> MinHash:
    key = (num_perm, seed)
    if key not in _TEMPLATES:
        # shingles are already 32-bit hashes: the hash function is the identity
        _TEMPLATES[key] = MinHash(num_perm=num_perm, seed=seed, hashfunc=int, scheme=_SCHEME)
    return _TEMPLATES[key]


def signature(shingles: np.ndarray, options: SiblingOptions) -> LeanMinHash:
    m = _template(options.num_perm, options.seed).copy()
    if len(shingles):
        m.update_batch(shingles.tolist())
    return LeanMinHash(m)


def from_hashvalues(values: np.ndarray, options: SiblingOptions) -> LeanMinHash:
    return LeanMinHash(seed=options.seed, hashvalues=values, scheme=_SCHEME)


def new_lsh(options: SiblingOptions) -> MinHashLSH:
    return MinHashLSH(num_perm=options.num_perm, params=(options.bands, options.rows))
