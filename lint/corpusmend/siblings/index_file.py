"""The sibling index file, version 4: a header, flat arrays, then the compressed texts.

    corpusmend-sibling-index\\n          the magic line
    8 bytes                              the header's length (little-endian)
    header                               JSON: format, version, options, roots, inputs, count,
                                         and each array's dtype, shape and place
    arrays                               raw little-endian: signatures, LSH band table, postings,
                                         sample counts, text places and digests, names
    texts                                each document's text, zlib-compressed, one after another

A loaded index reads the arrays (what a query needs) and leaves the texts in the file: it
fetches a sibling's text from there when the sibling is asked for. Version 3 has the same layout
with the shingles hashed another way (crc32 of each word): `read` reads it too, and the index
signs its texts again. Versions 1 and 2 (gzip JSON lines with every full text) are read by
`read_legacy`, which gives the documents to add again.
"""

from __future__ import annotations

import gzip
import json
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from corpusmend.document import Document
from corpusmend.errors import CorpusmendError

FORMAT = "corpusmend-sibling-index"
VERSION = 4  # 4: words hashed over the whole text at once (shingles.py), not crc32 per word
RESIGNED_VERSIONS = (3,)  # the layout of VERSION, other shingle hashes: texts signed again
# 3: texts stored apart (compressed), arrays instead of JSON lines; no datasketch
LEGACY_VERSIONS = (1, 2)  # gzip JSON lines: 2 recorded the input files
MAGIC = b"corpusmend-sibling-index\n"
_GZIP = b"\x1f\x8b"


def is_legacy(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == _GZIP


def write(
    out: BinaryIO, header: dict[str, Any], arrays: dict[str, np.ndarray], texts: Iterable[bytes]
) -> None:
    """Write the file: `arrays` in order, then every blob of `texts`."""
    places: dict[str, list[Any]] = {}
    offset = 0
    for name, array in arrays.items():
        little = array.astype(array.dtype.newbyteorder("<"), copy=False)
        places[name] = [little.dtype.str, list(array.shape), offset, little.nbytes]
        offset += little.nbytes
    full = {"format": FORMAT, "version": VERSION, **header, "arrays": places, "texts": offset}
    encoded = json.dumps(full, ensure_ascii=False).encode("utf-8")
    out.write(MAGIC + struct.pack("<Q", len(encoded)) + encoded)
    for array in arrays.values():
        out.write(np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes())
    for blob in texts:
        out.write(blob)


def read(path: Path) -> tuple[dict[str, Any], dict[str, np.ndarray], int]:
    """(header, arrays, where the texts start in the file). A version 3 file is read too: its
    header says so, and its signatures, bands and postings are not this version's."""
    try:
        with path.open("rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                raise CorpusmendError(f"{path}: not a corpusmend sibling index (version {VERSION})")
            (length,) = struct.unpack("<Q", _exactly(f, 8, path))
            header = json.loads(_exactly(f, length, path))
            start = len(MAGIC) + 8 + length
            version = header.get("version")
            if header.get("format") != FORMAT or version not in (VERSION, *RESIGNED_VERSIONS):
                raise CorpusmendError(f"{path}: not a corpusmend sibling index (version {VERSION})")
            arrays = {}
            for name, (dtype, shape, offset, nbytes) in header["arrays"].items():
                f.seek(start + offset)
                flat = np.frombuffer(_exactly(f, nbytes, path), dtype=np.dtype(dtype))
                arrays[name] = flat.reshape(shape)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusmendError(f"{path}: cannot read sibling index: {exc}") from None
    return header, arrays, start + header["texts"]


def _exactly(f: BinaryIO, n: int, path: Path) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise CorpusmendError(f"{path}: sibling index is truncated")
    return data


def read_legacy(path: Path) -> tuple[dict[str, Any], Iterator[Document]]:
    """The header and documents of a version 1 or 2 index (gzip JSON lines)."""
    try:
        f = gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass")  # noqa: SIM115
        header = _parse(path, 1, next(iter(f), ""))
    except (OSError, EOFError) as exc:
        raise CorpusmendError(f"{path}: cannot read sibling index: {exc}") from None
    if header.get("format") != FORMAT or header.get("version") not in LEGACY_VERSIONS:
        f.close()
        raise CorpusmendError(f"{path}:1: not a corpusmend sibling index (version {VERSION})")

    def documents() -> Iterator[Document]:
        try:
            with f:
                for number, line in enumerate(f, 2):
                    record = _parse(path, number, line)
                    try:
                        yield Document(record["text"], id=record["id"], path=record["path"])
                    except (KeyError, TypeError) as exc:
                        raise CorpusmendError(
                            f"{path}:{number}: bad sibling index entry: {exc}"
                        ) from None
        except (OSError, EOFError) as exc:
            raise CorpusmendError(f"{path}: cannot read sibling index: {exc}") from None

    return header, documents()


def _parse(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusmendError(f"{path}:{number}: bad JSON in sibling index: {exc.msg}") from None
    if not isinstance(value, dict):
        raise CorpusmendError(f"{path}:{number}: expected an object in sibling index")
    return value
