"""Line statistics: how many documents, sibling groups and sources each normalized line occurs in.

Built in one streaming pass (`LineStatsBuilder.add` per document), or in pieces that are merged
(`merge`: map tasks on Ray, shards anywhere). Copies of one story (a sibling group) count once
toward `groups`, so a wire story's sentences shared by its syndicated copies stay at one group,
while furniture that a site puts on all its unrelated articles reaches many.

Memory: distinct lines are counted in a dict until it holds SPILL_AT of them; then the partial
counts are written to PARTITIONS temporary files by hash and the dict starts again. `finish`
merges one partition at a time, so the peak is about one partition's distinct lines. Only lines
seen in at least two documents are kept in the result. Group and source sets are exact up to
SET_CAP members and saturate there (a line in that many groups is furniture by any threshold).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpusmend.passes.lines import CountedLine, counted_lines

SPILL_AT = 1_000_000
PARTITIONS = 64
SET_CAP = 64


@dataclass
class _Counts:
    docs: int = 0
    groups: set[str] = field(default_factory=set)
    sources: Counter[str] = field(default_factory=Counter)

    def add(self, group: str, source: str | None, docs: int = 1) -> None:
        self.docs += docs
        if len(self.groups) < SET_CAP:
            self.groups.add(group)
        if source is not None and (source in self.sources or len(self.sources) < SET_CAP):
            self.sources[source] += docs

    def merge(self, other: _Counts) -> None:
        self.docs += other.docs
        for g in sorted(other.groups):
            if len(self.groups) >= SET_CAP:
                break
            self.groups.add(g)
        for s, n in sorted(other.sources.items()):
            if s in self.sources or len(self.sources) < SET_CAP:
                self.sources[s] += n

    def to_json(self) -> list[Any]:
        return [self.docs, sorted(self.groups), dict(sorted(self.sources.items()))]

    @classmethod
    def from_json(cls, value: list[Any]) -> _Counts:
        return cls(int(value[0]), set(value[1]), Counter(value[2]))


@dataclass(frozen=True)
class LineCount:
    """What the corpus says about one line."""

    docs: int  # documents it occurs in
    groups: int  # distinct sibling groups (a document without siblings is its own group)
    sources: int  # distinct sources (sites, folders); 0 when no source is known
    by_source: Mapping[str, int]  # documents per source


class LineStats:
    """The result of the pass: counts for every line seen in two documents or more."""

    def __init__(
        self, counts: dict[str, LineCount], source_docs: Mapping[str, int], documents: int
    ) -> None:
        self._counts = counts
        self.source_docs = dict(source_docs)  # documents per source, over the whole corpus
        self.documents = documents

    def __len__(self) -> int:
        return len(self._counts)

    def get(self, key: str) -> LineCount | None:
        return self._counts.get(key)

    def lines_of(self, text: str) -> Iterator[tuple[CountedLine, LineCount]]:
        """The lines of a text that recur in the corpus, with their counts."""
        for line in counted_lines(text):
            count = self._counts.get(line.key)
            if count is not None:
                yield line, count

    def subset(self, text: str, source: str | None) -> LineStats:
        """The counts one document reads: its own recurring lines and its source's size (small
        to send to a worker, and what its cache key depends on)."""
        counts = {line.key: count for line, count in self.lines_of(text)}
        sizes = {source: self.source_docs[source]} if source in self.source_docs else {}
        return LineStats(counts, sizes, self.documents)

    def most_common(self, n: int) -> list[tuple[str, LineCount]]:
        def order(key: str) -> tuple[int, int, str]:
            c = self._counts[key]
            return (-c.groups, -c.docs, key)

        return [(k, self._counts[k]) for k in sorted(self._counts, key=order)[:n]]

    # -- saved inside the index file ---------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "source_docs": dict(sorted(self.source_docs.items())),
            "lines": {
                k: [c.docs, c.groups, c.sources, dict(sorted(c.by_source.items()))]
                for k, c in sorted(self._counts.items())
            },
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> LineStats:
        counts = {
            k: LineCount(int(v[0]), int(v[1]), int(v[2]), dict(v[3]))
            for k, v in value["lines"].items()
        }
        return cls(counts, value["source_docs"], int(value["documents"]))


def _final(c: _Counts) -> LineCount:
    """Counts that do not depend on the order documents were merged in: exact below SET_CAP,
    SET_CAP ("that many or more") at it, and no per-source split once sources saturate."""
    saturated = len(c.sources) >= SET_CAP
    return LineCount(c.docs, len(c.groups), len(c.sources), {} if saturated else dict(c.sources))


class LineStatsBuilder:
    """Counts lines document by document; mergeable; bounded in memory (see the module doc)."""

    def __init__(self, spill_at: int = SPILL_AT) -> None:
        self.spill_at = spill_at
        self._counts: dict[str, _Counts] = {}
        self._source_docs: Counter[str] = Counter()
        self._documents = 0
        self._spill_dir: tempfile.TemporaryDirectory[str] | None = None

    def add(self, text: str, group: str, source: str | None) -> None:
        """Count one document's lines; `group` is its sibling group (its own key if none)."""
        self.add_keys([line.key for line in counted_lines(text)], group, source)

    def add_keys(self, keys: Iterable[str], group: str, source: str | None) -> None:
        """Count one document given the keys of its lines (each once)."""
        self._documents += 1
        if source is not None:
            self._source_docs[source] += 1
        counts = self._counts
        for key in keys:
            c = counts.get(key)
            if c is None:
                c = counts[key] = _Counts()
            c.add(group, source)
        if len(counts) >= self.spill_at:
            self._spill()

    def merge(self, other: LineStatsBuilder) -> None:
        """Add another builder's counts (built over other documents) to this one."""
        self._documents += other._documents
        self._source_docs.update(other._source_docs)
        for key, c in other._partials():
            mine = self._counts.get(key)
            if mine is None:
                self._counts[key] = c
            else:
                mine.merge(c)
            if len(self._counts) >= self.spill_at:
                self._spill()

    def finish(self) -> LineStats:
        kept: dict[str, LineCount] = {}
        for key, c in self._partials():
            if c.docs >= 2:
                kept[key] = _final(c)
        if self._spill_dir is not None:
            self._spill_dir.cleanup()
            self._spill_dir = None
        return LineStats(kept, self._source_docs, self._documents)

    # -- spilling ----------------------------------------------------------------------------

    def _spill(self) -> None:
        if self._spill_dir is None:
            self._spill_dir = tempfile.TemporaryDirectory(prefix="corpusmend-lines-")
        root = Path(self._spill_dir.name)
        by_part: dict[int, list[str]] = {}
        for key, c in self._counts.items():
            by_part.setdefault(_partition(key), []).append(json.dumps([key, c.to_json()]))
        for part, rows in by_part.items():
            with open(root / f"{part:03d}.jsonl", "a", encoding="utf-8") as fh:
                fh.write("\n".join(rows) + "\n")
        self._counts = {}

    def _partials(self) -> Iterator[tuple[str, _Counts]]:
        """Every line's counts, merged across spills, one partition at a time (sorted keys)."""
        if self._spill_dir is None:
            for key in sorted(self._counts):
                yield key, self._counts[key]
            return
        self._spill()
        root = Path(self._spill_dir.name)
        for part in range(PARTITIONS):
            path = root / f"{part:03d}.jsonl"
            if not path.exists():
                continue
            merged: dict[str, _Counts] = {}
            for row in _rows(path):
                key, value = row
                c = _Counts.from_json(value)
                if key in merged:
                    merged[key].merge(c)
                else:
                    merged[key] = c
            path.unlink()
            for key in sorted(merged):
                yield key, merged[key]


def _partition(key: str) -> int:
    return int(key[:4], 16) % PARTITIONS


def _rows(path: Path) -> Iterable[list[Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
