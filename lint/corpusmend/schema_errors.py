"""JSON Schema validation for config files and rule packs alike: the validators (built, and
jsonschema imported, on first use, so a run that reads no config or user pack never imports
it) and how their errors read.

jsonschema's own messages ("Additional properties are not allowed ('colour' was unexpected)",
"5 is not of type 'string'") are written for programmers; these name the key and say what was
expected in the words the README uses.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


def validator_for(schema: Mapping[str, Any]) -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(schema)


def lazy_validator(schema: Mapping[str, Any]) -> Callable[[], jsonschema.Draft202012Validator]:
    """A function giving `schema`'s validator: built on the first call, the same one after."""
    return functools.cache(functools.partial(validator_for, schema))


def first_error(
    validator: jsonschema.protocols.Validator, instance: Any
) -> jsonschema.ValidationError | None:
    """The error to report (the first by key path, so the same file always gives the same one)."""
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
    return errors[0] if errors else None


def error_path(err: jsonschema.ValidationError) -> list[Any]:
    """The error's key path, down to the offending key for an unknown key."""
    path = list(err.path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = err.schema.get("properties", {})
        extra = sorted(k for k in err.instance if k not in known)
        if extra:
            path.append(extra[0])
    return path


def describe(err: jsonschema.ValidationError) -> str:
    """What is wrong, without where (callers name the file, line and key)."""
    if err.validator == "additionalProperties":
        known = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unknown key (known keys: {known})" if known else "unknown key"
    if err.validator == "required":
        return err.message.replace("is a required property", "is missing")
    if err.validator == "type":
        return f"{err.instance!r} is not {_article(err.validator_value)}"
    if err.validator == "pattern" and err.schema.get("description"):
        return f"{err.instance!r}: {err.schema['description']}"
    return err.message


def _article(kind: Any) -> str:
    if isinstance(kind, list):
        return " or ".join(_article(k) for k in kind)
    return {"array": "a list", "object": "a table", "integer": "an integer"}.get(kind, f"a {kind}")
