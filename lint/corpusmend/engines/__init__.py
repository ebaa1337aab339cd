"""Engines run the checks: serial, local (a process pool) or Ray (a cluster); same results."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpusmend import progress
from corpusmend.engines.base import Engine, LinterSpec, Source
from corpusmend.engines.local import LocalEngine, available_cores
from corpusmend.engines.serial import SerialEngine
from corpusmend.errors import ConfigError
from corpusmend.linter import Linter
from corpusmend.runner import DocumentResult, RunOptions

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EngineSettings:
    """Which engine runs the checks, and whether it shows progress (the command line's
    --engine, --ray-address, --jobs and --progress)."""

    name: str = "local"  # one of ENGINES
    ray_address: str | None = None  # a Ray cluster (None: start a local Ray)
    jobs: int | None = None  # worker processes of the local engine (None: all cores)
    progress: bool | None = None  # a progress line on stderr (None: when it is a terminal)


def make_engine(settings: EngineSettings) -> Engine:
    if settings.name == "ray":
        from corpusmend.engines.ray import RayEngine

        return RayEngine(address=settings.ray_address)
    if settings.ray_address:
        raise ConfigError("--ray-address needs --engine ray")
    return LocalEngine(jobs=settings.jobs)


def run_checks(
    settings: EngineSettings,
    linter: Linter,
    source: Source,
    options: RunOptions,
    view: CorpusView | None = None,
    engine: Engine | None = None,
) -> Iterator[DocumentResult]:
    """Results in input order from `engine` (default: the one the settings choose), with
    progress if wanted."""
    results = (engine or make_engine(settings)).run(linter, source, options, view)
    if progress.wanted(settings.progress, sys.stderr):
        return progress.Progress(sys.stderr).track(results)
    return results


__all__ = [
    "ENGINES",
    "Engine",
    "EngineSettings",
    "LinterSpec",
    "LocalEngine",
    "SerialEngine",
    "Source",
    "available_cores",
    "make_engine",
    "run_checks",
]
