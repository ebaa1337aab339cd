"""The JSON Schema for rule packs. `rules/rule-pack.schema.json` is generated from here."""

from __future__ import annotations

import json
from typing import Any

from corpusmend.kinds import KINDS

CODE_FAMILIES = ("ENC", "HDR", "SPL", "ATT", "BPL", "TRN", "SIB", "FMT")
CODE_PATTERN = "^(" + "|".join(CODE_FAMILIES) + ")[0-9]{3}$"

_EXPECT_ITEM = {
    "oneOf": [
        {"type": "string", "pattern": CODE_PATTERN},
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["code"],
            "properties": {
                "code": {"type": "string", "pattern": CODE_PATTERN},
                "match": {"type": "string", "description": "the exact text of the span"},
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
                "line": {"type": "integer", "minimum": 1},
                "column": {"type": "integer", "minimum": 1},
            },
        },
    ]
}

RULE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["code", "name", "kind", "severity", "message", "description", "tests"],
    "properties": {
        "code": {"type": "string", "pattern": CODE_PATTERN},
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},
        "kind": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "enabled": {"type": "boolean", "default": True},
        "supersedes": {
            "type": "array",
            "items": {"type": "string", "pattern": CODE_PATTERN},
            "description": "codes whose fix is dropped where this rule's fixable finding overlaps",
        },
        "defers_to": {
            "type": "array",
            "items": {"type": "string", "pattern": "^(" + "|".join(CODE_FAMILIES) + ")[0-9]{0,3}$"},
            "description": "codes or families whose finding on the same text replaces this one's",
        },
        "params": {"type": "object"},
        "fix": {
            "type": "object",
            "additionalProperties": False,
            "required": ["message", "applicability"],
            "properties": {
                "message": {"type": "string"},
                "applicability": {"enum": ["safe", "unsafe", "display"]},
            },
        },
        "tests": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "expect"],
                "properties": {
                    "name": {"type": "string"},
                    "text": {"type": "string"},
                    "siblings": {"type": "array", "items": {"type": "string"}},
                    "corpus": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "other documents of the corpus (not copies of this one)"
                        " for rules that read corpus passes",
                    },
                    "expect": {
                        "oneOf": [{"const": "none"}, {"type": "array", "items": _EXPECT_ITEM}]
                    },
                    "fixed": {"type": "string"},
                    "unsafe": {"type": "boolean", "default": False},
                },
            },
        },
    },
}

PACK_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://corpusmend.invalid/rule-pack.schema.json",
    "title": "corpusmend rule pack",
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {
        "pack": {"type": "string", "description": "the pack's name"},
        "description": {"type": "string"},
        "include": {
            "type": "array",
            "items": {"type": "string"},
            "description": "other packs to load first, relative to this file",
        },
        "data": {
            "type": "object",
            "description": "named lists and tables the pack's rules refer to",
            "properties": {
                key: {"type": "array", "items": {"type": "string", "minLength": 1}}
                for key in ("abbreviations", "abbreviations_before_numbers", "sentence_starters")
            },
        },
        "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
    },
    "$defs": {"rule": RULE_SCHEMA},
}


def full_schema() -> dict[str, Any]:
    """The pack schema with each kind's params schema attached, as published."""
    rule = json.loads(json.dumps(RULE_SCHEMA))
    rule["properties"]["kind"] = {"enum": sorted(KINDS)}
    rule["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": name}}},
            "then": {"properties": {"params": kind.params_schema}},
        }
        for name, kind in sorted(KINDS.items())
    ]
    schema = dict(PACK_SCHEMA)
    schema["$defs"] = {"rule": rule}
    return schema


def schema_json() -> str:
    return json.dumps(full_schema(), indent=2, sort_keys=False) + "\n"
