"""The benchmark's results as plain-text tables, real corpora first."""

from __future__ import annotations

from typing import Any


def _f(value: Any, digits: int = 2) -> str:
    return f"{value:,.{digits}f}" if isinstance(value, (int, float)) else str(value)


def _throughput(t: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "Throughput, built-in rules without siblings (Linter.check) vs ftfy.fix_text"
        " (CPU time, interleaved):",
    ]
    lines.append(
        f"  {'corpus':<22}{'variant':<18}{'docs':>7}{'MB':>7}{'MB/s':>8}{'ftfy':>8}"
        f"{'ratio':>8}{'target':>8}"
    )
    for row in sorted(t["rows"], key=lambda r: not r["real"]):
        name = row["corpus"] + ("" if row["real"] else " (invented)")
        lines.append(
            f"  {name:<22}{row['variant']:<18}{row['documents']:>7}{_f(row['mb']):>7}"
            f"{_f(row['check_mb_per_s']):>8}{_f(row['ftfy_mb_per_s']):>8}"
            f"{_f(row['ratio_vs_ftfy']) + 'x':>8}{_f(t['targets'][row['variant']], 0) + 'x':>8}"
        )
    return lines


def _per_rule(r: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"Per-rule cost on {r['corpus']} (each rule alone, {r['documents']} documents,"
        f" {r['mb']} MB):",
    ]
    lines.append(f"  {'code':<10}{'kind':<22}{'ms/MB':>9}{'share':>8}")
    for row in r["rules"]:
        lines.append(
            f"  {row['code']:<10}{row['kind']:<22}{_f(row['ms_per_mb'], 0):>9}{row['share']:>8.0%}"
        )
    return lines


def _latency(lat: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "Python API, Linter.check on one page of about 5 KB, CPU time"
        f" (targets p50 {lat['targets']['p50_us']} µs, p99 {lat['targets']['p99_us']} µs):",
    ]
    for row in lat["rows"]:
        lines.append(
            f"  {row['corpus']:<22}{row['chars']:>6} chars: median {_f(row['median_us'], 0)} µs,"
            f" p99 {_f(row['p99_us'], 0)} µs ({row['runs']} runs)"
        )
    return lines


def _startup(s: dict[str, Any]) -> list[str]:
    t = s["targets_s"]
    return [
        "",
        f"Start-up: corpusmend --version {_f(s['version_s'])} s"
        f" ({_f(s.get('version_cpu_s', float('nan')))} s CPU; target {t['version']} s);"
        f" check one tiny file {_f(s['check_one_file_s'])} s"
        f" ({_f(s.get('check_one_file_cpu_s', float('nan')))} s CPU;"
        f" target {t['check_one_file']} s)",
    ]


def _corpus_runs(c: dict[str, Any], cores: int) -> list[str]:
    i, j, s = c["index"], c["jobs"], c["siblings"]
    lines = ["", f"Whole commands on {i['corpus']} text files (repeated texts are exact copies):"]
    lines.append(
        f"  index: {i['documents']:,} docs in {_f(i['seconds'])} s ="
        f" {_f(i['docs_per_s'], 0)} docs/s"
        f" ({_f(i['docs_per_s'] / max(1, cores), 0)} per core; target"
        f" {i['target_docs_per_s_per_core']:,}/s per core), peak RSS {_f(i['peak_rss_mb'], 0)} MB"
    )
    lines.append(
        f"  check --jobs 1: {_f(j['jobs_1_s'])} s, --jobs 2: {_f(j['jobs_2_s'])} s,"
        f" speedup {_f(j['speedup'])}x on {j['documents']:,} docs (target {j['target']}x)"
    )
    for p in s["points"]:
        lines.append(
            f"  check {p['factor']:>2}x ({p['documents']:>6,} docs, --jobs 1): siblings"
            f" {_f(p['siblings_s'])} s / {_f(p['siblings_peak_rss_mb'], 0)} MB, --no-siblings"
            f" {_f(p['no_siblings_s'])} s / {_f(p['no_siblings_peak_rss_mb'], 0)} MB"
        )
    lines.append(
        f"  fitted exponent of the sibling run's time in corpus size: {_f(s['exponent'])}"
        " (1.0 is linear)"
    )
    return lines


def _big_groups(b: dict[str, Any]) -> list[str]:
    lines = ["", "Big sibling groups (check --jobs 1 on one JSONL file, invented stories):"]
    for r in b["rows"]:
        lines.append(
            f"  {r['case']:<44} {r['documents']:>6,} docs: {_f(r['docs_per_s'], 1):>7} docs/s,"
            f" {_f(r.get('docs_per_cpu_s'), 1):>7} docs/CPU-s ({_f(r['seconds'])} s,"
            f" peak RSS {_f(r['peak_rss_mb'], 0)} MB)"
        )
    return lines


def _index_build(b: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"corpusmend index on {b['documents']:,} real documents ({_f(b['mb'], 1)} MB JSONL, texts"
        f" repeated with new ids; target {b['target_docs_per_s_per_core']:,} docs/s per core):",
    ]
    for r in b["rows"]:
        lines.append(
            f"  --jobs {r['jobs']}: {_f(r['seconds'])} s = {_f(r['docs_per_s'], 0)} docs/s"
            f" ({_f(r['docs_per_s_per_core'], 0)} per core; {_f(r['docs_per_cpu_s'], 0)} per CPU"
            f" second), peak RSS {_f(r['peak_rss_mb'], 0)} MB,"
            f" index {_f(r['index_mb'], 1)} MB"
        )
    same = "byte-identical" if b["identical_across_jobs"] else "DIFFERENT"
    seconds, rss = b["check_one_file_with_index_s"], b["check_one_file_with_index_rss_mb"]
    lines.append(
        f"  index files at --jobs 1 and 2: {same}; check one file --index (SIB):"
        f" {_f(seconds)} s, {_f(rss, 0)} MB"
    )
    return lines


def tables(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"corpusmend benchmark ({'quick' if results['quick'] else 'full'}) on {m['cpu']},"
        f" {m['cores']} cores, Python {m['python']}, load average {m['load_average']}"
        f" at start, {m.get('load_average_end')} at end",
    ]
    s = results["sections"]
    render = {
        "throughput": _throughput,
        "per_rule": _per_rule,
        "api_latency": _latency,
        "startup": _startup,
        "corpus_runs": lambda c: _corpus_runs(c, m["cores"] or 1),
        "big_groups": _big_groups,
        "index_build": _index_build,
    }
    for name, section in s.items():
        if "error" in section:
            lines += ["", f"{name}: {section['error']}"]
        else:
            lines += render[name](section)
    lines.append(f"\ntotal benchmark time: {_f(results['seconds'], 0)} s")
    return "\n".join(lines) + "\n"
