"""The serial engine: one document after another in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from corpusmend.document import Document
from corpusmend.engines.base import Item, Source, problem_result, process_safely
from corpusmend.linter import Linter
from corpusmend.passes.context import NO_CONTEXT
from corpusmend.runner import DocumentResult, RunOptions
from corpusmend.siblings.alignments import TokenCache

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView, LineCounter
    from corpusmend.passes.corpus import Reader, Signer


class SerialEngine:
    name = "serial"

    def line_counter(self, source: Source) -> LineCounter | None:
        """None: the line statistics are counted in this process (passes/build.py)."""
        return None

    def signer(self, source: Source, reader: Reader | None = None) -> Signer | None:
        """None: the sibling index signs the documents in this process."""
        return None

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        view: CorpusView | None = None,
    ) -> Iterator[DocumentResult]:
        yield from check_items(linter, source.items(), options, view)


def check_items(
    linter: Linter,
    items: Iterable[Item],
    options: RunOptions,
    view: CorpusView | None = None,
) -> Iterator[DocumentResult]:
    tokens = TokenCache()  # texts a run of documents share (copies of a story), tokenized once
    for item in items:
        if isinstance(item, Document):
            context = NO_CONTEXT
            if view is not None:
                context = view.context(item)
                context.alignments.share_tokens(tokens)
            yield process_safely(linter, item, options, context)
        else:
            yield problem_result(item)
