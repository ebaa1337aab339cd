"""Which config file a run uses: --config, else the nearest one above the checked paths.

The first directory (walking up from the paths' common directory) that has `.corpusmend.yaml`
(or `.yml`), or a `pyproject.toml` with a `[tool.corpusmend]` table, wins.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from corpusmend.config.load import has_tool_table, load_config
from corpusmend.config.values import PYPROJECT, Config
from corpusmend.errors import ConfigError

YAML_NAMES = (".corpusmend.yaml", ".corpusmend.yml")


def find_config(paths: Iterable[str | Path], start: Path | None = None) -> Path | None:
    """The config file for these paths: walk up from their common directory."""
    base = _common_dir(paths) or (start or Path.cwd())
    for directory in (base, *base.parents):
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and has_tool_table(pyproject):
            return pyproject
    return None


def _common_dir(paths: Iterable[str | Path]) -> Path | None:
    dirs = []
    for p in paths:
        if str(p) == "-":
            continue
        absolute = Path(os.path.abspath(p))
        dirs.append(absolute if absolute.is_dir() else absolute.parent)
    if not dirs:
        return None
    return Path(os.path.commonpath([str(d) for d in dirs]))


def discover_config(paths: Iterable[str | Path], explicit: str | Path | None = None) -> Config:
    """The config for a run: `explicit` (--config) if given, else the one found, else defaults."""
    if explicit is not None:
        if not Path(explicit).is_file():
            raise ConfigError(f"--config {explicit}: no such file")
        return load_config(explicit)
    found = find_config(list(paths))
    if found is None:
        return Config(root=Path(os.path.abspath(os.curdir)))
    return load_config(found)
