"""The corpusmend benchmark: one command, one generated corpus, every figure side by side.

    python -m bench.run            # a few minutes on 2 cores; prints tables
    python -m bench.run --quick    # seconds; tiny sizes, for the smoke test

Writes every figure to bench/results/latest.json (git-ignored). Sections:

- throughput: the built-in rules (no siblings) against ``ftfy.fix_text`` on (a) clean news-like
  text with curly quotes and accents, (b) the same with one document in ten mojibake;
- per-rule cost: each rule alone, on the mix of (a) and (b);
- siblings: signatures + LSH, one alignment of two 5 KB siblings, the sibling pipeline at 1x, 4x
  and 16x corpus size with the fitted exponent;
- scaling: ``corpusmend check --jobs 1`` vs ``--jobs 2`` as processes, and peak memory at 1x and
  16x corpus size;
- API latency: ``Linter.check`` on one 5 KB document.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ftfy

from bench.corpus import document, documents, write_corpus
from corpusmend import Linter
from corpusmend.document import Document
from corpusmend.evaluation.corruptions import Corruption, mojibake, spliced_quotation

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Sizes:
    throughput_docs: int
    repeats: int
    per_rule_docs: int
    sibling_base: int  # articles at 1x in the sibling pipeline (each may have a copy)
    lsh_docs: int
    align_runs: int
    jobs_docs: int
    memory_docs: int  # 1x; 16x is sixteen times this
    latency_runs: int


FULL = Sizes(200, 3, 100, 40, 600, 30, 3000, 100, 300)  # jobs: enough to outweigh start-up
QUICK = Sizes(12, 1, 6, 4, 20, 3, 8, 3, 10)


# --- helpers -------------------------------------------------------------------------------------


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", errors="surrogateescape")) for t in texts) / 1e6


def best_time(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` runs (the least disturbed by other load), in seconds."""
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def with_mojibake(texts: list[str], every: int = 10, seed: int = 0) -> list[str]:
    """One document in `every` made mojibake (UTF-8 read as another code page)."""
    out = list(texts)
    for i in range(0, len(out), every):
        c = mojibake(out[i], random.Random(f"{seed}:{i}"))
        if c is not None:
            out[i] = c.text
    return out


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
    return [sys.executable, "-m", "corpusmend"]


def check_help() -> str:
    proc = subprocess.run(
        [*corpusmend_cmd(), "check", "--help"], capture_output=True, text=True, timeout=60
    )
    return proc.stdout


# --- sections ------------------------------------------------------------------------------------


def throughput(linter: Linter, sizes: Sizes) -> dict[str, Any]:
    clean = documents(sizes.throughput_docs, seed=1)
    corpora = {"a_clean": clean, "b_mojibake_1_in_10": with_mojibake(clean)}
    out: dict[str, Any] = {}
    for name, texts in corpora.items():
        size = mb(texts)
        timings = {
            "corpusmend_check": best_time(
                lambda t=texts: [linter.check(x) for x in t], sizes.repeats
            ),
            "corpusmend_fix": best_time(lambda t=texts: [linter.fix(x) for x in t], sizes.repeats),
            "ftfy_fix_text": best_time(
                lambda t=texts: [ftfy.fix_text(x) for x in t], sizes.repeats
            ),
        }
        row = {"documents": len(texts), "mb": round(size, 3)}
        for tool, seconds in timings.items():
            row[tool] = {"mb_per_s": size / seconds, "docs_per_s": len(texts) / seconds}
        ftfy_s = timings["ftfy_fix_text"]
        row["ratio_check_vs_ftfy"] = ftfy_s / timings["corpusmend_check"]
        row["ratio_fix_vs_ftfy"] = ftfy_s / timings["corpusmend_fix"]
        out[name] = row
    out["targets"] = {"a_clean": 10.0, "b_mojibake_1_in_10": 1.0}
    return out


