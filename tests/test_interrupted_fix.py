"""A fix run killed mid-way leaves every file either exactly original or exactly fixed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import corpusmend_exe
from corpusmend import Linter

PARAGRAPH = (
    "The ferry service to the northern islands resumed on Thursday after a week of gales. "
    "Operators said timetables would return to normal by the weekend.\n\n"
)


def make_corpus(root: Path, count: int) -> dict[Path, str]:
    root.mkdir()
    originals = {}
    for i in range(count):
        text = f" date 2021-04-{i % 28 + 1:02d} " + PARAGRAPH * 12 + f"Story {i}.\n"
        path = root / f"doc-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        originals[path] = text
    return originals


def test_sigkill_mid_fix_leaves_files_whole(tmp_path: Path) -> None:
    # --no-siblings: these near-identical files would otherwise realign against each other,
    # and the expected fixed text below is each file's own single-document repair.
    originals = make_corpus(tmp_path / "corpus", 1500)
    linter = Linter()
    expected = {p: linter.fix(t).text for p, t in originals.items()}
    assert all(expected[p] != originals[p] for p in originals)
    proc = subprocess.Popen(
        [*corpusmend_exe(), "check", "--fix", "--no-siblings", str(tmp_path / "corpus")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first = min(originals)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.read_text(encoding="utf-8") == originals[first]:
        time.sleep(0.005)
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    states = {"original": 0, "fixed": 0}
    for path, text in originals.items():
        now = path.read_text(encoding="utf-8")
        assert now in (text, expected[path]), f"{path.name} is neither original nor fixed"
        states["original" if now == text else "fixed"] += 1
    assert states["fixed"] >= 1
    assert states["original"] >= 1, "the run finished before the kill; make the corpus larger"
