"""YAML loading that remembers where each mapping and each key came from."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any


class LineDict(dict):
    """A dict that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class YamlSyntaxError(ValueError):
    """A file PyYAML could not parse: its problem, and the 1-based lines of the problem and of
    its context where PyYAML knows them."""

    def __init__(self, problem: str, line: int | None, context_line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.context_line = context_line


@functools.cache
def _loaders() -> tuple[type, type]:
    """(libyaml's loader when PyYAML has it, the pure-Python one), both building LineDicts;
    made on first use, so a run that reads no YAML (the built-in packs come from the cache)
    does not import PyYAML."""
    import yaml

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    class Loader(yaml.SafeLoader):
        pass

    class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """libyaml's scanner: parsing the built-in packs ten times faster."""

    for loader in (Loader, FastLoader):
        loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return FastLoader, Loader


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; mappings come back as LineDict. Raises YamlSyntaxError.

    libyaml refuses some escapes PyYAML reads (a lone surrogate such as "\\udc80", which
    encoding test cases need), so a file it rejects is read again by the pure-Python parser,
    whose verdict and error positions count."""
    import yaml

    text = path.read_text(encoding="utf-8")
    fast, slow = _loaders()
    if fast.__mro__[1] is not yaml.SafeLoader:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    try:
        return yaml.load(text, Loader=slow)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        raise YamlSyntaxError(
            getattr(exc, "problem", None) or str(exc),
            mark.line + 1 if mark else None,
            context.line + 1 if context else None,
        ) from None


def line_of(root: Any, path: list[Any]) -> int | None:
    """The line of the deepest mapping key along a JSON-Schema error path."""
    line = getattr(root, "line", None)
    node = root
    for part in path:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line
