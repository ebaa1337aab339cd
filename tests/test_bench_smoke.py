"""The benchmark runs end to end in its tiny --quick mode and writes every section's figures.

Figures are not asserted: speed targets live in the benchmark, not in timed tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_quick_benchmark_prints_tables_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["quick"] is True
    assert results["machine"]["cores"] >= 1
    sections = results["sections"]
    assert set(sections) == {
        "throughput",
        "per_rule",
        "api_latency",
        "startup",
        "corpus_runs",
        "big_groups",
        "index_build",
    }
    for name, section in sections.items():
        assert "error" not in section, (name, section)
    assert "invented" in results["corpora"]
    assert sections["index_build"]["identical_across_jobs"] is True

    rows = sections["throughput"]["rows"]
    assert {(r["corpus"], r["variant"]) for r in rows} >= {
        ("invented", "clean"),
        ("invented", "mojibake_1_in_10"),
    }
    for row in rows:
        assert row["check_mb_per_s"] > 0 and row["ftfy_mb_per_s"] > 0 and row["ratio_vs_ftfy"] > 0
    assert rows[-1]["corpus"] == "invented", "real corpora are measured first"
    codes = {r["code"] for r in sections["per_rule"]["rules"]}
    assert set(results["rules"]) <= codes, "every single-document rule is timed alone"
    assert not any(code.startswith("SIB") for code in results["rules"])
    for row in sections["api_latency"]["rows"]:
        assert row["p99_us"] >= row["median_us"] > 0
    assert sections["startup"]["version_s"] > 0 and sections["startup"]["check_one_file_s"] > 0
    runs = sections["corpus_runs"]
    assert runs["index"]["docs_per_s"] > 0 and runs["jobs"]["speedup"] > 0
    assert [p["factor"] for p in runs["siblings"]["points"]] == [1, 4, 16]
    assert all(p["siblings_peak_rss_mb"] > 0 for p in runs["siblings"]["points"])

    groups = sections["big_groups"]["rows"]
    assert [r["documents"] for r in groups] == [80, 80, 12]
    assert all(r["docs_per_s"] > 0 and r["docs_per_cpu_s"] > 0 for r in groups)

    headings = ("Throughput", "Per-rule cost", "Python API", "Start-up", "Whole commands")
    for heading in (*headings, "Big sibling groups"):
        assert heading in proc.stdout


def test_benchmark_reads_a_corpus_given_on_the_command_line(tmp_path: Path) -> None:
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text(
        json.dumps({"id": "1", "body": "The tram line reopened on Monday after repairs."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--no-shared", "--corpus", str(corpus),
         "--text-field", "body", "--only", "throughput", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["corpora"]["mine.jsonl"] == {"documents": 1, "real": True}
    assert [r["corpus"] for r in results["sections"]["throughput"]["rows"]][:2] == [
        "mine.jsonl"
    ] * 2
