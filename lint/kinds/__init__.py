"""The registry of check kinds: a YAML rule's ``kind:`` names one of these."""

from __future__ import annotations

from lint.kinds.base import CheckKind, Hit
from lint.kinds.pattern import PatternKind

KINDS: dict[str, type[CheckKind]] = {k.name: k for k in (PatternKind,)}


def get_kind(name: str) -> type[CheckKind]:
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise KeyError(f"unknown kind {name!r} (known kinds: {known})") from None


__all__ = ["KINDS", "CheckKind", "Hit", "get_kind"]