def per_rule(linter: Linter, sizes: Sizes) -> dict[str, Any]:
    clean = documents(sizes.per_rule_docs, seed=2)
    garbled = with_mojibake(clean, seed=2)
    texts = clean + [g for g, c in zip(garbled, clean, strict=True) if g != c]
    docs_mb = mb(texts)
    rows = []
    for rule in linter.rules:
        if getattr(rule.check, "uses_siblings", False):
            continue
        single = Linter.from_rules([rule], linter.all_rules)
        seconds = best_time(
            lambda s=single: [s.check(Document(t)) for t in texts], max(1, sizes.repeats - 1)
        )
        rows.append({"code": rule.code, "kind": rule.kind, "seconds": seconds})

    def segment() -> None:
        for t in texts:
            doc = Document(t)
            doc.paragraphs, doc.sentences, doc.quotations  # noqa: B018

    shared = best_time(segment, max(1, sizes.repeats - 1))
    rows.append({"code": "(shared)", "kind": "segmentation alone", "seconds": shared})
    total = sum(r["seconds"] for r in rows) or 1.0
    for r in rows:
        r["ms_per_mb"] = 1000 * r["seconds"] / docs_mb
        r["share"] = r["seconds"] / total
    rows.sort(key=lambda r: -r["seconds"])
    return {"documents": len(texts), "mb": round(docs_mb, 3), "rules": rows}


def _sibling_corpus(base: int, seed: int) -> list[Document]:
    """`base` articles; one in two also present as a corrupted copy (a spliced quotation)."""
    rng = random.Random(seed)
    docs = []
    for i, text in enumerate(documents(base, seed=seed)):
        docs.append(Document(text, id=f"a{i}"))
        if i % 2 == 0:
            c: Corruption | None = spliced_quotation(text, rng)
            if c is not None:
                docs.append(Document(c.text, id=f"a{i}-copy"))
    return docs


def siblings(linter: Linter, sizes: Sizes) -> dict[str, Any]:
    try:
        from corpusmend.siblings import SiblingIndex, align, sibling_map
    except ImportError as exc:
        return {"skipped": f"corpusmend.siblings is not available ({exc})"}
    out: dict[str, Any] = {}
    docs = [Document(t, id=str(i)) for i, t in enumerate(documents(sizes.lsh_docs, seed=3))]
    seconds = best_time(lambda: SiblingIndex.build(docs), 1)
    out["signatures_lsh_build_docs_per_s"] = len(docs) / seconds
    seconds = best_time(lambda: sibling_map(docs), 1)
    out["signatures_lsh_build_and_query_docs_per_s"] = len(docs) / seconds

    rng = random.Random(4)
    a = document(rng, 5000, 5000)
    c = spliced_quotation(a, rng)
    b = c.text if c is not None else a
    uncached = getattr(align, "__wrapped__", align)  # align() memoises pairs
    times = []
    for _ in range(sizes.align_runs):
        start = time.perf_counter()
        uncached(b, a)
        times.append(time.perf_counter() - start)
    out["align_5kb_pair_median_ms"] = 1000 * statistics.median(times)
    out["align_chars"] = [len(a), len(b)]

    sibling_rules = any(getattr(r.check, "uses_siblings", False) for r in linter.rules)
    points = []
    for factor in (1, 4, 16):
        corpus = _sibling_corpus(sizes.sibling_base * factor, seed=5)

        def pipeline(corpus: list[Document] = corpus) -> None:
            found = sibling_map(corpus)
            for doc in corpus:
                linter.check(doc, siblings=found.get(doc.id, []))

        seconds = best_time(pipeline, 1)
        points.append(
            {
                "factor": factor,
                "documents": len(corpus),
                "mb": mb([d.text for d in corpus]),
                "seconds": seconds,
                "docs_per_s": len(corpus) / seconds,
            }
        )
    xs = [math.log(p["documents"]) for p in points]
    ys = [math.log(p["seconds"]) for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    out["pipeline"] = points
    out["pipeline_exponent"] = slope
    out["pipeline_includes_sibling_rules"] = sibling_rules
    return out


def _run_check(corpus: Path, extra: list[str], flags: str) -> tuple[float, int, str]:
    """Wall time and peak RSS (KB) of one `corpusmend check` process, measured from a wrapper
    process so that no other child counts."""
    args = [*corpusmend_cmd(), "check", str(corpus), "--format", "json", "--exit-zero", *extra]
    for flag in ("--no-siblings", "--no-cache"):
        if flag in flags:
            args.append(flag)
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "t = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([t, rss, p.returncode, p.stderr.decode()[-500:]]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *args], capture_output=True, text=True, timeout=1200
    )
    seconds, rss, code, err = json.loads(proc.stdout)
    if code not in (0, 1):
        raise RuntimeError(f"corpusmend check exited {code}: {err}")
    return seconds, rss, "corpusmend " + " ".join(args[3:])


