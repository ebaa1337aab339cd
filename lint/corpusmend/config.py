"""Project configuration: `[tool.corpusmend]` in pyproject.toml or a `.corpusmend.yaml`.

The file is found by walking up from the checked paths (the first directory that has
`.corpusmend.yaml`, or a `pyproject.toml` with a `[tool.corpusmend]` table, wins). Paths in the
file are relative to its directory. The command line overrides it (see commands/common.py).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import yaml

from corpusmend.errors import ConfigError
from corpusmend.globs import glob_matches, matches_any
from corpusmend.ruleset.overrides import RuleOverride
from corpusmend.ruleset.yaml_lines import load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

YAML_NAMES = (".corpusmend.yaml", ".corpusmend.yml")
PYPROJECT = "pyproject.toml"

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_OVERRIDE = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "severity": {"enum": ["error", "warning", "info"]},
        "applicability": {"enum": ["safe", "unsafe", "display"]},
    },
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "include": _STRINGS,
        "exclude": _STRINGS,
        "force-exclude": {"type": "boolean"},
        "per-file-ignores": {"type": "object", "additionalProperties": _STRINGS},
        "select": _STRINGS,
        "ignore": _STRINGS,
        "extend-select": _STRINGS,
        "rules": _STRINGS,
        "overrides": {"type": "object", "additionalProperties": _OVERRIDE},
        "siblings": {
            "type": "object",
            "additionalProperties": {"type": ["number", "boolean", "string"]},
        },
        "index": {"type": "string", "minLength": 1},
        "cache-dir": {"type": "string", "minLength": 1},
        "fail-on": {"enum": ["error", "warning", "info"]},
        "move-metadata": {"type": "boolean"},
        "metadata-fields": {
            "type": "object",
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@dataclass(frozen=True)
class PathGlobs:
    """Glob patterns relative to a root directory, matched as .gitignore and ruff do (see
    globs.py, the matcher `--include` and `--exclude` use too)."""

    root: Path
    patterns: tuple[str, ...]

    def match(self, path: str | Path) -> bool:
        if not self.patterns:
            return False
        rel = _relative(self.root, str(path))
        return rel is not None and matches_any(rel, self.patterns, os.path.isdir(path))


def _relative(root: Path, path: str) -> PurePosixPath | None:
    absolute = Path(os.path.abspath(path))
    try:
        return PurePosixPath(absolute.relative_to(root).as_posix())
    except ValueError:
        return None


@dataclass(frozen=True)
class PerFileIgnores:
    """Rule selectors (codes, prefixes, names) not to run on paths matching a glob."""

    root: Path
    entries: tuple[tuple[str, tuple[str, ...]], ...]

    def selectors_for(self, path: str | None) -> tuple[str, ...]:
        if path is None or not self.entries:
            return ()
        return _selectors_for(self, path)


@lru_cache(maxsize=4096)
def _selectors_for(ignores: PerFileIgnores, path: str) -> tuple[str, ...]:
    rel = _relative(ignores.root, path)
    if rel is None:
        return ()
    out: list[str] = []
    for pattern, selectors in ignores.entries:
        if glob_matches(rel, pattern):
            out.extend(s for s in selectors if s not in out)
    return tuple(out)


@dataclass(frozen=True)
class Config:
    """A loaded configuration; `path` is None when no file was found (all defaults)."""

    root: Path
    path: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    overrides: dict[str, RuleOverride] = field(default_factory=dict)
    siblings: dict[str, Any] = field(default_factory=dict)
    index: Path | None = None
    cache_dir: Path | None = None
    fail_on: str | None = None  # the least severe finding that fails check (None: warning)
    move_metadata: bool = False  # keep values header fixes remove (check --move-metadata)
    metadata_fields: dict[str, str] = field(default_factory=dict)  # value -> record field
    version: str = ""  # a hash of the file's bytes: part of the cache key

    @property
    def label(self) -> str:
        """How errors name this config: the file, and for pyproject.toml its table."""
        return "(no config)" if self.path is None else _label(self.path)

    def excluded(self, path: str | Path) -> bool:
        return PathGlobs(self.root, self.exclude).match(path)

    def included(self, path: str | Path) -> bool:
        """Files found in directories are checked only when they match `include` (if set)."""
        return not self.include or PathGlobs(self.root, self.include).match(path)

    @property
    def file_ignores(self) -> PerFileIgnores | None:
        if not self.per_file_ignores:
            return None
        return PerFileIgnores(self.root, self.per_file_ignores)


def _label(path: Path) -> str:
    return f"{path} [tool.corpusmend]" if path.name == PYPROJECT else str(path)


def find_config(paths: Iterable[str | Path], start: Path | None = None) -> Path | None:
    """The config file for these paths: walk up from their common directory."""
    base = _common_dir(paths) or (start or Path.cwd())
    for directory in (base, *base.parents):
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
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


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"[tool.corpusmend" in pyproject.read_bytes()  # broken: report it on load
    return isinstance(data.get("tool"), dict) and "corpusmend" in data["tool"]


def load_config(path: str | Path) -> Config:
    """Read and validate one config file; ConfigError names the file, the key and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        table, label, lines = _read_toml(path, raw)
    else:
        table, label, lines = _read_yaml(path)
    errors = sorted(_VALIDATOR.iter_errors(table), key=lambda e: list(map(str, e.path)))
    if errors:
        err = errors[0]
        key = _key_path(err)
        line = lines(key) if lines else None
        where = f"{path}:{line}" if line else str(path)
        prefix = "tool.corpusmend." if label else ""
        raise ConfigError(f"{where}: {prefix}{key or '(top level)'}: {_describe(err)}")
    root = Path(os.path.abspath(path)).parent
    for pack in table.get("rules", ()):
        if not (root / pack).exists():
            raise ConfigError(f"{_label(path)}: rules: {pack!r}: no such rule pack in {root}")
    return Config(
        root=root,
        path=path,
        include=tuple(table.get("include", ())),
        exclude=tuple(table.get("exclude", ())),
        force_exclude=table.get("force-exclude", True),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in table.get("per-file-ignores", {}).items()
        ),
        select=tuple(table["select"]) if "select" in table else None,
        ignore=tuple(table.get("ignore", ())),
        extend_select=tuple(table.get("extend-select", ())),
        rules=tuple(root / p for p in table.get("rules", ())),
        overrides={
            code: RuleOverride(o.get("severity"), o.get("applicability"))
            for code, o in table.get("overrides", {}).items()
        },
        siblings=_sibling_settings(table.get("siblings", {}), path),
        index=root / table["index"] if "index" in table else None,
        cache_dir=root / table["cache-dir"] if "cache-dir" in table else None,
        fail_on=table.get("fail-on"),
        move_metadata=table.get("move-metadata", False),
        metadata_fields=dict(table.get("metadata-fields", {})),
        version=hashlib.sha256(raw).hexdigest()[:16],
    )


