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
    assert set(sections) == {"throughput", "per_rule", "siblings", "scaling", "api_latency"}
    for name, section in sections.items():
        assert "error" not in section, (name, section)

    for corpus in ("a_clean", "b_mojibake_1_in_10"):
        row = sections["throughput"][corpus]
        for tool in ("corpusmend_check", "corpusmend_fix", "ftfy_fix_text"):
            assert row[tool]["mb_per_s"] > 0 and row[tool]["docs_per_s"] > 0
        assert row["ratio_check_vs_ftfy"] > 0
    codes = {r["code"] for r in sections["per_rule"]["rules"]}
    assert set(results["rules"]) - codes <= {r for r in results["rules"] if r.startswith("SIB")}, (
        "every intrinsic rule is timed alone"
    )
    assert sections["api_latency"]["p99_us"] >= sections["api_latency"]["median_us"] > 0
    memory = sections["scaling"]["memory"]
    assert [m["factor"] for m in memory] == [1, 16]
    assert all(m["peak_rss_mb"] > 0 for m in memory)
    siblings = sections["siblings"]
    if "skipped" not in siblings:
        assert [p["factor"] for p in siblings["pipeline"]] == [1, 4, 16]

    assert "Throughput" in proc.stdout and "Per-rule cost" in proc.stdout
    assert "Python API" in proc.stdout
