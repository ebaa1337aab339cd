"""`--statistics`: counts by rule instead of the findings, most frequent first."""

from __future__ import annotations

import json
from typing import Any, TextIO

from corpusmend.formatters.base import Formatter
from corpusmend.runner import DocumentResult


class StatisticsFormatter(Formatter):
    name = "statistics"

    def __init__(self, out: TextIO, as_json: bool = False) -> None:
        super().__init__(out)
        self.as_json = as_json
        self.names: dict[str, str] = {}
        self.fixable: dict[str, bool] = {}

    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            self.names[f.code] = f.name
            can_fix = bool(f.fix and f.fix.edits and f.fix.applicability != "display")
            self.fixable[f.code] = self.fixable.get(f.code, False) or can_fix

    def rows(self) -> list[dict[str, Any]]:
        ordered = sorted(self.by_code.items(), key=lambda item: (-item[1], item[0]))
        return [
            {"code": code, "name": self.names[code], "count": count, "fixable": self.fixable[code]}
            for code, count in ordered
        ]

    def finish(self) -> None:
        rows = self.rows()
        if self.as_json:
            json.dump(rows, self.out, indent=2)
            self.out.write("\n")
            return
        width = max([len(str(r["count"])) for r in rows] + [1])
        for r in rows:
            mark = "[*]" if r["fixable"] else "   "
            self.out.write(f"{r['count']:>{width}}  {r['code']:<7} {mark} {r['name']}\n")
