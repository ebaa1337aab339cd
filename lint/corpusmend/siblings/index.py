"""SiblingIndex: the versions of every document in a corpus, found by MinHash LSH and verified.

Build it from documents, add more, save it to a file and load it back (so a pre-commit run that
is handed only the changed files, or a scraper, still sees the whole corpus), and query it with a
document to get that document's siblings, most similar first. Everything is deterministic: the
same documents give the same matches in the same order.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from corpusmend.document import Document
from corpusmend.errors import CorpusmendError
from corpusmend.siblings.options import SiblingOptions
from corpusmend.siblings.shingles import overlap, shingle_hashes
from corpusmend.siblings.signatures import from_hashvalues, new_lsh, signature
from corpusmend.writers.atomic import AtomicFile

FORMAT = "corpusmend-sibling-index"
VERSION = 2  # 2: the header records the input files (roots and stamps) for staleness checks
READABLE_VERSIONS = (1, 2)
# Containment candidates: every shingle whose hash has its top SAMPLE_BITS bits clear (one in
# eight) is posted in an inverted index. Sampling by value keeps containment: the samples of an
# excerpt are samples of the full text too. Postings longer than MAX_POSTING (a stock phrase)
# say nothing and are skipped.
SAMPLE_BITS = 3
MAX_POSTING = 64
MIN_SHARED_SAMPLES = 2
# An LSH candidate that is not a containment candidate is verified only when its MinHash
# estimate of the Jaccard reaches this share of min_jaccard (at 0.5 and 64 permutations, a true
# pair falls below 0.4 x 0.5 about once in ten million).
LSH_ONLY_SLACK = 0.4


def entry_key(doc: Document) -> str:
    """A document's identity in the index: its id, qualified by its file when that differs."""
    if doc.path is None or doc.path == doc.id:
        return doc.id
    return f"{doc.path}#{doc.id}"


@dataclass
class _Entry:
    key: str
    doc: Document
    hashvalues: np.ndarray
    shingles: np.ndarray | None = None
    samples: tuple[int, ...] | None = None  # None: not computed yet

    def shingle_set(self, size: int) -> np.ndarray:
        if self.shingles is None:
            self.shingles = shingle_hashes(self.doc.text, size)
        return self.shingles


@dataclass(frozen=True)
class SiblingMatch:
    """A verified sibling: the document and how much of the two texts' shingles they share."""

    document: Document
    jaccard: float
    containment: float
    shared: int

    @property
    def similarity(self) -> float:
        return max(self.jaccard, self.containment)


