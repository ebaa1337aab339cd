"""The serial engine: one document after another in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from corpusmend.document import Document
from corpusmend.engines.base import Item, SiblingLookup, Source, problem_result, process_safely
from corpusmend.linter import Linter
from corpusmend.runner import DocumentResult, RunOptions


class SerialEngine:
    name = "serial"

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        siblings: SiblingLookup | None = None,
    ) -> Iterator[DocumentResult]:
        yield from check_items(linter, source.items(), options, siblings)


def check_items(
    linter: Linter,
    items: Iterable[Item],
    options: RunOptions,
    siblings: SiblingLookup | None = None,
) -> Iterator[DocumentResult]:
    for item in items:
        if isinstance(item, Document):
            sibs = siblings(item) if siblings else ()
            yield process_safely(linter, item, options, sibs)
        else:
            yield problem_result(item)
