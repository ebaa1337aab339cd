"""`corpusmend index` as users run it, on real news: documents per second per core (and per
CPU second, all processes), start-up included, at `--jobs 1` and `--jobs 2` (the two files
must be byte-identical), and how long a pre-commit-style `check` of one file takes with the
index (loading it included).

The corpus is a JSONL of the shared real texts written round after round with new ids and a
per-round vocabulary shift (`bench.repeated_corpus`), so sibling groups keep their real sizes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import corpusmend_cmd, run_process, run_process_cpu
from bench.repeated_corpus import write

TARGET_DOCS_PER_S_PER_CORE = 2000


def run(docs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-index-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus.jsonl"
        written, size = write(corpus, docs, None)
        rows = []
        for jobs in (1, 2):
            out = root / f"jobs{jobs}.idx"
            args = [*corpusmend_cmd(), "index", str(corpus), "-o", str(out), "--jobs", str(jobs)]
            seconds, rss, cpu = run_process_cpu(args)
            rows.append(
                {
                    "jobs": jobs,
                    "seconds": seconds,
                    "cpu_s": cpu,
                    "docs_per_s": written / seconds,
                    "docs_per_s_per_core": written / seconds / jobs,
                    "docs_per_cpu_s": written / cpu,  # what a loaded machine distorts least
                    "peak_rss_mb": rss,
                    "index_mb": out.stat().st_size / 1e6,
                }
            )
        identical = (root / "jobs1.idx").read_bytes() == (root / "jobs2.idx").read_bytes()
        one = root / "one.txt"
        with corpus.open(encoding="utf-8") as f:
            one.write_text(json.loads(f.readline())["text"], encoding="utf-8")
        check = [
            *corpusmend_cmd(), "check", str(one), "--index", str(root / "jobs1.idx"),
            "--select", "SIB", "--no-cache", "--exit-zero",
        ]  # fmt: skip
        check_s, check_rss = run_process(check)
        return {
            "documents": written,
            "mb": size / 1e6,
            "rows": rows,
            "identical_across_jobs": identical,
            "check_one_file_with_index_s": check_s,
            "check_one_file_with_index_rss_mb": check_rss,
            "target_docs_per_s_per_core": TARGET_DOCS_PER_S_PER_CORE,
        }
