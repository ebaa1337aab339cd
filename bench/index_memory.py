"""How the sibling index's memory grows with the corpus: resident memory per document at 10k,
100k and 1M documents. Not a test.

    python -m bench.index_memory                  # 10k, 100k, 1M
    python -m bench.index_memory --sizes 10000 100000

The records (`signature_record`) of the real shared texts (`bench.repeated_corpus`, first
round) are computed once; the index is then filled with copies of them under new ids, each
copy's signature and sampled shingles salted with random values, so the LSH and posting tables
grow as they would with new documents (the compressed texts go to the index's temporary store
on disk, which is not resident memory). After each size the tables are settled by one query and
the process's resident memory (VmRSS) is read; the figure is the growth over the empty index,
per document.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
from pathlib import Path

import numpy as np

from bench.repeated_corpus import source_texts
from corpusmend import Document
from corpusmend.siblings import SiblingIndex
from corpusmend.siblings.records import signature_record


def rss_mb(field: str = "VmRSS") -> float:
    """The process's resident memory now (VmRSS) or at its peak so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.index_memory", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    texts = source_texts()
    index = SiblingIndex()
    base = [
        signature_record(Document(t, id=f"base{i}"), index.options, extras=False)
        for i, t in enumerate(texts)
    ]
    probe = Document(texts[0], id="probe")
    rng = np.random.default_rng(0)
    gc.collect()
    start_rss = rss_mb()
    print(f"{len(base)} real records; empty index: {start_rss:.0f} MB", file=sys.stderr)
    print("documents | RSS growth | bytes per document | peak RSS (process) | seconds to add")
    n = 0
    for size in sorted(args.sizes):
        started = time.perf_counter()
        while n < size:
            record = base[n % len(base)]
            salt = rng.integers(0, 1 << 32, dtype=np.uint32)
            salted = dataclasses.replace(
                record,
                id=f"d{n}",
                signature=record.signature ^ salt,
                samples=np.sort(record.samples ^ salt),
            )
            index.add_record(salted)
            n += 1
        index.query(probe)  # settles the tables
        seconds = time.perf_counter() - started
        gc.collect()
        grown = rss_mb() - start_rss
        per_doc = grown * 1024 * 1024 / n
        peak = rss_mb("VmHWM")
        print(f"{n:,} | {grown:,.0f} MB | {per_doc:,.0f} | {peak:,.0f} MB | {seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
