"""SlotTable: a multimap from integer keys to document slots, in flat numpy arrays.

The sibling index keeps two: LSH band keys -> slots, and sampled shingle hashes -> slots (the
postings). A Python dict of lists costs about a hundred bytes an entry; this costs the key and
a 4-byte slot. Entries are appended to a pending run and merged into the sorted base run when
they are looked up (and the pending run is large: a corpus built and then queried sorts once,
a query after each single addition does not re-sort the whole table). Slots of replaced
documents are purged on the next lookup.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_SLOT = np.uint32
CHUNK = 1 << 23  # pending entries per chunk: 32 MB and more, so they are mapped apart and
# given back to the system when they are freed (smaller blocks stay in the heap)


class SlotTable:
    def __init__(self, key_dtype: type[np.unsignedinteger]) -> None:
        self._dtype = key_dtype
        self._keys = np.zeros(0, dtype=key_dtype)  # sorted by key, then slot
        self._slots = np.zeros(0, dtype=_SLOT)
        self._small_keys = self._keys  # a second sorted run, small beside the base
        self._small_slots = self._slots
        # appended, unsorted, in fixed-size chunks (no doubling, no copy as they grow)
        self._chunks: list[tuple[np.ndarray, np.ndarray]] = []
        self._fill = 0  # entries used in the last chunk
        self._dead: np.ndarray | None = None  # slots to purge (a boolean mask by slot)

    @classmethod
    def from_sorted(cls, keys: np.ndarray, slots: np.ndarray) -> SlotTable:
        table = cls(keys.dtype.type)
        table._keys, table._slots = keys, slots.astype(_SLOT, copy=False)
        return table

    def __len__(self) -> int:
        return len(self._keys) + len(self._small_keys) + self._pending()

    def _pending(self) -> int:
        return (len(self._chunks) - 1) * CHUNK + self._fill if self._chunks else 0

    @property
    def nbytes(self) -> int:
        runs = (self._keys, self._slots, self._small_keys, self._small_slots)
        return sum(a.nbytes for a in (*runs, *(a for c in self._chunks for a in c)))

    def add(self, keys: np.ndarray, slot: int) -> None:
        done = 0
        while done < len(keys):
            if not self._chunks or self._fill == CHUNK:
                self._chunks.append((np.empty(CHUNK, self._dtype), np.empty(CHUNK, _SLOT)))
                self._fill = 0
            chunk_keys, chunk_slots = self._chunks[-1]
            take = min(len(keys) - done, CHUNK - self._fill)
            chunk_keys[self._fill : self._fill + take] = keys[done : done + take]
            chunk_slots[self._fill : self._fill + take] = slot
            self._fill += take
            done += take

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
        if self._chunks:
            runs = [(self._small_keys, self._small_slots)]
            runs += [(k, s) for k, s in self._chunks[:-1]]
            last_keys, last_slots = self._chunks[-1]
            runs.append((last_keys[: self._fill], last_slots[: self._fill]))
            self._chunks, self._fill = [], 0
            self._small_keys, self._small_slots = _sort(runs)
        if self._dead is not None:
            for name in ("", "_small"):
                keys, slots = getattr(self, f"{name}_keys"), getattr(self, f"{name}_slots")
                keep = ~self._dead[slots]
                setattr(self, f"{name}_keys", keys[keep])
                setattr(self, f"{name}_slots", slots[keep])
            self._dead = None
        if len(self._small_keys) and (merge_all or len(self._small_keys) * 8 > len(self._keys)):
            self._keys, self._slots = _sort(
                [(self._keys, self._slots), (self._small_keys, self._small_slots)]
            )
            self._small_keys = np.zeros(0, dtype=self._dtype)
            self._small_slots = np.zeros(0, dtype=_SLOT)


class Column:
    """A growable numpy array (rows appended, capacity doubled)."""

    def __init__(self, dtype: Any, width: int = 0, data: np.ndarray | None = None) -> None:
        shape = (0, width) if width else (0,)
        self.data = np.zeros(shape, dtype=dtype) if data is None else data.astype(dtype)
        self.size = len(self.data)

    def append(self, row: Any) -> None:
        if self.size == len(self.data):
            grown = np.zeros((max(1024, 2 * self.size), *self.data.shape[1:]), self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size] = row
        self.size += 1

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.size]


def _sort(runs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """The entries of `runs` sorted by key, then slot (each later run holds later slots)."""
    if runs[0][0].dtype == np.uint32:  # key and slot packed in one uint64, sorted in place
        packed = np.empty(sum(len(k) for k, _ in runs), dtype=np.uint64)
        at = 0
        for keys, slots in runs:
            packed[at : at + len(keys)] = keys.astype(np.uint64) << np.uint64(32)
            packed[at : at + len(keys)] |= slots
            at += len(keys)
        runs.clear()  # the caller's chunks can go before the sort
        packed.sort()
        return (packed >> np.uint64(32)).astype(np.uint32), packed.astype(np.uint32)
    keys = np.concatenate([k for k, _ in runs])
    slots = np.concatenate([s for _, s in runs])
    runs.clear()
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
