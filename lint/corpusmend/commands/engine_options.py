"""The engine's flags (--jobs, --engine, --ray-address, --progress), read into EngineSettings."""

from __future__ import annotations

import argparse

from corpusmend.engines import ENGINES, EngineSettings


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


def engine_settings(args: argparse.Namespace) -> EngineSettings:
    return EngineSettings(
        name=args.engine, ray_address=args.ray_address, jobs=args.jobs, progress=args.progress
    )
