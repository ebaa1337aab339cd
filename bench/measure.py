"""Timing helpers shared by the benchmark sections: best-of runs, whole processes, the machine."""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ftfy


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", errors="surrogateescape")) for t in texts) / 1e6


def best_time(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` runs (the least disturbed by other load), in seconds."""
    best = math.inf
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def percentile(sorted_values: Sequence[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, math.ceil(q * len(sorted_values)) - 1)]


def machine() -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
        "ftfy": ftfy.__version__,
    }


def corpusmend_cmd() -> list[str]:
    """The command users run, as a process."""
    return [sys.executable, "-m", "corpusmend"]


_WRAPPER = (
    "import resource, subprocess, sys, time, json\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "t = time.perf_counter() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps([t, rss, p.returncode, p.stderr.decode(errors='replace')[-500:]]))\n"
)


def run_process(args: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured from a wrapper process so that
    no other child of the benchmark counts."""
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, timeout=3600
    )
    seconds, rss_kb, code, err = json.loads(proc.stdout)
    if code not in ok:
        raise RuntimeError(f"{' '.join(args)} exited {code}: {err}")
    return seconds, rss_kb / 1024


def best_process(args: list[str], repeats: int) -> float:
    return min(run_process(args)[0] for _ in range(max(1, repeats)))