def scaling(sizes: Sizes) -> dict[str, Any]:
    flags = check_help()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-") as tmp:
        root = Path(tmp)
        if "--jobs" in flags:
            corpus = root / "jobs"
            write_corpus(corpus, sizes.jobs_docs, seed=6)
            one, _, cmd = _run_check(corpus, ["--jobs", "1"], flags)
            two, _, _ = _run_check(corpus, ["--jobs", "2"], flags)
            out["jobs"] = {
                "documents": sizes.jobs_docs,
                "jobs_1_s": one,
                "jobs_2_s": two,
                "speedup": one / two,
                "command": cmd,
            }
        else:
            out["jobs"] = {"skipped": "corpusmend check has no --jobs option yet"}
        memory = []
        for factor in (1, 16):
            corpus = root / f"mem{factor}"
            n = sizes.memory_docs * factor
            write_corpus(corpus, n, seed=7)
            extra = ["--jobs", "1"] if "--jobs" in flags else []
            seconds, rss, cmd = _run_check(corpus, extra, flags)
            memory.append(
                {"factor": factor, "documents": n, "peak_rss_mb": rss / 1024, "seconds": seconds}
            )
        out["memory"] = memory
        out["memory_command"] = cmd
    return out


def api_latency(linter: Linter, sizes: Sizes) -> dict[str, Any]:
    text = document(random.Random(8), 5000, 5000)
    for _ in range(3):
        linter.check(text)
    times = []
    for _ in range(sizes.latency_runs):
        start = time.perf_counter()
        linter.check(text)
        times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[min(len(times) - 1, math.ceil(0.99 * len(times)) - 1)]
    return {
        "chars": len(text),
        "runs": len(times),
        "median_us": 1e6 * statistics.median(times),
        "p99_us": 1e6 * p99,
    }


SECTIONS: dict[str, Callable[[Linter, Sizes], dict[str, Any]]] = {
    "throughput": throughput,
    "per_rule": per_rule,
    "siblings": siblings,
    "scaling": lambda linter, sizes: scaling(sizes),
    "api_latency": api_latency,
}


# --- output --------------------------------------------------------------------------------------


def _f(value: Any, digits: int = 2) -> str:
    return f"{value:,.{digits}f}" if isinstance(value, (int, float)) else str(value)


