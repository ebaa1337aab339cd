"""Run the corpusmend command inside the test process, as a subprocess would see it.

`run_in_process` calls cli.main(argv) with stdin, stdout and stderr swapped for byte buffers,
the working directory and environment set for the call, and gives back a CompletedProcess
whose text is decoded as `subprocess.run(..., text=True)` decodes it (UTF-8, universal
newlines), so a test reads the same either way. It spares a Python start and the imports per
call; the few end-to-end tests keep the real subprocess (conftest.run_cli_process).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path


def run_in_process(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    from corpusmend.cli import main

    stdout, stderr = _buffer(), _buffer()
    stdin_stream = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    with _working_dir(cwd), _environment(env or {}), _streams(stdin_stream, stdout, stderr):
        try:
            code = main(list(args))
        except SystemExit as exc:  # what the process would exit with
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return subprocess.CompletedProcess(["corpusmend", *args], code, _text(stdout), _text(stderr))


def _buffer() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8")


def _text(stream: io.TextIOWrapper) -> str:
    """What the parent of a process reads from this stream with text=True."""
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline=None).read()


@contextlib.contextmanager
def _streams(
    stdin: io.TextIOWrapper, stdout: io.TextIOWrapper, stderr: io.TextIOWrapper
) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin, sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def _working_dir(cwd: Path | None) -> Iterator[None]:
    if cwd is None:
        yield
        return
    saved = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved)


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
