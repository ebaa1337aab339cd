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
    """The fastest of `repeats` runs, in CPU seconds of this process: the code measured is
    single-threaded, and on a machine shared with other work wall time would count the waits
    for a core too (with the load at several times the cores, it swung ratios by 2x)."""
    best = math.inf
    for _ in range(max(1, repeats)):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
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
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "cpu = use.ru_utime + use.ru_stime\n"
    "err = p.stderr.decode(errors='replace')[-500:]\n"
    "print(json.dumps([t, use.ru_maxrss, p.returncode, err, cpu]))\n"
)


def run_process(args: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured from a wrapper process so that
    no other child of the benchmark counts."""
    seconds, rss_kb, _ = _run(args, ok)
    return seconds, rss_kb / 1024


def run_process_cpu(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user and system) of one command."""
    seconds, rss_kb, cpu = _run(args)
    return seconds, rss_kb / 1024, cpu


def _run(args: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (KB) and CPU seconds of one command."""
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, timeout=3600
    )
    seconds, rss_kb, code, err, cpu = json.loads(proc.stdout)
    if code not in ok:
        raise RuntimeError(f"{' '.join(args)} exited {code}: {err}")
    return seconds, rss_kb, cpu


def best_process(args: list[str], repeats: int) -> tuple[float, float]:
    """The least wall seconds and the least CPU seconds of `repeats` runs of a command."""
    runs = [_run(args) for _ in range(max(1, repeats))]
    return min(r[0] for r in runs), min(r[2] for r in runs)
