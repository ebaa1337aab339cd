"""Whole commands over a corpus, as users run them: `corpusmend index`, `check` with and without
siblings, `--jobs 1` against `--jobs 2`, and peak memory as the corpus grows.

The corpus is text files, one document each, cycling through the real texts (or the invented
ones when no real corpus is at hand): repeated texts are exact copies, as a viral story's are.
"""

from __future__ import annotations

import math
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.corpora import Corpus, write_repeated
from bench.measure import corpusmend_cmd, run_process

INDEX_TARGET_DOCS_PER_S_PER_CORE = 2000
JOBS_TARGET = 1.8


def _check(folder: Path, *extra: str) -> list[str]:
    return [
        *corpusmend_cmd(), "check", str(folder), "--format", "json", "--exit-zero", "--no-cache",
        "--no-progress", *extra,
    ]  # fmt: skip


def index_rate(corpus: Corpus, root: Path, docs: int) -> dict[str, Any]:
    folder = write_repeated(corpus.texts, root / "index-input", docs)
    seconds, rss = run_process([*corpusmend_cmd(), "index", str(folder), "-o", str(root / "i.idx")])
    return {
        "corpus": corpus.name,
        "documents": docs,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "peak_rss_mb": rss,
        "target_docs_per_s_per_core": INDEX_TARGET_DOCS_PER_S_PER_CORE,
    }


def jobs(corpus: Corpus, root: Path, docs: int) -> dict[str, Any]:
    folder = write_repeated(corpus.texts, root / "jobs-input", docs)
    one, _ = run_process(_check(folder, "--no-siblings", "--jobs", "1"))
    two, _ = run_process(_check(folder, "--no-siblings", "--jobs", "2"))
    return {
        "corpus": corpus.name,
        "documents": docs,
        "jobs_1_s": one,
        "jobs_2_s": two,
        "speedup": one / two,
        "target": JOBS_TARGET,
    }


def siblings(corpus: Corpus, root: Path, base: int) -> dict[str, Any]:
    """`check` with siblings against `--no-siblings` at 1x, 4x and 16x, and the fitted exponent
    of the sibling run's time in the corpus size (1.0 is linear)."""
    points = []
    for factor in (1, 4, 16):
        n = base * factor
        folder = write_repeated(corpus.texts, root / f"sib{factor}", n)
        with_s, with_rss = run_process(_check(folder, "--jobs", "1"))
        without_s, without_rss = run_process(_check(folder, "--no-siblings", "--jobs", "1"))
        points.append(
            {
                "factor": factor,
                "documents": n,
                "siblings_s": with_s,
                "no_siblings_s": without_s,
                "siblings_peak_rss_mb": with_rss,
                "no_siblings_peak_rss_mb": without_rss,
            }
        )
    xs = [math.log(p["documents"]) for p in points]
    ys = [math.log(p["siblings_s"]) for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return {"corpus": corpus.name, "points": points, "exponent": slope}


def run(corpus: Corpus, sizes: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-") as tmp:
        root = Path(tmp)
        return {
            "index": index_rate(corpus, root, sizes.index_docs),
            "jobs": jobs(corpus, root, sizes.jobs_docs),
            "siblings": siblings(corpus, root, sizes.sibling_base),
        }
