"""Corpus passes: views of the whole corpus that rules can ask for.

A pass streams once over the documents a check will see (through the same configured reader),
and yields an artifact that is saved into and loaded from the index file. A check kind declares
the passes it needs (``CheckKind.passes``); a run builds exactly the union of what the selected
rules need, and each document's rules receive a :class:`DocumentContext` with the views.

- ``siblings``: other versions of each document (:mod:`corpusmend.siblings`).
- ``line-stats``: how many documents, sibling groups and sources each line occurs in
  (:mod:`corpusmend.passes.line_stats`); needs ``siblings`` for its groups.
"""

from __future__ import annotations

from corpusmend.passes.context import NO_CONTEXT, DocumentContext

# pass name -> the passes it needs first
PASSES: dict[str, tuple[str, ...]] = {"siblings": (), "line-stats": ("siblings",)}


def with_dependencies(names: set[str] | frozenset[str]) -> list[str]:
    """The passes to build for `names`, each after the passes it needs."""
    out: list[str] = []

    def visit(name: str) -> None:
        if name in out:
            return
        for dep in PASSES[name]:
            visit(dep)
        out.append(name)

    for name in sorted(names):
        visit(name)
    return out


__all__ = ["NO_CONTEXT", "PASSES", "DocumentContext", "with_dependencies"]
