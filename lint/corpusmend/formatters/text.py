"""Human output, one line per finding: `path:line:col: CODE [*] message`."""

from __future__ import annotations

from corpusmend.findings import Finding
from corpusmend.formatters.base import Formatter
from corpusmend.readers.base import document_label
from corpusmend.runner import DocumentResult


def _marker(f: Finding) -> str:
    if f.fix is None or not f.fix.edits:
        return ""
    return {"safe": " [*]", "unsafe": " [**]"}.get(f.fix.applicability, "")


class TextFormatter(Formatter):
    name = "text"

    def document(self, result: DocumentResult) -> None:
        name = document_label(result.doc)
        for f in result.findings:
            self.out.write(f"{name}:{f.line}:{f.column}: {f.code}{_marker(f)} {f.message}\n")
            if f.fix and f.fix.applicability == "display":
                self.out.write(f"    suggestion: {f.fix.message}\n")

    def finish(self) -> None:
        parts = [f"{self.total} finding{'s' if self.total != 1 else ''}"]
        parts.append(f"in {self.documents} document{'s' if self.documents != 1 else ''}")
        if self.fixed:
            parts.append(f"({self.fixed} fixed)")
        self.out.write("Found " + " ".join(parts) + ".\n")
        if self.total:
            self.out.write("[*] fixable with --fix; [**] with --fix --unsafe-fixes\n")
