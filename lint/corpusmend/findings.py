"""Findings and fixes: plain, frozen records shared by every part of corpusmend."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe", "display"]

# The code of the finding a rule that crashed on a document leaves in its place.
INTERNAL_CODE = "ERR001"

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with content (offsets in code points)."""

    start: int
    end: int
    content: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "content": self.content}


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]
    provenance: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None  # values a move (not a removal) puts in metadata

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "applicability": self.applicability,
            "message": self.message,
            "edits": [e.to_dict() for e in self.edits],
        }
        if self.provenance:
            out["provenance"] = self.provenance
        if self.metadata:
            out["metadata"] = self.metadata
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_dict() if self.fix else None,
        }


@dataclass(frozen=True, slots=True)
class FixResult:
    """What fixing a text produced: the new text, the fixes applied, the findings left, and the
    document's metadata (with the values fixes moved into it, when moving was asked for)."""

    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    original: tuple[Finding, ...] = ()  # the findings in the text before any fix

    @property
    def changed(self) -> bool:
        return bool(self.applied)
