"""A large JSONL corpus made from the real shared corpora, for index speed and memory runs.

    python -m bench.repeated_corpus /tmp/big.jsonl --size-mb 1024
    python -m bench.repeated_corpus /tmp/10k.jsonl --docs 10000

The real texts (`../shared/corpora/`, else the invented corpus) are written again and again,
each round with new ids and its own vocabulary shift: in round r, about one word type in four
is replaced, everywhere it occurs, by another word of the corpus chosen by a hash of (word, r).
Copies of one story within a round stay copies of each other with the same overlap as the real
ones (the real groups), while two rounds of one text share about 6% of their 5-word shingles
(under the sibling thresholds), so groups keep their real sizes instead of growing with every
round. Not a test;
the data is not kept in the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from bench.corpora import invented, real_corpora

_WORD = re.compile(r"[^\W\d_]{3,}")
SHIFT_ONE_IN = 4


def _vocabulary(texts: list[str]) -> list[str]:
    return sorted({w for t in texts for w in _WORD.findall(t)})


def _shifted(text: str, rnd: int, vocabulary: list[str]) -> str:
    salt = f":{rnd}".encode()

    def swap(m: re.Match[str]) -> str:
        word = m.group()
        h = zlib.crc32(word.encode("utf-8", "surrogatepass") + salt)
        if h % SHIFT_ONE_IN:
            return word
        return vocabulary[(h // SHIFT_ONE_IN) % len(vocabulary)]

    return _WORD.sub(swap, text)


def records(texts: list[str]) -> Iterator[dict[str, str]]:
    """Endless records: the texts, round after round, each round shifted its own way."""
    vocabulary = _vocabulary(texts)
    rnd = 0
    while True:
        for i, text in enumerate(texts):
            yield {"id": f"r{rnd}-{i}", "text": _shifted(text, rnd, vocabulary)}
        rnd += 1


def source_texts() -> list[str]:
    real = real_corpora([], "text")
    return [t for c in real for t in c.texts] or invented(300).texts


def write(path: Path, docs: int | None, size_mb: float | None) -> tuple[int, int]:
    """Write until `docs` records or `size_mb` MB; returns (records, bytes)."""
    limit = int(size_mb * 1024 * 1024) if size_mb else None
    n = written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records(source_texts()):
            if (docs is not None and n >= docs) or (limit is not None and written >= limit):
                break
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8", "surrogatepass"))
            n += 1
    return n, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.repeated_corpus", description=__doc__)
    parser.add_argument("output", type=Path)
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--docs", type=int, help="number of records")
    size.add_argument("--size-mb", type=float, help="size of the file")
    args = parser.parse_args(argv)
    n, written = write(args.output, args.docs, args.size_mb)
    print(f"wrote {n:,} records, {written / 1e6:,.1f} MB, to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