def _sibling_settings(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """Sibling thresholds with snake_case names, checked against SiblingOptions."""
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    try:
        from corpusmend.siblings.options import SiblingOptions
    except ImportError:  # the siblings extra is not installed: checked when it is used
        return settings
    try:
        SiblingOptions.from_dict(settings)
    except (ConfigError, TypeError) as exc:
        raise ConfigError(f"{_label(path)}: siblings: {exc}") from None
    return settings


def _read_toml(path: Path, raw: bytes) -> tuple[Any, str, None]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or "corpusmend" not in tool:
        raise ConfigError(f"{path}: no [tool.corpusmend] table")
    return tool["corpusmend"], "tool.corpusmend", None


def _read_yaml(path: Path) -> tuple[Any, str, Any]:
    try:
        data = load_yaml(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{where}: YAML syntax error: {problem}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of settings")

    def line(key: str) -> int | None:
        node: Any = data
        found = getattr(data, "line", None)
        for part in key.split(".") if key else []:
            if isinstance(node, dict) and part in node:
                found = getattr(node, "key_lines", {}).get(part, found)
                node = node[part]
            else:
                break
        return found

    return data, "", line


def _key_path(err: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in err.path]
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = err.schema.get("properties", {})
        extra = sorted(k for k in err.instance if k not in known)
        if extra:
            parts.append(extra[0])
    return ".".join(parts)


def _describe(err: jsonschema.ValidationError) -> str:
    if err.validator == "additionalProperties":
        known = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unknown key (known keys: {known})" if known else "unknown key"
    if err.validator == "type":
        return f"{err.instance!r} is not {_article(err.validator_value)}"
    return err.message


def _article(kind: Any) -> str:
    if isinstance(kind, list):
        return " or ".join(_article(k) for k in kind)
    return {"array": "a list", "object": "a table", "integer": "an integer"}.get(kind, f"a {kind}")


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
