"""Peak memory of `corpusmend check` on a large invented JSONL (no siblings). Not a test.

    python bench/memory.py                 # 1 GB, all cores
    python bench/memory.py --size-mb 100 --jobs 1

Generates news-like invented text into a temporary directory, runs the real command as a
subprocess (output to /dev/null), and reports the peak resident memory of the whole process
tree (the main process plus its pool workers, sampled from /proc every 0.1 s) and of the largest
single process (getrusage RUSAGE_CHILDREN). Target: under 500 MB for 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = [
    "The harbour authority",
    "A spokeswoman for the council",
    "Local farmers",
    "The mayor",
    "Residents of the valley",
    "The transport minister",
    "Museum staff",
    "Two fishermen",
    "The regional water board",
    "Teachers at the primary school",
    "The ferry operator",
]
VERBS = [
    "said on Tuesday that",
    "confirmed that",
    "warned that",
    "told reporters that",
    "announced that",
    "denied reports that",
    "expect that",
    "argued that",
]
CLAIMS = [
    "the old bridge would close for repairs until the spring",
    "the orchard harvest was the largest in a decade",
    "ticket prices on the northern line would rise by four percent",
    "the storm had damaged more than forty roofs along the coast",
    "a new library would open beside the market square next year",
    "the budget left little room for road maintenance",
    "flood defences held during the heaviest rain since records began",
    "the festival drew twice as many visitors as last summer",
]
TAILS = [
    "",
    " Further details are expected later this week.",
    " The decision was not unanimous.",
    " Critics called the plan rushed.",
    " Officials declined to give a timetable.",
]


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 5)):
        claim = rng.choice(CLAIMS)
        sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {claim}.{rng.choice(TAILS)}")
    return " ".join(sentences)


def article(rng: random.Random, n: int) -> str:
    text = "\n\n".join(paragraph(rng) for _ in range(rng.randint(3, 9)))
    if n % 7 == 0:  # a scraping artifact now and then, so there are findings to report
        text = f" date 2021-{n % 12 + 1:02d}-{n % 28 + 1:02d} " + text
    return text


def generate(path: Path, size_bytes: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    pool = [article(rng, n) for n in range(2000)]  # reuse articles: generation stays fast
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size_bytes:
            record = {"id": f"news-{count:08d}", "url": f"https://example.org/{count}"}
            record["text"] = pool[count % len(pool)]
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def tree_rss_bytes(root: int) -> int:
    """Resident memory of root and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat[1])
        rss[pid] = int(stat[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1000, help="JSONL size (default 1000)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to --jobs")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="corpusmend-bench-"))
    try:
        corpus = tmp / "news.jsonl"
        started = time.monotonic()
        records = generate(corpus, args.size_mb * 1_000_000)
        size_mb = corpus.stat().st_size / 1e6
        print(
            f"generated {size_mb:,.0f} MB, {records:,} records in {time.monotonic() - started:.0f}s"
        )
        exe = shutil.which("corpusmend", path=str(Path(sys.executable).parent))
        command = [exe] if exe else [sys.executable, "-m", "corpusmend"]
        command += ["check", str(corpus), "--format", "concise", "--no-progress", "--no-siblings"]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        started = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak_tree = 0
        while proc.poll() is None:
            peak_tree = max(peak_tree, tree_rss_bytes(proc.pid))
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB on Linux
        print(f"exit {proc.returncode} in {elapsed:.0f}s ({size_mb / elapsed:.2f} MB/s)")
        print(f"peak RSS, whole process tree: {peak_tree / 1e6:,.0f} MB")
        print(f"peak RSS, largest single process: {largest:,.0f} MB")
        if proc.returncode not in (0, 1):
            print(stderr[-2000:], file=sys.stderr)
            return 1
        return 0 if peak_tree < 500e6 else 1
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
