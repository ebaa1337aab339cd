"""Human output, one line per finding: `path:line:col: CODE [*] severity: message`."""

from __future__ import annotations

from corpusmend.findings import Finding
from corpusmend.formatters.base import Formatter, fix_kind
from corpusmend.readers.base import document_label
from corpusmend.runner import DocumentResult

MARKERS = {"safe": " [*]", "unsafe": " [**]"}


def _marker(f: Finding) -> str:
    kind = fix_kind(f)
    return MARKERS[kind] if kind is not None else ""


def finding_line(label: str, f: Finding) -> str:
    return f"{label}:{f.line}:{f.column}: {f.code}{_marker(f)} {f.severity}: {f.message}\n"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


class TextFormatter(Formatter):
    name = "text"

    def document(self, result: DocumentResult) -> None:
        name = document_label(result.doc)
        for f in result.findings:
            self.out.write(finding_line(name, f))
            if f.fix and f.fix.applicability == "display":
                self.out.write(f"    suggestion: {f.fix.message}\n")

    def finish(self) -> None:
        checked = self.documents - self.unread
        line = f"Found {_plural(self.total, 'finding')} in {_plural(checked, 'document')}"
        if self.fixed:
            line += f" ({self.fixed:,} fixed)"
        line += "."
        if self.unread:
            line += f" {_plural(self.unread, 'read error')} (see above)."
        self.out.write(line + "\n")
        safe, unsafe = self.fixable["safe"], self.fixable["unsafe"]
        parts = [f"[*] {safe:,} fixable with --fix"] if safe else []
        if unsafe:
            more = "more " if safe else ""
            parts.append(f"[**] {unsafe:,} {more}with --fix --unsafe-fixes")
        if parts:  # no legend when nothing is fixable
            self.out.write("; ".join(parts) + ".\n")
