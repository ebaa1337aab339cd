"""Project configuration: `[tool.corpusmend]` in pyproject.toml or a `.corpusmend.yaml`.

Paths in the file are relative to its directory; the command line overrides it (see
commands/common.py). One module per job:

- values.py: Config, what one file holds (the defaults when there is none);
- schema.py: the keys a file may hold;
- load.py: read, validate and convert one file;
- find.py: which file a run uses (--config, or the nearest above the checked paths);
- path_globs.py: the file's include / exclude globs and per-file ignores applied to paths.
"""

from __future__ import annotations

from corpusmend.config.find import YAML_NAMES, discover_config, find_config
from corpusmend.config.load import load_config
from corpusmend.config.path_globs import PathGlobs, PerFileIgnores
from corpusmend.config.schema import SCHEMA
from corpusmend.config.values import PYPROJECT, Config

__all__ = [
    "PYPROJECT",
    "SCHEMA",
    "YAML_NAMES",
    "Config",
    "PathGlobs",
    "PerFileIgnores",
    "discover_config",
    "find_config",
    "load_config",
]
