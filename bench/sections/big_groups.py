"""Big sibling groups: many copies of one story must not make `check` quadratic.

Stories are invented (`bench.corpus`). A near-identical copy is its story with a few changes a
scraper leaves: its own first line (a site label), one sentence reworded and, every third copy,
the last paragraph cut. Each run is `corpusmend check` on one JSONL file, as users run it,
timed as a process and printed as documents per second and per CPU-second side by side:

- groups of 40 exact copies, the same groups of 40 near-identical copies;
- one story in 1,000 near-identical copies (a viral story).
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

from bench.corpus import documents
from bench.measure import corpusmend_cmd, run_process_cpu

GROUP = 40


def near_copy(story: str, k: int) -> str:
    """Copy number k of a story: its own site label, one sentence reworded, maybe a cut end."""
    rng = random.Random(f"{k}:{len(story)}")
    paragraphs = story.rstrip("\n").split("\n\n")
    p = rng.randrange(len(paragraphs))
    words = paragraphs[p].split(" ")
    w = rng.randrange(len(words))
    words[w] = f"{words[w]} {rng.choice(('also', 'then', 'again', 'still'))}"
    paragraphs[p] = " ".join(words)
    if k % 3 == 2 and len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    return f"Site {k % 97} news desk\n\n" + "\n\n".join(paragraphs) + "\n"


def write_groups(path: Path, stories: list[str], copies: int, near: bool) -> int:
    """`copies` copies of each story, one JSONL record each, copies of a story interleaved with
    the other stories' (as a crawl finds them); the number of records."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for s, story in enumerate(stories):
                text = near_copy(story, k) if near else story
                out.write(json.dumps({"id": f"s{s}-c{k}", "text": text}) + "\n")
                n += 1
    return n


def _check(path: Path, *extra: str) -> list[str]:
    return [
        *corpusmend_cmd(), "check", str(path), "--format", "json", "--exit-zero", "--no-cache",
        "--no-progress", "--jobs", "1", *extra,
    ]  # fmt: skip


def run(docs: int, viral: int) -> dict[str, Any]:
    """`docs` documents in groups of GROUP (exact, then near-identical) and one story in
    `viral` near-identical copies."""
    stories = documents(max(1, docs // GROUP), seed=7, min_chars=1500, max_chars=4000)
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-groups-") as tmp:
        root = Path(tmp)
        cases = (
            (f"groups of {GROUP}, exact copies", stories, GROUP, False),
            (f"groups of {GROUP}, near-identical copies", stories, GROUP, True),
            (f"one story in {viral:,} near-identical copies", stories[:1], viral, True),
        )
        for name, texts, copies, near in cases:
            path = root / f"case{len(rows)}.jsonl"
            n = write_groups(path, texts, copies, near)
            seconds, rss, cpu = run_process_cpu(_check(path))
            rows.append(
                {
                    "case": name,
                    "documents": n,
                    "seconds": seconds,
                    "docs_per_s": n / seconds,
                    "cpu_seconds": cpu,
                    "docs_per_cpu_s": n / cpu,  # the machine is shared: CPU time is steadier
                    "peak_rss_mb": rss,
                }
            )
    return {"rows": rows}
