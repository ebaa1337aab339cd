"""Start-up as a user sees it: `corpusmend --version` and `corpusmend check` on one tiny file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench.measure import best_process, corpusmend_cmd

TARGETS_S = {"version": 0.15, "check_one_file": 0.3}


def run(repeats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-") as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("The ferry left on time this morning.\n", encoding="utf-8")
        version = best_process([*corpusmend_cmd(), "--version"], repeats)
        check = best_process([*corpusmend_cmd(), "check", "--no-cache", str(one)], repeats)
    return {"targets_s": TARGETS_S, "version_s": version, "check_one_file_s": check}
