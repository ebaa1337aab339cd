"""`--format html`: one self-contained static page (no server, no network) to read a run by.

The overview (counts, a chart by family and rule, fixable counts, the worst documents, the
recurring furniture lines BPL003 found) is written by Python; each document (its text with every
finding's span highlighted, the fixes as diffs, and beside each sibling a SIB finding names, the
two texts aligned paragraph by paragraph) is embedded compressed and drawn by the page's script
when asked for. Modules: records (a document's JSON), sibling_view (the side-by-side
alignment), overview and chart, page (template, assets, embedding).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

from corpusmend.document import Document
from corpusmend.formatters.base import Formatter
from corpusmend.formatters.html.overview import Overview
from corpusmend.formatters.html.page import pack, render_page
from corpusmend.formatters.html.records import (
    checked_text,
    common_folder,
    document_record,
    index_entry,
)
from corpusmend.passes.context import DocumentContext, as_context
from corpusmend.runner import DocumentResult

CorpusLookup = Callable[[Document], "Sequence[Document] | DocumentContext"]


class HtmlFormatter(Formatter):
    name = "html"

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.overview = Overview()
        self.index: list[list[Any]] = []
        self.records: list[str] = []  # packed records, in input order
        self.lookup: CorpusLookup | None = None

    def corpus(self, lookup: CorpusLookup | None) -> None:
        self.lookup = lookup

    def document(self, result: DocumentResult) -> None:
        self.overview.add(result)
        self.index.append(index_entry(result))
        views: list[dict[str, Any]] = []
        if self.lookup is not None and any(f.code.startswith("SIB") for f in result.findings):
            from corpusmend.formatters.html.sibling_view import sibling_views  # rapidfuzz

            siblings = as_context(self.lookup(result.doc)).siblings
            views = sibling_views(checked_text(result), result.findings, siblings)
        self.records.append(pack(document_record(result, views)))

    def finish(self) -> None:
        folder = common_folder([entry[0] for entry in self.index])
        overview = self.overview.html(self.index, folder)
        self.out.write(
            render_page(overview, {"folder": folder, "documents": self.index}, self.records)
        )
