"""SiblingIndex: the versions of every document in a corpus, found by MinHash LSH and verified.

Build it from documents (or from signature records computed elsewhere: `records.py`), add more,
save it to a file and load it back (so a pre-commit run that is handed only the changed files,
or a scraper, still sees the whole corpus), and query it with a document to get that document's
siblings, most similar first. Everything is deterministic: the same documents give the same
matches in the same order, whatever the order they were added in.

Memory: the index keeps, per document, its signature, its LSH band keys and sampled shingles in
flat numpy tables (`tables.py`), and where its compressed text is (`store.py`); not the text.
A candidate's text is fetched (and shingled) when a query verifies it, through a small cache.

Time: a query verifies a bounded number of its candidates, the most similar by estimate
(`candidates.py`), so a story in 1,000 copies costs each copy a few dozen verifications.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from corpusmend.disjoint_sets import DisjointSets
from corpusmend.document import Document
from corpusmend.errors import CorpusmendError
from corpusmend.siblings import candidates, index_file
from corpusmend.siblings.candidates import SiblingMatch
from corpusmend.siblings.options import SiblingOptions
from corpusmend.siblings.records import (
    SignatureRecord,
    entry_key,
    key_of,
    samples_of,
    signature_record,
    unpack_extras,
)
from corpusmend.siblings.shingles import overlap, shingle_hashes
from corpusmend.siblings.signatures import band_keys, minhash
from corpusmend.siblings.store import TextStore, text_digest
from corpusmend.siblings.tables import Column, SlotTable
from corpusmend.writers.atomic import AtomicFile

__all__ = ["SiblingIndex", "SiblingMatch", "entry_key", "signature_record"]

# Postings longer than MAX_POSTING (a stock phrase) say nothing and are skipped.
MAX_POSTING = 64
MIN_SHARED_SAMPLES = 2
# An LSH candidate that is not a containment candidate is verified only when its MinHash
# estimate of the Jaccard reaches this share of min_jaccard (at 0.5 and 64 permutations, a true
# pair falls below 0.4 x 0.5 about once in ten million).
LSH_ONLY_SLACK = 0.4
# Texts and shingles of recently verified candidates, kept for the next queries (bytes).
CACHE_BYTES = 64 << 20


class SiblingIndex:
    def __init__(self, options: SiblingOptions | None = None) -> None:
        self.options = options or SiblingOptions()
        self._ids: list[str] = []
        self._paths: list[str | None] = []
        self._path_names: dict[str | None, str | None] = {}  # one string per path
        self._slot_of: dict[str, int] = {}  # key -> its live slot
        self._signatures = Column(np.uint32, self.options.num_perm)
        self._texts = Column(np.int64, 3)  # (volume, offset, length) in the store
        self._extras = Column(np.int64, 3)  # the same for extras; length 0: none
        self._digests = Column(np.uint64)
        self._sample_counts = Column(np.uint32)
        self._alive = Column(np.bool_)
        self._bands = SlotTable(np.uint64)
        self._postings = SlotTable(np.uint32)
        self._replaced = False
        self._store = TextStore()
        self._cache: OrderedDict[int, tuple[Document, np.ndarray]] = OrderedDict()
        self._cached_bytes = 0
        # what the index was built from: the paths given, and a stamp of each input file
        self.roots: list[str] = []
        self.inputs: dict[str, list[Any]] = {}

    @classmethod
    def build(
        cls, documents: Iterable[Document], options: SiblingOptions | None = None
    ) -> SiblingIndex:
        index = cls(options)
        for doc in documents:
            index.add(doc)
        return index

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, doc: Document) -> bool:
        return entry_key(doc) in self._slot_of

    def _live_slots(self) -> Iterator[int]:
        return iter(np.flatnonzero(self._alive.view).tolist())

    def documents(self) -> Iterator[Document]:
        for slot in self._live_slots():
            yield self._document(slot)

    def keys(self) -> Iterator[str]:
        for slot in self._live_slots():
            yield key_of(self._ids[slot], self._paths[slot])

    # -- adding --------------------------------------------------------------------------------

    def add(self, doc: Document) -> None:
        """Add a document; one with the same identity (id and file) is replaced."""
        self.add_record(signature_record(doc, self.options))

    def add_record(self, record: SignatureRecord) -> None:
        """Add a document by its record (`signature_record(doc, options)`, computed anywhere
        with this index's options): the same as `add(doc)`."""
        if record.signature_key and record.signature_key != self.options.signature_key:
            raise ValueError(
                f"signature record computed with {record.signature_key}, not this index's"
                f" {self.options.signature_key}"
            )
        key = record.key
        old = self._slot_of.get(key)
        if old is not None:
            self._alive.data[old] = False
            self._replaced = True
            self._uncache(old)
        slot = self._alive.size
        self._ids.append(record.id)
        self._paths.append(self._path_names.setdefault(record.path, record.path))
        self._slot_of[key] = slot
        self._signatures.append(record.signature)
        self._texts.append(self._store.put(record.blob))
        self._extras.append(self._store.put(record.extras) if record.extras else (0, 0, 0))
        self._digests.append(record.digest)
        self._sample_counts.append(len(record.samples))
        self._alive.append(True)
        self._bands.add(band_keys(record.signature, self.options), slot)
        self._postings.add(record.samples, slot)

    # -- querying ------------------------------------------------------------------------------

    def query(
        self, doc: Document, limit: int | None = None, verify: int | None = None
    ) -> list[SiblingMatch]:
        """The verified siblings of `doc` (never itself), most similar first, then by key.
        Only the `verify` candidates of highest estimated similarity are verified (default
        `candidates.verify_bound(max_siblings)`; `len(index)`: all of them)."""
        found, _ = self.query_more(doc, verify)
        return found[: self.options.max_siblings if limit is None else limit]

    def query_more(
        self,
        doc: Document,
        verify: int | None = None,
        more: Callable[[str], bool] | None = None,
        more_floor: float = 0.0,
    ) -> tuple[list[SiblingMatch], list[SiblingMatch]]:
        """Every match among the candidates `query` verifies (most similar first), and the
        matches among the other candidates (in key order) whose estimated similarity reaches
        `more_floor` and for whose key `more` is true: grouping asks for the candidates it has
        not joined yet, which keeps a group of copies whole at a bounded cost."""
        opts = self.options
        key = entry_key(doc)
        own = self._slot_of.get(key)
        shingles = shingle_hashes(doc.text, opts.shingle_size)
        if len(shingles) == 0:
            return [], []
        if own is not None and int(self._digests.data[own]) == text_digest(doc.text):
            sig = self._signatures.data[own]
        else:
            sig = minhash(shingles, opts)
        self._settle()
        slots, score = self._candidates(shingles, sig, own)
        bound = candidates.verify_bound(opts.max_siblings) if verify is None else verify
        chosen, rest = candidates.best(score, bound, lambda i: self._key(int(slots[i])))
        found = self._verify(shingles, key, slots[chosen].tolist())
        found.sort(key=lambda m: (-round(m[1].similarity, 9), -m[1].shared, m[0]))
        extra: list[tuple[str, SiblingMatch]] = []
        if more is not None and len(rest):
            rest = rest[score[rest] >= more_floor]
            asked = sorted(k for k in map(self._key, slots[rest].tolist()) if more(k))
            extra = self._verify(shingles, key, [self._slot_of[k] for k in asked])
        return [m for _, m in found], [m for _, m in extra]

    def groups(self, min_similarity: float = 0.0) -> list[list[str]]:
        """Connected groups of siblings (keys sorted; groups ordered by their first key);
        documents without siblings are left out. With `min_similarity`, only pairs at least
        that similar connect (copies of one story, not pages that share a passage)."""
        keys = list(self.keys())
        sets = DisjointSets()
        for key, doc in zip(keys, self.documents(), strict=True):
            found, extra = self.query_more(
                doc, more=lambda k, key=key: sets.find(k) != sets.find(key)
            )
            for match in found + extra:
                if match.similarity >= min_similarity:
                    sets.join(key, entry_key(match.document))
        return sets.groups()

    def _candidates(
        self, shingles: np.ndarray, signature: np.ndarray, own: int | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The slots worth verifying (ascending) and their scores (`candidates.scores`):
        containment candidates, and LSH candidates whose MinHash estimate of the Jaccard is
        not far below the threshold."""
        contained, share = self._contained_candidates(samples_of(shingles))
        slots = np.union1d(contained, self._lsh_candidates(signature))
        shares = np.zeros(len(slots))
        shares[np.searchsorted(slots, contained)] = share
        jaccard, score = candidates.scores(signature, self._signatures.data[slots], shares)
        keep = (shares > 0) | (jaccard >= self.options.min_jaccard * LSH_ONLY_SLACK)
        if own is not None:
            keep &= slots != own
        return slots[keep], score[keep]

    def _verify(
        self, shingles: np.ndarray, key: str, slots: list[int]
    ) -> list[tuple[str, SiblingMatch]]:
        """The candidates that are siblings, with their keys."""
        opts = self.options
        matches = []
        for slot in slots:
            candidate_key = self._key(slot)
            if candidate_key == key:
                continue
            other, other_shingles = self._verified(slot)
            jaccard, containment, shared = overlap(shingles, other_shingles)
            if shared >= min(opts.min_shared, len(shingles)) and (
                jaccard >= opts.min_jaccard or containment >= opts.min_containment
            ):
                matches.append((candidate_key, SiblingMatch(other, jaccard, containment, shared)))
        return matches

    def _key(self, slot: int) -> str:
        return key_of(self._ids[slot], self._paths[slot])

    def _settle(self) -> None:
        if self._replaced:
            dead = ~self._alive.view
            self._bands.purge(dead)
            self._postings.purge(dead)
            self._replaced = False

    def _contained_candidates(self, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Entries that share enough sampled shingles with a document for one of the two to
        be largely contained in the other (an excerpt and its full text, whose Jaccard is too
        low for LSH to pair them reliably): their slots (ascending) and the share of the
        smaller sample set they have in common."""
        counts, slots = self._postings.lookup(samples)
        slots = slots[np.repeat(counts <= MAX_POSTING, counts)]
        if not len(slots):
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        found, shared = np.unique(slots, return_counts=True)
        share = self.options.min_containment / 2
        smaller = np.minimum(len(samples), self._sample_counts.data[found])
        keep = (shared >= MIN_SHARED_SAMPLES) & (shared >= share * smaller)
        return found[keep].astype(np.int64), shared[keep] / smaller[keep]

    def _lsh_candidates(self, signature: np.ndarray) -> np.ndarray:
        _, slots = self._bands.lookup(band_keys(signature, self.options))
        return np.unique(slots).astype(np.int64)

    # -- texts ---------------------------------------------------------------------------------

    def _document(self, slot: int) -> Document:
        cached = self._cache.get(slot)
        if cached is not None:
            self._cache.move_to_end(slot)
            return cached[0]
        return self._fetch(slot)

    def _fetch(self, slot: int) -> Document:
        text = self._store.text(*self._texts.data[slot].tolist(), int(self._digests.data[slot]))
        volume, offset, length = self._extras.data[slot].tolist()
        metadata, source, bom = unpack_extras(
            self._store.get(volume, offset, length) if length else None
        )
        return Document(
            text,
            id=self._ids[slot],
            path=self._paths[slot],
            metadata=metadata,
            source=source,  # type: ignore[arg-type]
            bom=bom,
        )

    def _verified(self, slot: int) -> tuple[Document, np.ndarray]:
        """A candidate's document and shingles (cached: candidates recur across queries)."""
        cached = self._cache.get(slot)
        if cached is not None:
            self._cache.move_to_end(slot)
            return cached
        doc = self._fetch(slot)
        entry = (doc, shingle_hashes(doc.text, self.options.shingle_size))
        self._cache[slot] = entry
        self._cached_bytes += _size(entry)
        while self._cached_bytes > CACHE_BYTES and len(self._cache) > 1:
            self._uncache(next(iter(self._cache)))
        return entry

    def _uncache(self, slot: int) -> None:
        entry = self._cache.pop(slot, None)
        if entry is not None:
            self._cached_bytes -= _size(entry)

    # -- on disk (index_file.py) ---------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        self._settle()
        live = np.flatnonzero(self._alive.view)
        renumber = np.cumsum(self._alive.view, dtype=np.int64) - 1
        texts = self._texts.data[live]
        arrays: dict[str, np.ndarray] = {}
        for name, table in (("bands", self._bands), ("postings", self._postings)):
            keys, slots = table.sorted_runs()
            arrays[f"{name}_keys"] = keys
            arrays[f"{name}_slots"] = renumber[slots].astype(np.uint32)
        lengths = texts[:, 2]
        arrays["signatures"] = self._signatures.data[live]
        arrays["sample_counts"] = self._sample_counts.data[live]
        arrays["digests"] = self._digests.data[live]
        arrays["text_offsets"] = (np.cumsum(lengths) - lengths).astype(np.int64)
        arrays["text_lengths"] = lengths.astype(np.int64)
        names = {"ids": [self._ids[s] for s in live], "paths": [self._paths[s] for s in live]}
        arrays["names"] = np.frombuffer(json.dumps(names, ensure_ascii=False).encode(), np.uint8)
        header = {"options": self.options.to_dict(), "roots": self.roots, "inputs": self.inputs}
        header["count"] = len(live)
        blobs = (self._store.get(*row) for row in texts.tolist())
        with AtomicFile(Path(path)) as target:
            index_file.write(target.file, header, arrays, blobs)

    @classmethod
    def load(cls, path: str | Path) -> SiblingIndex:
        path = Path(path)
        try:
            legacy = index_file.is_legacy(path)
        except OSError as exc:
            raise CorpusmendError(f"{path}: cannot read sibling index: {exc}") from None
        if legacy:
            header, documents = index_file.read_legacy(path)
            index = cls(SiblingOptions.from_dict(header.get("options", {})))
            for doc in documents:
                index.add(doc)
        else:
            header, arrays, texts_start = index_file.read(path)
            index = cls(SiblingOptions.from_dict(header.get("options", {})))
            index._adopt(path, arrays, texts_start)
            if header["version"] != index_file.VERSION:  # other shingle hashes: sign again
                old, index = index, cls(index.options)
                for doc in old.documents():
                    index.add(doc)
                old.close()
        index.roots = list(header.get("roots", []))
        index.inputs = dict(header.get("inputs", {}))
        return index

    def _adopt(self, path: Path, arrays: dict[str, np.ndarray], texts_start: int) -> None:
        try:
            names = json.loads(arrays["names"].tobytes())
            ids, paths = names["ids"], names["paths"]
            n = len(ids)
            signatures = arrays["signatures"]
            if signatures.shape != (n, self.options.num_perm) or len(paths) != n:
                raise ValueError(f"{n} names but signatures of shape {signatures.shape}")
            volume = self._store.open_volume(str(path))
            texts = np.stack(
                [
                    np.full(n, volume, dtype=np.int64),
                    arrays["text_offsets"] + texts_start,
                    arrays["text_lengths"],
                ],
                axis=1,
            )
            self._path_names = {p: p for p in paths}
            self._ids = ids
            self._paths = [self._path_names[p] for p in paths]
            self._slot_of = {
                key_of(i, p): s for s, (i, p) in enumerate(zip(ids, paths, strict=True))
            }
            if len(self._slot_of) != n:
                raise ValueError("two entries have the same key")
            self._signatures = Column(np.uint32, data=signatures)
            self._texts = Column(np.int64, data=texts)
            self._extras = Column(np.int64, data=np.zeros((n, 3), dtype=np.int64))
            self._digests = Column(np.uint64, data=arrays["digests"])
            self._sample_counts = Column(np.uint32, data=arrays["sample_counts"])
            self._alive = Column(np.bool_, data=np.ones(n, dtype=np.bool_))
            self._bands = SlotTable.from_sorted(arrays["bands_keys"], arrays["bands_slots"])
            self._postings = SlotTable.from_sorted(
                arrays["postings_keys"], arrays["postings_slots"]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CorpusmendError(f"{path}: bad sibling index: {exc}") from None

    def close(self) -> None:
        """Close the files the texts are read from (the index cannot fetch texts after)."""
        self._store.close()


def _size(entry: tuple[Document, np.ndarray]) -> int:
    return len(entry[0].text) + entry[1].nbytes + 200
