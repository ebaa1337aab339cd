"""The keys a config file may hold, as a JSON Schema (validated on load)."""

from __future__ import annotations

from typing import Any

from corpusmend.schema_errors import lazy_validator

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

validator = lazy_validator(SCHEMA)  # built (and jsonschema imported) when a config is read
