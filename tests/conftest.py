from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from in_process import run_in_process

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when it is absent (a user's fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is only beside developer and CI checkouts")
    return path


def copy_writable(src: Path, dst: Path) -> Path:
    """Copy a folder for a test to fix: plain file copies, so read-only sources (../shared is
    read-only) give writable copies."""
    shutil.copytree(src, dst, copy_function=shutil.copyfile)
    return dst


def corpusmend_exe() -> list[str]:
    exe = shutil.which("corpusmend", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "corpusmend"]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None):
    """Run the command in this process (cli.main); returns CompletedProcess with text output."""
    return run_in_process(*args, cwd=cwd, stdin=stdin, env=env)


def run_cli_process(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None
):
    """Run the installed command in a subprocess, end to end (start-up, exit status, pipes)."""
    return subprocess.run(
        [*corpusmend_exe(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="session")
def linter():
    from corpusmend import Linter

    return Linter()


# A user rule pack for tests that need one: a link prompt on its own line.
CLICK_HERE_PACK = r"""
rules:
  - code: BPL901
    name: click-here-line
    kind: pattern
    severity: warning
    message: "page furniture: '{match}'"
    description: Link prompts copied from the page are not part of the article.
    params:
      scope: line
      pattern: '^\s*Click here to read more\.?\s*$'
      flags: [IGNORECASE]
      replace: ''
    fix:
      message: delete the line
      applicability: safe
    tests:
      - text: "Story.\nClick here to read more\nMore."
        expect: [{code: BPL901}]
        fixed: "Story.\nMore."
      - text: "No prompt here."
        expect: none
"""
