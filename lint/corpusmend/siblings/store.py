"""TextStore: the indexed texts, compressed, on disk; the index keeps only where each one is.

Why compressed copies rather than offsets into the input files: a document's text is what the
reader made of its input (a record's field, decoded, a BOM or a code page handled), JSONL.gz and
Parquet have no byte offset to seek to, and a saved index must still give the siblings' texts
when the corpus has moved or changed (a pre-commit run, another machine). So each text is
compressed once (zlib level 1: about 0.48 of the text on news, for a third of level 6's time)
and appended to a file: a temporary file while an index is built, the index file itself once it
is saved (a loaded index reads its texts from its own file, never into memory). A fetched text
is checked against the 8-byte BLAKE2b digest the index holds, so a damaged or edited index file
is an error naming it, not a wrong sibling.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from typing import BinaryIO

from corpusmend.errors import CorpusmendError

LEVEL = 1


def text_digest(text: str) -> int:
    """64 bits that tell one text from another (the index's "same text" test and its check on
    every fetch): an 8-byte BLAKE2b digest."""
    return _digest(text.encode("utf-8", "surrogatepass"))


def stored(text: str) -> tuple[bytes, int]:
    """The text as the store keeps it (zlib, LEVEL) and its `text_digest`, encoded once."""
    data = text.encode("utf-8", "surrogatepass")
    return zlib.compress(data, LEVEL), _digest(data)


def _digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class TextStore:
    """Blobs in files (volumes): a read-only file a loaded index came from, and a temporary file
    new texts are appended to. A location is (volume, offset, length)."""

    def __init__(self) -> None:
        self._volumes: list[tuple[BinaryIO, str]] = []
        self._spool: BinaryIO | None = None
        self._spool_volume = -1
        self._spool_end = 0
        self._unflushed = False

    def open_volume(self, path: str) -> int:
        """Read blobs from an existing file (a saved index); returns its volume number."""
        self._volumes.append((open(path, "rb"), path))  # noqa: SIM115 (kept open: fetches)
        return len(self._volumes) - 1

    def put(self, blob: bytes) -> tuple[int, int, int]:
        if self._spool is None:
            self._spool = tempfile.TemporaryFile(prefix="corpusmend-texts-")  # noqa: SIM115
            self._volumes.append((self._spool, "<temporary text store>"))
            self._spool_volume = len(self._volumes) - 1
        self._spool.write(blob)
        self._unflushed = True
        offset = self._spool_end
        self._spool_end += len(blob)
        return self._spool_volume, offset, len(blob)

    def get(self, volume: int, offset: int, length: int) -> bytes:
        fh, _ = self._volumes[volume]
        if volume == self._spool_volume and self._unflushed:
            fh.flush()
            self._unflushed = False
        blob = os.pread(fh.fileno(), length, offset)
        if len(blob) != length:
            raise CorpusmendError(f"{self.name(volume)}: sibling text store is truncated")
        return blob

    def text(self, volume: int, offset: int, length: int, digest: int) -> str:
        """The text at a location, checked against its digest."""
        try:
            text = zlib.decompress(self.get(volume, offset, length)).decode(
                "utf-8", "surrogatepass"
            )
        except (zlib.error, UnicodeDecodeError) as exc:
            raise CorpusmendError(
                f"{self.name(volume)}: damaged sibling text at byte {offset}: {exc}"
            ) from None
        if text_digest(text) != digest:
            raise CorpusmendError(
                f"{self.name(volume)}: sibling text at byte {offset} does not match the index"
                " (the file was changed after it was written); rebuild it with `corpusmend index`"
            )
        return text

    def name(self, volume: int) -> str:
        return self._volumes[volume][1]

    def close(self) -> None:
        for fh, _ in self._volumes:
            fh.close()
        self._volumes.clear()
        self._spool = None
        self._spool_volume = -1
