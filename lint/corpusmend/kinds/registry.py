"""Which class a YAML rule's ``kind:`` names: each kind registers itself with a decorator.

A kind merged into another keeps its old name as an alias (``register_kind(aliases=...)``), so
user packs that name it still load.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, overload

from corpusmend.kinds.base import CheckKind

K = TypeVar("K", bound=type[CheckKind])

KINDS: dict[str, type[CheckKind]] = {}
ALIASES: dict[str, str] = {}  # old kind name -> the name it now goes by


@overload
def register_kind(cls: K) -> K: ...
@overload
def register_kind(*, aliases: tuple[str, ...]) -> Callable[[K], K]: ...
def register_kind(cls: K | None = None, *, aliases: tuple[str, ...] = ()) -> K | Callable[[K], K]:
    """Class decorator, bare (``@register_kind``) or with the names a merged kind used to go by
    (``@register_kind(aliases=("old-name",))``): makes the kind available under each name."""

    def register(kind: K) -> K:
        for name in (kind.name, *aliases):
            known = KINDS.get(name)
            if known is not None and known is not kind:
                raise ValueError(f"kind {name!r} is registered twice: {known} and {kind}")
        KINDS[kind.name] = kind
        for alias in aliases:
            KINDS[alias] = kind
            ALIASES[alias] = kind.name
        return kind

    return register(cls) if cls is not None else register


def get_kind(name: str) -> type[CheckKind]:
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise KeyError(f"unknown kind {name!r} (known kinds: {known})") from None
