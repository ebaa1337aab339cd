"""Load rule packs: parse YAML, validate against the schema, compile each rule's check."""

from __future__ import annotations

import string
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corpusmend.builtin_rules import builtin_rules_dir
from corpusmend.errors import RulePackError, RulePackWarning
from corpusmend.kinds import CheckKind, get_kind
from corpusmend.ruleset.pack_cache import builtin_pack
from corpusmend.ruleset.rule import FixSpec, Rule, RuleCase
from corpusmend.ruleset.schema import PACK_SCHEMA
from corpusmend.ruleset.yaml_lines import LineDict, YamlSyntaxError, line_of, load_yaml
from corpusmend.schema_errors import (
    describe,
    error_path,
    first_error,
    lazy_validator,
    validator_for,
)

MAX_PACK_BYTES = 5_000_000
MAX_INCLUDE_DEPTH = 16

# built on first use: the built-in packs are checked by the tests, so a run with only them never
# imports jsonschema
_validator = lazy_validator(PACK_SCHEMA)


def _builtin(path: Path) -> bool:
    """A built-in pack (shipped with corpusmend and validated by its tests)."""
    return path.resolve().parent == builtin_rules_dir().resolve()


def pack_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories to the *.yaml / *.yml packs inside them, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml")))
        elif p.exists():
            out.append(p)
        else:
            raise RulePackError(p, "no such rule pack")
    return out


def _read_pack(path: Path) -> LineDict:
    size = path.stat().st_size
    if size > MAX_PACK_BYTES:
        raise RulePackError(path, f"pack is {size} bytes, over the {MAX_PACK_BYTES} byte limit")
    builtin = _builtin(path)
    try:
        doc = builtin_pack(path, load_yaml) if builtin else load_yaml(path)
    except YamlSyntaxError as exc:
        line = exc.line or exc.context_line
        raise RulePackError(path, f"YAML syntax error: {exc.problem}", line) from None
    except UnicodeDecodeError as exc:
        raise RulePackError(path, f"not UTF-8: {exc}") from None
    if not isinstance(doc, LineDict):
        raise RulePackError(path, "a rule pack must be a mapping with a 'rules' list", 1)
    if builtin:
        return doc
    err = first_error(_validator(), doc)
    if err is not None:
        path_parts = error_path(err)
        rule = _rule_label(doc, path_parts)
        where = "/".join(map(str, path_parts)) or "pack"
        raise RulePackError(path, f"{where}: {describe(err)}", line_of(doc, path_parts), rule)
    return doc


def _rule_label(doc: Any, path: list[Any]) -> str | None:
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rule = doc["rules"][path[1]]
        if isinstance(rule, dict):
            return str(rule.get("code") or rule.get("name") or f"#{path[1] + 1}")
    return None


def _collect(path: Path, seen: tuple[Path, ...], out: list[tuple[Path, LineDict]]) -> None:
    real = path.resolve()
    if real in seen:
        chain = " -> ".join(str(p) for p in (*seen, real))
        raise RulePackError(path, f"include loop: {chain}")
    if len(seen) > MAX_INCLUDE_DEPTH:
        raise RulePackError(path, f"includes nested deeper than {MAX_INCLUDE_DEPTH}")
    if any(real == p for p, _ in out):
        return
    doc = _read_pack(path)
    for inc in doc.get("include", []):
        target = (path.parent / inc).resolve()
        if not target.exists():
            raise RulePackError(path, f"include {inc!r}: no such file", doc.key_lines["include"])
        _collect(target, (*seen, real), out)
    out.append((real, doc))


