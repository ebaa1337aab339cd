"""Start-up as a user sees it: `corpusmend --version` and `corpusmend check` on one tiny file.

The package's modules are byte-compiled first, as an installed wheel's are (a source checkout
run with PYTHONDONTWRITEBYTECODE would otherwise compile every module on every start), and the
best of the runs counts, so the parsed built-in packs are read from the user's cache as on any
run but the first.
"""

from __future__ import annotations

import compileall
import tempfile
from pathlib import Path
from typing import Any

import corpusmend
from bench.measure import best_process, corpusmend_cmd

TARGETS_S = {"version": 0.15, "check_one_file": 0.3}


def run(repeats: int) -> dict[str, Any]:
    compileall.compile_dir(Path(corpusmend.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="corpusmend-bench-") as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("The ferry left on time this morning.\n", encoding="utf-8")
        version, version_cpu = best_process([*corpusmend_cmd(), "--version"], repeats)
        check, check_cpu = best_process(
            [*corpusmend_cmd(), "check", "--no-cache", str(one)], repeats
        )
    return {
        "targets_s": TARGETS_S,
        "version_s": version,
        "version_cpu_s": version_cpu,
        "check_one_file_s": check,
        "check_one_file_cpu_s": check_cpu,
    }
