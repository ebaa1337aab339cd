"""The overview at the top of the page: counts, the chart, the worst documents, recurring lines.

It is written as HTML by Python (every value escaped), so it reads without JavaScript too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any

from corpusmend.findings import Finding
from corpusmend.formatters.html.chart import bar_chart
from corpusmend.formatters.html.records import SEVERITIES
from corpusmend.runner import DocumentResult

WORST = 10  # documents listed as the worst
TOP_LINES = 12  # recurring lines listed
FIX_KINDS = ("safe", "unsafe", "display", "none")
FIX_HELP = {
    "safe": "applied by --fix",
    "unsafe": "with --fix --unsafe-fixes",
    "display": "a suggestion, never applied",
    "none": "no fix",
}


@dataclass
class RecurringLine:
    docs: int = 0  # documents the corpus pass counted it in
    sources: int = 0
    groups: int = 0
    flagged: int = 0  # documents of this report where BPL003 flagged it


@dataclass
class Overview:
    documents: int = 0
    unread: int = 0
    with_findings: int = 0
    fixed: int = 0  # findings this run fixed (--fix): the texts shown are the fixed ones
    by_code: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    fixes: Counter[str] = field(default_factory=Counter)
    lines: dict[str, RecurringLine] = field(default_factory=dict)

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.unread += result.unread
        self.with_findings += bool(result.findings)
        self.fixed += len(result.applied)
        for f in result.findings:
            self.by_code[f.code] += 1
            self.names[f.code] = f.name
            self.fixes[_fix_kind(f)] += 1
            if f.code == "BPL003" and "line" in f.data:
                self._recurring(f.data)

    def _recurring(self, data: dict[str, Any]) -> None:
        line = self.lines.setdefault(str(data["line"]), RecurringLine())
        line.docs = max(line.docs, int(data.get("docs", 0)))
        line.sources = max(line.sources, int(data.get("sources", 0)))
        line.groups = max(line.groups, int(data.get("groups", 0)))
        line.flagged += 1

    def html(self, index: list[list[Any]], folder: str = "") -> str:
        """The overview; documents are named without `folder`, the one all their names share."""
        checked = self.documents - self.unread
        total = sum(self.by_code.values())
        tiles = [
            ("documents", "documents checked", checked),
            ("with-findings", "documents with findings", self.with_findings),
            ("findings", "findings", total),
            *([("fixed", "fixed by this run", self.fixed)] if self.fixed else []),
        ] + [
            (f"fix-{k}", f"{k} fixes" if k != "none" else "without a fix", self.fixes[k])
            for k in FIX_KINDS
        ]
        tile_html = "".join(
            f'<div class="tile{" fix" if key.startswith("fix-") else ""}" data-count="{key}"'
            f"{_title(key)}><b>{n:,}</b><span>{escape(label)}</span></div>"
            for key, label, n in tiles
        )
        where = f'<p class="note folder">in {escape(folder)}</p>' if folder else ""
        parts = [
            f'<div class="tiles">{tile_html}</div>{where}',
            '<div class="overview-grid"><section class="panel"><h2>Findings by family and rule'
            f"</h2>{bar_chart(self.by_code, self.names)}</section>",
            '<section class="panel"><h2>Worst documents</h2>'
            f"{_worst(index, folder)}</section></div>",
        ]
        if self.lines:
            parts.append(
                '<section class="panel"><h2>Recurring furniture lines (BPL003)</h2>'
                f"{self._lines_table()}</section>"
            )
        return "".join(parts)

    def _lines_table(self) -> str:
        ranked = sorted(self.lines.items(), key=lambda kv: (-kv[1].docs, -kv[1].flagged, kv[0]))
        rows = "".join(
            f'<tr><td class="line">{escape(line)}</td><td>{c.docs:,}</td><td>{c.groups:,}</td>'
            f"<td>{c.sources:,}</td><td>{c.flagged:,}</td></tr>"
            for line, c in ranked[:TOP_LINES]
        )
        more = len(ranked) - TOP_LINES
        note = f'<p class="note">and {more:,} more lines</p>' if more > 0 else ""
        return (
            '<table class="lines"><thead><tr><th>line</th><th>documents</th><th>stories</th>'
            f"<th>sources</th><th>flagged here</th></tr></thead><tbody>{rows}</tbody></table>{note}"
        )


def _fix_kind(f: Finding) -> str:
    """safe / unsafe / display (a fix with no edits is only shown) / none."""
    if f.fix is None:
        return "none"
    return f.fix.applicability if f.fix.edits else "display"


def _title(key: str) -> str:
    kind = key.removeprefix("fix-")
    return f' title="{escape(FIX_HELP[kind])}"' if kind in FIX_HELP else ""


def _worst(index: list[list[Any]], folder: str) -> str:
    """The documents with the most errors, then warnings, then infos (then by label)."""
    ranked = sorted(
        (k for k, entry in enumerate(index) if sum(entry[2])),
        key=lambda k: ([-n for n in index[k][2]], index[k][0]),
    )[:WORST]
    if not ranked:
        return '<p class="empty">No document has findings.</p>'
    rows = "".join(
        f'<tr><td><a href="#doc/{k}" data-doc="{k}" title="{escape(index[k][0])}">'
        f"{escape(index[k][0].removeprefix(folder))}</a></td>"
        + "".join(
            f'<td class="n {s}">{n or ""}</td>'
            for s, n in zip(SEVERITIES, index[k][2], strict=True)
        )
        + "</tr>"
        for k in ranked
    )
    return (
        '<table class="worst"><thead><tr><th>document</th><th>errors</th><th>warnings</th>'
        f"<th>infos</th></tr></thead><tbody>{rows}</tbody></table>"
    )
