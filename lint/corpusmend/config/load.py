"""Read one config file (TOML or YAML), validate it, and turn it into a Config."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpusmend.config.schema import validator
from corpusmend.config.values import PYPROJECT, Config, config_label
from corpusmend.errors import ConfigError
from corpusmend.ruleset.overrides import RuleOverride
from corpusmend.ruleset.yaml_lines import YamlSyntaxError, load_yaml
from corpusmend.schema_errors import describe, error_path, first_error

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LineOf = Callable[[str], int | None]


def load_config(path: str | Path) -> Config:
    """Read and validate one config file; ConfigError names the file, the key and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        table, prefix, line_of = _read_toml(path, raw)
    else:
        table, prefix, line_of = _read_yaml(path)
    err = first_error(validator(), table)
    if err is not None:
        key = ".".join(map(str, error_path(err)))
        line = line_of(key) if line_of else None
        where = f"{path}:{line}" if line else str(path)
        raise ConfigError(f"{where}: {prefix}{key or '(top level)'}: {describe(err)}")
    root = Path(os.path.abspath(path)).parent
    for pack in table.get("rules", ()):
        if not (root / pack).exists():
            raise ConfigError(f"{config_label(path)}: rules: {pack!r}: no such rule pack in {root}")
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


def has_tool_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.corpusmend] table (a broken file that seems to
    have one counts: loading it reports the problem)."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"[tool.corpusmend" in pyproject.read_bytes()
    return isinstance(data.get("tool"), dict) and "corpusmend" in data["tool"]


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
        raise ConfigError(f"{config_label(path)}: siblings: {exc}") from None
    return settings


def _read_toml(path: Path, raw: bytes) -> tuple[Any, str, None]:
    """The [tool.corpusmend] table, the prefix errors give its keys, and no line numbers."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or "corpusmend" not in tool:
        raise ConfigError(f"{path}: no [tool.corpusmend] table")
    return tool["corpusmend"], "tool.corpusmend.", None


def _read_yaml(path: Path) -> tuple[Any, str, LineOf]:
    """The settings, no key prefix, and the line of a dotted key."""
    try:
        data = load_yaml(path)
    except YamlSyntaxError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise ConfigError(f"{where}: YAML syntax error: {exc.problem}") from None
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
