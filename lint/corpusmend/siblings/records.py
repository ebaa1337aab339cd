"""What the sibling index keeps of one document, computed apart from the index.

`signature_record(doc, options)` is pure and its result picklable: workers (a process pool, Ray
map tasks) compute records, and the index is assembled from them in input order with
`SiblingIndex.add_record`, which gives the same index as `add(doc)` on each document. A record
holds the MinHash signature, the sampled shingles the containment candidates are found by, the
compressed text and its digest, and (not saved in index files) the document's metadata, record
source and BOM flag, so a sibling handed to the rules is the document the reader made.

    record = signature_record(doc, options)       # in a worker: pure, picklable result
    index = SiblingIndex(options)
    for record in records_in_input_order:         # on the driver
        index.add_record(record)

Queries do not depend on the order records are added in; the saved file and `documents()` do,
so add them in input order for byte-identical files whatever the workers.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass

import numpy as np

from corpusmend.document import Document
from corpusmend.siblings.options import SiblingOptions
from corpusmend.siblings.shingles import shingle_hashes
from corpusmend.siblings.signatures import minhash
from corpusmend.siblings.store import stored

# Containment candidates: every shingle whose hash has its top SAMPLE_BITS bits clear (one in
# four) is posted in an inverted index. Sampling by value keeps containment: the samples of an
# excerpt are samples of the full text too. One in four, not eight: a short copy (60 shingles, 27
# of them shared) then has about 7 shared samples where one in eight gave it 3.4 and a 15% chance
# of falling under MIN_SHARED_SAMPLES; on article-comparisons a change of hash alone lost 28 of
# the 1,115 reference pairs at one in eight, and none at one in four.
SAMPLE_BITS = 2


def entry_key(doc: Document) -> str:
    """A document's identity in the index: its id, qualified by its file when that differs."""
    return key_of(doc.id, doc.path)


def key_of(doc_id: str, path: str | None) -> str:
    if path is None or path == doc_id:
        return doc_id
    return f"{path}#{doc_id}"


def samples_of(shingles: np.ndarray) -> np.ndarray:
    """The shingles sampled for containment candidates (by value, so deterministic)."""
    return shingles[(shingles >> (32 - SAMPLE_BITS)) == 0]


@dataclass(frozen=True)
class SignatureRecord:
    id: str
    path: str | None
    signature: np.ndarray  # uint32, num_perm values
    samples: np.ndarray  # uint32, sorted
    blob: bytes  # the text, zlib-compressed (siblings.store)
    digest: int  # 64-bit BLAKE2b of the text
    extras: bytes | None = None  # zlib(pickle((metadata, source, bom))), None when all empty
    signature_key: tuple[int, ...] = ()  # the options the signature was computed with

    @property
    def key(self) -> str:
        return key_of(self.id, self.path)


def signature_record(
    doc: Document, options: SiblingOptions, extras: bool = True
) -> SignatureRecord:
    """The record the sibling index keeps of `doc` (pure: any process computes the same).
    `extras=False` leaves out metadata, record source and BOM flag (an index that is only
    saved, whose file does not hold them)."""
    shingles = shingle_hashes(doc.text, options.shingle_size)
    blob, digest = stored(doc.text)
    return SignatureRecord(
        id=doc.id,
        path=doc.path,
        signature=minhash(shingles, options),
        samples=samples_of(shingles),
        blob=blob,
        digest=digest,
        extras=pack_extras(doc) if extras else None,
        signature_key=options.signature_key,
    )


def pack_extras(doc: Document) -> bytes | None:
    if not doc.metadata and doc.source is None and not doc.bom:
        return None
    return zlib.compress(pickle.dumps((doc.metadata, doc.source, doc.bom), protocol=5), 1)


def unpack_extras(blob: bytes | None) -> tuple[dict, object, bool]:
    if not blob:
        return {}, None, False
    metadata, source, bom = pickle.loads(zlib.decompress(blob))  # our own temporary store
    return metadata, source, bom