def _merge_data(packs: list[tuple[Path, LineDict]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, doc in packs:
        for key, value in doc.get("data", {}).items():
            old = data.get(key)
            if isinstance(old, list) and isinstance(value, list):
                data[key] = old + value
            elif isinstance(old, dict) and isinstance(value, dict):
                data[key] = {**old, **value}
            elif old is not None and type(old) is not type(value):
                line = doc["data"].key_lines.get(key)
                raise RulePackError(path, f"data.{key}: cannot merge with another pack's", line)
            else:
                data[key] = value
    return data


def _build_rule(path: Path, raw: LineDict, data: dict[str, Any]) -> Rule:
    code = raw["code"]
    try:
        kind_cls = get_kind(raw["kind"])
    except KeyError as exc:
        raise RulePackError(path, exc.args[0], raw.key_lines["kind"], code) from None
    params = raw.get("params", {})
    err = None if _builtin(path) else first_error(validator_for(kind_cls.params_schema), params)
    if err is not None:
        param_path = ["params", *error_path(err)]
        where = "/".join(map(str, param_path))
        line = line_of(raw, param_path) or raw.line
        raise RulePackError(path, f"{where}: {describe(err)}", line, code)
    try:
        check = kind_cls(params, data)
    except ValueError as exc:
        # kinds name the param first ("params.pattern: ..."): point at its line
        param = str(exc).split(":", 1)[0].removeprefix("params.")
        line = line_of(raw, ["params", param]) or raw.line
        raise RulePackError(path, str(exc), line, code) from None
    fix = raw.get("fix")
    _check_placeholders(path, raw, check, raw["message"], ["message"])
    if fix:
        _check_placeholders(path, raw, check, fix["message"], ["fix", "message"])
    if not raw.get("tests"):
        warnings.warn(
            RulePackWarning(
                f"{path}:{raw.line}: rule {code} has no tests: cases; it loads, but "
                "`corpusmend test-rules` and `validate-rules --strict` will fail it"
            ),
            stacklevel=2,
        )
    return Rule(
        code=code,
        name=raw["name"],
        kind_name=raw["kind"],
        severity=raw["severity"],
        message=raw["message"],
        description=raw["description"].strip(),
        kind=check,
        params=dict(params),
        fix=FixSpec(fix["message"], fix["applicability"]) if fix else None,
        tests=tuple(_case(c) for c in raw.get("tests", ())),
        enabled=raw.get("enabled", True),
        supersedes=tuple(raw.get("supersedes", ())),
        defers_to=tuple(raw.get("defers_to", ())),
        source=str(path),
        line=raw.line,
    )


def placeholders(template: str) -> list[str]:
    """The value names a message template uses (`{match}`, `{date!r}`, `{what:>10}`).
    Raises ValueError for a malformed template (a lone `{`)."""
    names = []
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            root = field.split(".")[0].split("[")[0]
            names.append(root)
    return names


def _check_placeholders(
    path: Path, raw: LineDict, check: CheckKind, template: str, key: list[str]
) -> None:
    """An unknown {placeholder} would be printed as it is: an error at load instead."""
    line = line_of(raw, key) or raw.line
    where = "/".join(key)
    try:
        used = placeholders(template)
    except ValueError as exc:
        message = f"{where}: bad template {template!r}: {exc} (write {{{{ for a brace)"
        raise RulePackError(path, message, line, raw["code"]) from None
    known = check.provided_values()
    if known is None:
        return
    for name in used:
        if name not in known:
            given = ", ".join("{" + k + "}" for k in sorted(known)) or "none"
            raise RulePackError(
                path,
                f"{where}: unknown placeholder {{{name}}}; the {raw['kind']} kind gives {given}",
                line,
                raw["code"],
            )


def _case(raw: LineDict) -> RuleCase:
    expect = raw["expect"]
    items = None
    if expect != "none":
        items = tuple({"code": e} if isinstance(e, str) else dict(e) for e in expect)
    return RuleCase(
        text=raw["text"],
        expect=items,
        fixed=raw.get("fixed"),
        siblings=tuple(raw.get("siblings", ())),
        corpus=tuple(raw.get("corpus", ())),
        unsafe=raw.get("unsafe", False),
        name=raw.get("name"),
        line=raw.line,
    )


def load_packs(paths: Iterable[str | Path]) -> list[Rule]:
    """Load packs (and what they include); codes and names must be unique across them."""
    packs: list[tuple[Path, LineDict]] = []
    for p in pack_paths(paths):
        _collect(p, (), packs)
    data = _merge_data(packs)
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path, doc in packs:
        for raw in doc["rules"]:
            rule = _build_rule(path, raw, data)
            for key in (rule.code, rule.name):
                if key in seen:
                    other = seen[key]
                    raise RulePackError(
                        path,
                        f"{key} is already defined at {other.source}:{other.line}",
                        raw.line,
                        rule.code,
                    )
                seen[key] = rule
            rules.append(rule)
    return rules


def load_rules(extra: Iterable[str | Path] = (), builtin: bool = True) -> list[Rule]:
    paths: list[str | Path] = [builtin_rules_dir()] if builtin else []
    return load_packs([*paths, *extra])
