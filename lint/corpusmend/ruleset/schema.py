"""The JSON Schema for rule packs. `rules/rule-pack.schema.json` is generated from here."""

from __future__ import annotations

import inspect
import json
import re
import sys
from typing import Any

from corpusmend.kinds import KINDS, CheckKind

# The built-in families; a user pack may use its own (2 to 5 capital letters, e.g. ACME001).
CODE_FAMILIES = ("ENC", "HDR", "SPL", "ATT", "BPL", "TRN", "SIB", "FMT")
RESERVED_FAMILIES = ("ERR",)  # ERR001: a rule that crashed on a document
_NOT_RESERVED = "(?!" + "|".join(f"{f}[0-9]" for f in RESERVED_FAMILIES) + ")"
CODE_PATTERN = "^" + _NOT_RESERVED + "[A-Z]{2,5}[0-9]{3}$"
PREFIX_PATTERN = "^" + _NOT_RESERVED + "[A-Z]{2,5}[0-9]{0,3}$"
CODE_RULE = "a code is 2 to 5 capital letters then 3 digits (ACME001); ERR is reserved"

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
    "required": ["code", "name", "kind", "severity", "message", "description"],
    "properties": {
        "code": {"type": "string", "pattern": CODE_PATTERN, "description": CODE_RULE},
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},
        "kind": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {
            "type": "string",
            "minLength": 1,
            "description": "the finding's message; {name} placeholders are values the kind "
            "captures (`corpusmend explain --kind KIND` lists them); an unknown one is an error",
        },
        "description": {"type": "string", "minLength": 1},
        "enabled": {"type": "boolean", "default": True},
        "supersedes": {
            "type": "array",
            "items": {"type": "string", "pattern": CODE_PATTERN},
            "description": "codes whose fix is dropped where this rule's fixable finding overlaps",
        },
        "defers_to": {
            "type": "array",
            "items": {"type": "string", "pattern": PREFIX_PATTERN},
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
            "description": "cases run by `corpusmend test-rules` and `validate-rules`: at least "
            "one that fires and one that does not (expect: none); optional when loading, "
            "required by `validate-rules --strict` and `test-rules`",
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
            "then": {
                "description": f"kind {name}: {kind_summary(kind)}",
                "properties": {"params": kind.params_schema},
            },
        }
        for name, kind in sorted(KINDS.items())
    ]
    schema = dict(PACK_SCHEMA)
    schema["$defs"] = {"rule": rule}
    return schema


def kind_description(kind: type[CheckKind]) -> str:
    """What a kind checks: its module's docstring (each kind has its own module)."""
    doc = sys.modules[kind.__module__].__doc__ or kind.__doc__ or ""
    return inspect.cleandoc(doc)


def kind_summary(kind: type[CheckKind]) -> str:
    """The first paragraph of kind_description, without the kind's name and its codes."""
    first = " ".join(kind_description(kind).split("\n\n")[0].split())
    return re.sub(r"^The ``[a-z-]+`` kind( \([A-Z0-9, ]+\))?: ", "", first)


def schema_json() -> str:
    return json.dumps(full_schema(), indent=2, sort_keys=False) + "\n"
