"""Build the wheel, install it in a fresh virtualenv, and load the built-in rules there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_ships_rules_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("corpusmend-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "virtualenv", "-q", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    probe = (
        "import corpusmend; from corpusmend.ruleset.loader import builtin_rules_dir, load_rules;"
        "d = builtin_rules_dir(); assert 'site-packages' in str(d), d;"
        "import importlib.util; assert importlib.util.find_spec('lint') is None;"
        "print(len(load_rules()))"
    )
    out = subprocess.run(
        [str(py), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert int(out.stdout) >= 1
    cli = subprocess.run(
        [str(venv / "bin" / "corpusmend"), "check", "-"],
        input=" date 2020-01-01 Hi.",
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 1 and "HDR001" in cli.stdout
