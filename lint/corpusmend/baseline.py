"""Baselines: today's findings, recorded so that a check reports only new ones.

A corpus cannot carry `noqa` comments, so known findings live in a file beside it. An entry names
the document (its path relative to the baseline file, and the record id for JSONL/CSV/Parquet
records), the rule code and a fingerprint of the flagged text with a little context on each side.
Offsets and line numbers are not part of it, so an entry still matches when text above it moves.
Entries are matched as a multiset: two identical findings need two entries.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.errors import ConfigError
from corpusmend.findings import Finding
from corpusmend.linter import INTERNAL_CODE
from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult

FORMAT = 1
CONTEXT = 24  # code points of context on each side of the span
_SPACE = re.compile(r"\s+")


def fingerprint(text: str, finding: Finding) -> str:
    """The code, the span and CONTEXT code points on each side, with runs of whitespace made
    one space first (so reflowed or re-indented text around a finding still matches)."""
    start, end = finding.start, finding.end
    window = 4 * CONTEXT
    before = _SPACE.sub(" ", text[max(0, start - window) : start])[-CONTEXT:]
    after = _SPACE.sub(" ", text[end : end + window])[:CONTEXT]
    joined = "\x00".join((finding.code, before, _SPACE.sub(" ", text[start:end]), after))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def document_key(doc: Document, base: Path) -> tuple[str, str | None]:
    """(document, record): the path relative to `base` (posix), and the record id if any."""
    record = doc.id if record_source(doc) is not None else None
    if doc.path is None:
        return doc.id, None
    absolute = os.path.abspath(doc.path)
    try:
        name = Path(os.path.relpath(absolute, base)).as_posix()
    except ValueError:  # another drive on Windows
        name = Path(absolute).as_posix()
    return name, record


@dataclass(frozen=True)
class Entry:
    document: str
    record: str | None
    code: str
    fingerprint: str
    line: int = 0  # where it was when recorded: shown to people, not matched
    message: str = ""

    @property
    def key(self) -> tuple[str, str | None]:
        return self.document, self.record

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document}
        if self.record is not None:
            out["record"] = self.record
        out.update(code=self.code, fingerprint=self.fingerprint, line=self.line)
        out["message"] = self.message
        return out

    def describe(self) -> str:
        where = f"{self.document}[{self.record}]" if self.record is not None else self.document
        return f"{where}:{self.line}: {self.code} {self.message}"


def entries_for(result: DocumentResult, base: Path) -> list[Entry]:
    """Baseline entries for a result's findings (crashed rules are never baselined)."""
    text = result.fixed_text if result.fixed_text is not None else result.doc.text
    document, record = document_key(result.doc, base)
    return [
        Entry(document, record, f.code, fingerprint(text, f), f.line, f.message)
        for f in result.findings
        if f.code != INTERNAL_CODE
    ]


def write_baseline(entries: Iterable[Entry], out: Any) -> int:
    """Write a baseline (sorted, one entry per line) to a text stream; returns the count."""
    ordered = sorted(
        entries, key=lambda e: (e.document, e.record or "", e.line, e.code, e.fingerprint)
    )
    out.write(f'{{"corpusmend_baseline": {FORMAT}, "entries": [\n')
    for i, entry in enumerate(ordered):
        sep = "," if i < len(ordered) - 1 else ""
        out.write("  " + json.dumps(entry.to_dict(), ensure_ascii=False) + sep + "\n")
    out.write("]}\n")
    return len(ordered)


class Baseline:
    """A loaded baseline: drops the findings it records, remembers the entries left unmatched."""

    def __init__(self, path: str | Path, entries: Iterable[Entry]) -> None:
        self.path = Path(path)
        self.base = Path(os.path.abspath(self.path)).parent
        self.entries = list(entries)
        self._left: dict[tuple[str, str | None], Counter[tuple[str, str]]] = {}
        for e in self.entries:
            self._left.setdefault(e.key, Counter())[(e.code, e.fingerprint)] += 1
        self._seen: set[tuple[str, str | None]] = set()
        self.matched = 0

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline; ConfigError names the file and the entry that is wrong."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"--baseline {path}: cannot read: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(f"{path}: not a corpusmend baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("corpusmend_baseline") != FORMAT:
            raise ConfigError(
                f'{path}: not a corpusmend baseline (no "corpusmend_baseline": {FORMAT} key); '
                "write one with `corpusmend baseline PATH... -o FILE`"
            )
        entries = []
        for i, raw in enumerate(data.get("entries", [])):
            try:
                entries.append(_entry(raw))
            except (TypeError, ValueError, KeyError) as exc:
                raise ConfigError(f"{path}: entry {i + 1}: {exc}") from None
        return cls(path, entries)

    def filter(self, result: DocumentResult) -> DocumentResult:
        """The result without the findings the baseline records."""
        key = document_key(result.doc, self.base)
        self._seen.add(key)
        left = self._left.get(key)
        if not left or not result.findings:
            return result
        text = result.fixed_text if result.fixed_text is not None else result.doc.text
        kept = []
        for f in result.findings:
            k = (f.code, fingerprint(text, f))
            if left[k] > 0:
                left[k] -= 1
                self.matched += 1
            else:
                kept.append(f)
        return dataclasses.replace(result, findings=kept)

    def unmatched(self) -> list[Entry]:
        """Entries of documents checked in this run that matched no finding (fixed or changed).

        Entries of documents not checked (pre-commit passes only changed files) are not listed.
        """
        out = []
        spare = {k: Counter(v) for k, v in self._left.items() if k in self._seen}
        for e in self.entries:
            counts = spare.get(e.key)
            if counts and counts[(e.code, e.fingerprint)] > 0:
                counts[(e.code, e.fingerprint)] -= 1
                out.append(e)
        return out


def _entry(raw: Any) -> Entry:
    if not isinstance(raw, dict):
        raise TypeError("an entry must be an object")
    for key in ("document", "code", "fingerprint"):
        if not isinstance(raw.get(key), str):
            raise ValueError(f"{key!r} must be a string")
    record = raw.get("record")
    if record is not None and not isinstance(record, str):
        raise ValueError("'record' must be a string")
    return Entry(
        raw["document"],
        record,
        raw["code"],
        raw["fingerprint"],
        int(raw.get("line", 0)),
        str(raw.get("message", "")),
    )
