"""SlotTable: a multimap from integer keys to document slots, in flat numpy arrays.

The sibling index keeps two: LSH band keys -> slots, and sampled shingle hashes -> slots (the
postings). A Python dict of lists costs about a hundred bytes an entry; this costs the key and
a 4-byte slot. Entries are appended to a pending run and merged into the sorted base run when
they are looked up (and the pending run is large: a corpus built and then queried sorts once,
a query after each single addition does not re-sort the whole table). Slots of replaced
documents are purged on the next lookup.
"""

from __future__ import annotations

import numpy as np

_SLOT = np.uint32


class SlotTable:
    def __init__(self, key_dtype: type[np.unsignedinteger]) -> None:
        self._dtype = key_dtype
        self._keys = np.zeros(0, dtype=key_dtype)  # sorted by key, then slot
        self._slots = np.zeros(0, dtype=_SLOT)
        self._small_keys = self._keys  # a second sorted run, small beside the base
        self._small_slots = self._slots
        self._pending_keys = np.zeros(1024, dtype=key_dtype)  # appended, unsorted
        self._pending_slots = np.zeros(1024, dtype=_SLOT)
        self._pending = 0
        self._dead: np.ndarray | None = None  # slots to purge (a boolean mask by slot)

    @classmethod
    def from_sorted(cls, keys: np.ndarray, slots: np.ndarray) -> SlotTable:
        table = cls(keys.dtype.type)
        table._keys, table._slots = keys, slots.astype(_SLOT, copy=False)
        return table

    def __len__(self) -> int:
        return len(self._keys) + len(self._small_keys) + self._pending

    @property
    def nbytes(self) -> int:
        runs = (self._keys, self._slots, self._small_keys, self._small_slots)
        return sum(a.nbytes for a in (*runs, self._pending_keys, self._pending_slots))

    def add(self, keys: np.ndarray, slot: int) -> None:
        end = self._pending + len(keys)
        if end > len(self._pending_keys):
            size = max(end, 2 * len(self._pending_keys))
            self._pending_keys = np.resize(self._pending_keys, size)
            self._pending_slots = np.resize(self._pending_slots, size)
        self._pending_keys[self._pending : end] = keys
        self._pending_slots[self._pending : end] = slot
        self._pending = end

    def purge(self, dead: np.ndarray) -> None:
        """Forget the entries of every slot whose mask value is True (at the next lookup, which
        must come before any addition: the mask covers the slots added so far)."""
        self._dead = dead

    def sorted_runs(self) -> tuple[np.ndarray, np.ndarray]:
        """The whole table as one sorted (keys, slots) pair (for saving)."""
        self._settle(merge_all=True)
        return self._keys, self._slots

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each of `keys` (unique): how many entries it has, and all their slots, the
        slots of keys[0] first (each key's slots in ascending order)."""
        self._settle()
        keys = keys.astype(self._dtype, copy=False)
        counts = np.zeros(len(keys), dtype=np.int64)
        found = []
        runs = ((self._keys, self._slots), (self._small_keys, self._small_slots))
        for run_keys, run_slots in runs:
            if not len(run_keys):
                continue
            lo = np.searchsorted(run_keys, keys, "left")
            hi = np.searchsorted(run_keys, keys, "right")
            counts += hi - lo
            found.append((lo, hi, run_slots))
        if not found:
            return counts, np.zeros(0, dtype=_SLOT)
        per_key = []
        for lo, hi, run_slots in found:
            per_key.append(_gather(run_slots, lo, hi))
        if len(per_key) == 1:
            return counts, per_key[0][1]
        # interleave the two runs key by key, so a caller can cut the slots by counts
        owners = np.concatenate([p[0] for p in per_key])
        slots = np.concatenate([p[1] for p in per_key])
        order = np.argsort(owners, kind="stable")
        return counts, slots[order]

    def _settle(self, merge_all: bool = False) -> None:
        if self._pending:
            n = self._pending
            keys = np.concatenate([self._small_keys, self._pending_keys[:n]])
            slots = np.concatenate([self._small_slots, self._pending_slots[:n]])
            self._pending = 0
            self._pending_keys = np.zeros(1024, dtype=self._dtype)
            self._pending_slots = np.zeros(1024, dtype=_SLOT)
            self._small_keys, self._small_slots = _sort(keys, slots)
        if self._dead is not None:
            for name in ("", "_small"):
                keys, slots = getattr(self, f"{name}_keys"), getattr(self, f"{name}_slots")
                keep = ~self._dead[slots]
                setattr(self, f"{name}_keys", keys[keep])
                setattr(self, f"{name}_slots", slots[keep])
            self._dead = None
        if len(self._small_keys) and (merge_all or len(self._small_keys) * 8 > len(self._keys)):
            self._keys, self._slots = _sort(
                np.concatenate([self._keys, self._small_keys]),
                np.concatenate([self._slots, self._small_slots]),
            )
            self._small_keys = np.zeros(0, dtype=self._dtype)
            self._small_slots = np.zeros(0, dtype=_SLOT)


def _sort(keys: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # slots only grow, and each run is in slot order: a stable sort keeps them ascending
    order = np.argsort(keys, kind="stable")
    return keys[order], slots[order]


def _gather(slots: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner key position, slot) of every entry in the ranges [lo, hi)."""
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=_SLOT)
    owners = np.repeat(np.arange(len(lo)), lengths)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return owners, slots[starts + np.arange(total)]