class SiblingIndex:
    def __init__(self, options: SiblingOptions | None = None) -> None:
        self.options = options or SiblingOptions()
        self._entries: dict[str, _Entry] = {}
        self._lsh = new_lsh(self.options)
        self._postings: dict[int, list[str]] = {}
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
        return len(self._entries)

    def __contains__(self, doc: Document) -> bool:
        return entry_key(doc) in self._entries

    def documents(self) -> Iterator[Document]:
        for entry in self._entries.values():
            yield entry.doc

    def add(self, doc: Document) -> None:
        """Add a document; one with the same identity (id and file) is replaced."""
        shingles = shingle_hashes(doc.text, self.options.shingle_size)
        sig = signature(shingles, self.options)
        self._insert(_Entry(entry_key(doc), doc, sig.hashvalues, shingles))

    def _insert(self, entry: _Entry) -> None:
        if entry.key in self._entries:
            self._lsh.remove(entry.key)
            old = self._entries.pop(entry.key)
            for h in old.samples or ():
                self._postings[h].remove(old.key)
        self._entries[entry.key] = entry
        self._lsh.insert(entry.key, from_hashvalues(entry.hashvalues, self.options))
        if entry.samples is None:
            entry.samples = _samples(entry.shingle_set(self.options.shingle_size))
        for h in entry.samples:
            self._postings.setdefault(h, []).append(entry.key)

    def _contained_candidates(self, samples: tuple[int, ...]) -> set[str]:
        """Entries that share enough sampled shingles with a document for one of the two to
        be largely contained in the other: an excerpt and its full text, whose Jaccard is too
        low for LSH to pair them reliably."""
        postings = self._postings
        lists = (postings.get(h, ()) for h in samples)
        counts = Counter(chain.from_iterable(p for p in lists if len(p) <= MAX_POSTING))
        share = self.options.min_containment / 2
        entries = self._entries
        return {
            key
            for key, shared in counts.items()
            if shared >= MIN_SHARED_SAMPLES
            and shared >= share * min(len(samples), len(entries[key].samples or ()))
        }

    def query(self, doc: Document, limit: int | None = None) -> list[SiblingMatch]:
        """The verified siblings of `doc` (never itself), most similar first, then by key."""
        opts = self.options
        key = entry_key(doc)
        entry = self._entries.get(key)
        if entry is not None and entry.doc.text == doc.text:
            shingles = entry.shingle_set(opts.shingle_size)
            sig = from_hashvalues(entry.hashvalues, opts)
        else:
            shingles = shingle_hashes(doc.text, opts.shingle_size)
            sig = signature(shingles, opts)
        if len(shingles) == 0:
            return []
        matches: list[tuple[str, SiblingMatch]] = []
        same = entry is not None and entry.doc.text == doc.text
        contained = self._contained_candidates(
            (entry.samples or ()) if same and entry is not None else _samples(shingles)
        )
        for candidate in sorted(contained.union(self._lsh.query(sig))):
            if candidate == key:
                continue
            other = self._entries[candidate]
            if candidate not in contained and _estimate(sig.hashvalues, other.hashvalues) < (
                opts.min_jaccard * LSH_ONLY_SLACK
            ):
                continue  # an LSH candidate far below the Jaccard threshold (and not contained)
            jaccard, containment, shared = overlap(shingles, other.shingle_set(opts.shingle_size))
            if shared >= min(opts.min_shared, len(shingles)) and (
                jaccard >= opts.min_jaccard or containment >= opts.min_containment
            ):
                matches.append((candidate, SiblingMatch(other.doc, jaccard, containment, shared)))
        matches.sort(key=lambda m: (-round(m[1].similarity, 9), -m[1].shared, m[0]))
        limit = opts.max_siblings if limit is None else limit
        return [m for _, m in matches[:limit]]

    def groups(self, min_similarity: float = 0.0) -> list[list[str]]:
        """Connected groups of siblings (keys sorted; groups ordered by their first key);
        documents without siblings are left out. With `min_similarity`, only pairs at least
        that similar connect (copies of one story, not pages that share a passage)."""
        parent = {k: k for k in self._entries}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for key, entry in self._entries.items():
            for match in self.query(entry.doc, limit=len(self._entries)):
                if match.similarity < min_similarity:
                    continue
                a, b = find(key), find(entry_key(match.document))
                if a != b:
                    parent[max(a, b)] = min(a, b)
        clusters: dict[str, list[str]] = {}
        for key in self._entries:
            clusters.setdefault(find(key), []).append(key)
        return sorted((sorted(c) for c in clusters.values() if len(c) > 1), key=lambda c: c[0])

    # -- on disk: gzip JSON lines, a header then one line per document -------------------------

    def save(self, path: str | Path) -> None:
        with (
            AtomicFile(Path(path)) as target,
            gzip.open(target.file, "wt", encoding="utf-8", errors="surrogatepass") as out,
        ):
            header = {
                "format": FORMAT,
                "version": VERSION,
                "options": self.options.to_dict(),
                "roots": self.roots,
                "inputs": self.inputs,
            }
            out.write(json.dumps(header) + "\n")
            for entry in self._entries.values():
                out.write(json.dumps(_entry_record(entry), ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: str | Path) -> SiblingIndex:
        path = Path(path)
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as f:
                lines = iter(f)
                header = _parse(path, 1, next(lines, ""))
                if header.get("format") != FORMAT or header.get("version") not in READABLE_VERSIONS:
                    raise CorpusmendError(
                        f"{path}:1: not a corpusmend sibling index (version {VERSION})"
                    )
                index = cls(SiblingOptions.from_dict(header.get("options", {})))
                index.roots = list(header.get("roots", []))
                index.inputs = dict(header.get("inputs", {}))
                for number, line in enumerate(lines, 2):
                    index._insert(_entry_from(path, number, _parse(path, number, line), index))
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise CorpusmendError(f"{path}: cannot read sibling index: {exc}") from None
        return index


def _estimate(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def _samples(shingles: np.ndarray) -> tuple[int, ...]:
    """The shingles sampled for containment candidates (by value, so deterministic)."""
    return tuple(shingles[(shingles >> (32 - SAMPLE_BITS)) == 0].tolist())


def _entry_record(entry: _Entry) -> dict[str, Any]:
    doc = entry.doc
    return {
        "key": entry.key,
        "id": doc.id,
        "path": doc.path,
        "text": doc.text,
        "minhash": _b64(entry.hashvalues),
        "samples": _b64(np.asarray(entry.samples or (), dtype=np.uint32)),
    }


def _b64(values: np.ndarray) -> str:
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def _parse(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusmendError(f"{path}:{number}: bad JSON in sibling index: {exc.msg}") from None
    if not isinstance(value, dict):
        raise CorpusmendError(f"{path}:{number}: expected an object in sibling index")
    return value


def _entry_from(path: Path, number: int, record: dict[str, Any], index: SiblingIndex) -> _Entry:
    try:
        doc = Document(record["text"], id=record["id"], path=record["path"])
        values = np.frombuffer(base64.b64decode(record["minhash"]), dtype="<u4")
        key = record["key"]
        # the sampled shingles (absent from indexes written before them: computed again)
        samples = record.get("samples")
        if samples is not None:
            samples = tuple(np.frombuffer(base64.b64decode(samples), dtype="<u4").tolist())
    except (KeyError, TypeError, ValueError) as exc:
        raise CorpusmendError(f"{path}:{number}: bad sibling index entry: {exc}") from None
    if len(values) != index.options.num_perm:
        raise CorpusmendError(
            f"{path}:{number}: field minhash has {len(values)} values, not {index.options.num_perm}"
        )
    return _Entry(key, doc, values.astype(np.uint32), samples=samples)
