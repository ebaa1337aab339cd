"""`--statistics`: counts by rule instead of the findings, most frequent first."""

from __future__ import annotations

import json
from typing import Any, TextIO

from corpusmend.formatters.base import Formatter, fix_kind
from corpusmend.formatters.text import MARKERS
from corpusmend.runner import DocumentResult


class StatisticsFormatter(Formatter):
    name = "statistics"

    def __init__(self, out: TextIO, as_json: bool = False) -> None:
        super().__init__(out)
        self.as_json = as_json
        self.names: dict[str, str] = {}
        self.fix_kinds: dict[str, set[str]] = {}

    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            self.names[f.code] = f.name
            kinds = self.fix_kinds.setdefault(f.code, set())
            kind = fix_kind(f)
            if kind is not None:
                kinds.add(kind)

    def rows(self) -> list[dict[str, Any]]:
        """Per code: `fixable` by --fix (a safe fix), `unsafe_fixable` only with --unsafe-fixes."""
        ordered = sorted(self.by_code.items(), key=lambda item: (-item[1], item[0]))
        return [
            {
                "code": code,
                "name": self.names[code],
                "count": count,
                "fixable": "safe" in self.fix_kinds[code],
                "unsafe_fixable": "unsafe" in self.fix_kinds[code],
            }
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
            kind = "safe" if r["fixable"] else "unsafe" if r["unsafe_fixable"] else None
            mark = MARKERS[kind].strip() if kind else ""
            self.out.write(f"{r['count']:>{width}}  {r['code']:<7} {mark:<4} {r['name']}\n")
