"""Engines run the checks: serial, local (a process pool) or Ray (a cluster); same results."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
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


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("running")
    g.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes for the local engine (default: all cores)",
    )
    g.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: processes on this machine; ray: a Ray cluster (pip install corpusmend[ray])",
    )
    g.add_argument(
        "--ray-address",
        default=None,
        metavar="ADDRESS",
        help="Ray cluster to use (ray://host:10001, or auto); default: start a local Ray",
    )
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on stderr (default: when stderr is a terminal)",
    )


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return n


def run_from_args(
    args: argparse.Namespace,
    linter: Linter,
    source: Source,
    options: RunOptions,
    view: CorpusView | None = None,
    engine: Engine | None = None,
) -> Iterator[DocumentResult]:
    """Results in input order from `engine` (default: the one the arguments choose), with
    progress if wanted."""
    results = (engine or engine_from_args(args)).run(linter, source, options, view)
    if progress.wanted(getattr(args, "progress", None), sys.stderr):
        return progress.Progress(sys.stderr).track(results)
    return results


def engine_from_args(args: argparse.Namespace) -> Engine:
    if getattr(args, "engine", "local") == "ray":
        from corpusmend.engines.ray import RayEngine

        return RayEngine(address=args.ray_address)
    if getattr(args, "ray_address", None):
        raise ConfigError("--ray-address needs --engine ray")
    return LocalEngine(jobs=getattr(args, "jobs", None))


__all__ = [
    "ENGINES",
    "Engine",
    "LinterSpec",
    "LocalEngine",
    "SerialEngine",
    "Source",
    "add_engine_arguments",
    "available_cores",
    "engine_from_args",
    "run_from_args",
]
