"""`Linter.check` on one clean page of about 5 KB: the per-document cost a scraper pays."""

from __future__ import annotations

import statistics
import time
from typing import Any

from bench.corpora import Corpus
from bench.measure import percentile
from corpusmend import Linter

P50_TARGET_US = 500
P99_TARGET_US = 2000


def page_of_5kb(corpus: Corpus) -> str:
    """The corpus document closest to 5,000 characters."""
    return min(corpus.texts, key=lambda t: (abs(len(t) - 5000), t))


def run(linter: Linter, corpora: list[Corpus], runs: int) -> dict[str, Any]:
    rows = []
    for corpus in corpora:
        text = page_of_5kb(corpus)
        for _ in range(3):
            linter.check(text)
        times = []
        for _ in range(runs):
            start = time.process_time()  # CPU time: see bench.measure.best_time
            linter.check(text)
            times.append(time.process_time() - start)
        times.sort()
        rows.append(
            {
                "corpus": corpus.name,
                "chars": len(text),
                "runs": runs,
                "median_us": 1e6 * statistics.median(times),
                "p99_us": 1e6 * percentile(times, 0.99),
            }
        )
    return {"targets": {"p50_us": P50_TARGET_US, "p99_us": P99_TARGET_US}, "rows": rows}