def tables(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"corpusmend benchmark ({'quick' if results['quick'] else 'full'}) on {m['cpu']}, "
        f"{m['cores']} cores, Python {m['python']}, load average {m['load_average']}",
    ]
    s = results["sections"]
    t = s.get("throughput", {})
    if "error" not in t and t:
        lines += ["", "Throughput, built-in rules without siblings vs ftfy.fix_text:"]
        lines.append(
            f"  {'corpus':<20}{'tool':<18}{'MB/s':>8}{'docs/s':>9}{'vs ftfy':>9}{'target':>8}"
        )
        for corpus in ("a_clean", "b_mojibake_1_in_10"):
            row = t[corpus]
            for tool, ratio in (
                ("corpusmend_check", row["ratio_check_vs_ftfy"]),
                ("corpusmend_fix", row["ratio_fix_vs_ftfy"]),
                ("ftfy_fix_text", 1.0),
            ):
                target = f"{t['targets'][corpus]:g}x" if tool == "corpusmend_check" else ""
                lines.append(
                    f"  {corpus:<20}{tool:<18}{_f(row[tool]['mb_per_s']):>8}"
                    f"{_f(row[tool]['docs_per_s'], 0):>9}{_f(ratio) + 'x':>9}{target:>8}"
                )
    r = s.get("per_rule", {})
    if r.get("rules"):
        lines += ["", f"Per-rule cost (each rule alone, {r['documents']} documents, {r['mb']} MB):"]
        lines.append(f"  {'code':<8}{'kind':<22}{'ms/MB':>9}{'share':>8}")
        for row in r["rules"]:
            lines.append(
                f"  {row['code']:<8}{row['kind']:<22}{_f(row['ms_per_mb'], 0):>9}"
                f"{row['share']:>8.0%}"
            )
    sib = s.get("siblings", {})
    if sib.get("pipeline"):
        lines += ["", "Siblings:"]
        lines.append(
            f"  signatures + LSH build: {_f(sib['signatures_lsh_build_docs_per_s'], 0)} docs/s;"
            f" build + query: {_f(sib['signatures_lsh_build_and_query_docs_per_s'], 0)} docs/s"
            " (target 1,000/s per core)"
        )
        lines.append(
            f"  alignment of one 5 KB pair: {_f(sib['align_5kb_pair_median_ms'])} ms median"
            " (target 5 ms)"
        )
        for p in sib["pipeline"]:
            lines.append(
                f"  pipeline {p['factor']:>2}x: {p['documents']:>5} docs in {_f(p['seconds'])} s"
                f" ({_f(p['docs_per_s'], 0)} docs/s)"
            )
        note = "" if sib["pipeline_includes_sibling_rules"] else " (no SIB rule registered yet)"
        lines.append(f"  fitted exponent: {_f(sib['pipeline_exponent'])} (target 1.0){note}")
    elif sib:
        lines += ["", f"Siblings: {sib.get('skipped') or sib.get('error')}"]
    sc = s.get("scaling", {})
    if sc.get("jobs"):
        j = sc["jobs"]
        lines += ["", "Scaling:"]
        if "skipped" in j:
            lines.append(f"  jobs: {j['skipped']}")
        else:
            lines.append(
                f"  check --jobs 1: {_f(j['jobs_1_s'])} s, --jobs 2: {_f(j['jobs_2_s'])} s,"
                f" speedup {_f(j['speedup'])}x on {j['documents']} docs (target 1.7x)"
            )
        for mem in sc.get("memory", []):
            lines.append(
                f"  peak RSS at {mem['factor']:>2}x ({mem['documents']} docs):"
                f" {_f(mem['peak_rss_mb'], 0)} MB"
            )
    elif sc.get("error"):
        lines += ["", f"Scaling: {sc['error']}"]
    lat = s.get("api_latency", {})
    if "median_us" in lat:
        lines += [
            "",
            f"Python API: Linter.check on one {lat['chars']}-character document:"
            f" median {_f(lat['median_us'], 0)} µs, p99 {_f(lat['p99_us'], 0)} µs"
            f" ({lat['runs']} runs)",
        ]
    for name, value in s.items():
        if isinstance(value, dict) and "error" in value and name not in ("siblings", "scaling"):
            lines += ["", f"{name}: {value['error']}"]
    lines.append(f"\ntotal benchmark time: {_f(results['seconds'], 0)} s")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (a smoke test)")
    parser.add_argument(
        "--only", action="append", choices=sorted(SECTIONS), help="run only this section"
    )
    parser.add_argument(
        "--out", type=Path, default=RESULTS / "latest.json", help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    linter = Linter()
    results: dict[str, Any] = {
        "quick": args.quick,
        "machine": machine(),
        "rules": [r.code for r in linter.rules],
        "sections": {},
    }
    for name, section in SECTIONS.items():
        if args.only and name not in args.only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            results["sections"][name] = section(linter, sizes)
        except Exception as exc:  # a section that breaks must not hide the others
            traceback.print_exc()
            results["sections"][name] = {"error": f"{type(exc).__name__}: {exc}"}
    results["seconds"] = time.perf_counter() - started
    results["machine"]["load_average_end"] = machine()["load_average"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(tables(results))
    print(f"wrote {args.out}", file=sys.stderr)
    failed = [n for n, v in results["sections"].items() if "error" in v]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
