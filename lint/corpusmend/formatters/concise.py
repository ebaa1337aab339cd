"""One line per finding and nothing else (no suggestions, no summary): for grep and editors."""

from __future__ import annotations

from corpusmend.formatters.base import Formatter
from corpusmend.formatters.text import finding_line
from corpusmend.readers.base import document_label
from corpusmend.runner import DocumentResult


class ConciseFormatter(Formatter):
    name = "concise"

    def document(self, result: DocumentResult) -> None:
        label = document_label(result.doc)
        for f in result.findings:
            self.out.write(finding_line(label, f))
