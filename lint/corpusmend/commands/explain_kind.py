"""`corpusmend explain --kind NAME`: what a check kind does, its params and message values."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from corpusmend.errors import ConfigError
from corpusmend.kinds import KINDS
from corpusmend.ruleset.schema import kind_description, kind_summary


def explain_kind(name: str) -> str:
    if not name:
        width = max(len(k) for k in KINDS)
        rows = [f"{k:<{width}}  {kind_summary(KINDS[k])}" for k in sorted(KINDS)]
        return "\n".join(rows) + "\n\n`corpusmend explain --kind NAME` explains one.\n"
    kind = KINDS.get(name)
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise ConfigError(f"no kind {name!r} (known kinds: {known})")
    out = [f"kind: {name}", "", kind_description(kind), "", "params:"]
    schema = kind.params_schema
    required = set(schema.get("required", ()))
    params = schema.get("properties", {})
    if not params:
        out.append("    (none)")
    for param, spec in params.items():
        out.append(f"    {param}{' (required)' if param in required else ''}: {_type(spec)}")
        if "default" in spec:
            out.append(f"        default: {json.dumps(spec['default'])}")
        if "description" in spec:
            out.extend(
                textwrap.wrap(
                    spec["description"], 84, initial_indent=" " * 8, subsequent_indent=" " * 8
                )
            )
    values = kind.message_values
    if name == "pattern":
        shown = "{match} and the pattern's named groups"
    elif values is None:
        shown = "not declared (placeholders are not checked at load)"
    else:
        shown = ", ".join("{" + v + "}" for v in sorted(values))
    out += ["", f"message values: {shown}", ""]
    return "\n".join(out)


def _type(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return "one of " + ", ".join(json.dumps(v) for v in spec["enum"])
    kind = spec.get("type", "any")
    if kind == "array" and isinstance(spec.get("items"), dict):
        return f"list of {_type(spec['items'])}"
    return kind if isinstance(kind, str) else " or ".join(kind)
