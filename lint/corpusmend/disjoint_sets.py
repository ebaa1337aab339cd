"""Union-find over hashable, ordered keys: which documents end up in one group.

Each set's root is its smallest member, so the sets, and their roots, do not depend on the
order the pairs were joined in. Only joined keys are stored; a key never joined is its own
root.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class DisjointSets:
    def __init__(self) -> None:
        self._parent: dict[Any, Any] = {}  # a joined key -> a smaller key of its set

    def find(self, key: Hashable) -> Any:
        """The root (smallest member) of `key`'s set."""
        parent = self._parent
        while key in parent:
            up = parent[key]
            if up in parent:
                parent[key] = up = parent[up]  # path halving
            key = up
        return key

    def join(self, a: Hashable, b: Hashable) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[Any]]:
        """The sets of two or more members, each sorted (its root first), by first member."""
        members: dict[Any, list[Any]] = {}
        for key in self._parent:
            members.setdefault(self.find(key), []).append(key)
        return sorted(sorted([root, *rest]) for root, rest in members.items())
