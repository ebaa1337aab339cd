"""Findings cache: a text file whose content, rules and config have not changed is not checked
again; its findings come from the cache.

One small JSON entry per file, under a directory named for everything else the findings depend
on (the corpusmend version and code, the selected rules, the config). An entry holds the hash of
the text it was made from, so an edited file misses and its entry is replaced. Entries are
written atomically (temporary file + rename), so concurrent runs (pre-commit batches) are safe,
and an unreadable or corrupt entry is a miss, never an error.

Only check runs use the cache (not --fix, --diff, --no-cache or the Ray engine: the command
decides, see commands/check_settings.py), and only whole text files (not records of
JSONL/CSV/Parquet, which would make millions of entries), and never results with a crashed rule.
With corpus passes, an entry also records what the document read from them (ProjectRun.source).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpusmend
from corpusmend.config import Config
from corpusmend.document import Document
from corpusmend.findings import Edit, Finding, Fix
from corpusmend.linter import INTERNAL_CODE, Linter
from corpusmend.readers import ReadProblem
from corpusmend.readers.base import record_source
from corpusmend.runner import DocumentResult
from corpusmend.writers.atomic import write_new_atomic

CACHE_DIR_NAME = ".corpusmend_cache"
ENV_CACHE_DIR = "CORPUSMEND_CACHE_DIR"
FORMAT = 1  # bump when the entry layout changes

Item = Document | ReadProblem


def default_cache_dir(config: Config, explicit: str | Path | None = None) -> Path:
    """--cache-dir, else $CORPUSMEND_CACHE_DIR, else the config's `cache-dir`, else
    `.corpusmend_cache` beside the config file, else $XDG_CACHE_HOME/corpusmend."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR])
    if config.cache_dir is not None:
        return config.cache_dir
    if config.path is not None:
        return config.root / CACHE_DIR_NAME
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "corpusmend"


def code_fingerprint() -> str:
    """The corpusmend version and the size and mtime of its modules (an editable install changes
    without a new version number)."""
    package = Path(corpusmend.__file__).parent
    h = hashlib.sha256(corpusmend.__version__.encode())
    for module in sorted(package.rglob("*.py")):
        st = module.stat()
        h.update(f"{module.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def rules_fingerprint(linter: Linter) -> str:
    """What the selected rules are: everything a rule's findings depend on."""
    described = [
        {
            "code": r.code,
            "name": r.name,
            "kind": r.kind_name,
            "severity": r.severity,
            "message": r.message,
            "params": r.params,
            "fix": [r.fix.message, r.fix.applicability] if r.fix else None,
        }
        for r in linter.rules
    ]
    text = json.dumps(described, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def settings_key(linter: Linter, config: Config) -> str:
    parts = [str(FORMAT), code_fingerprint(), rules_fingerprint(linter), config.version]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def content_hash(doc: Document) -> str:
    """The text, its metadata and the BOM flag the findings were made from."""
    h = hashlib.sha256(doc.text.encode("utf-8", "surrogateescape"))
    h.update(json.dumps(doc.metadata, sort_keys=True, default=str).encode())
    h.update(b"bom" if doc.bom else b"")
    return h.hexdigest()


def cacheable(doc: Document) -> bool:
    """Whole text files only: a path, and not a record of a JSONL/CSV/Parquet file."""
    return doc.path is not None and record_source(doc) is None


class FindingsCache:
    """Entries under `directory/<settings key>/`, one per file path."""

    def __init__(self, directory: Path, key: str) -> None:
        self.root = Path(directory)
        self.directory = self.root / key
        self.hits = 0
        self.misses = 0
        # With corpus passes: what a document read from them (see DocumentContext.fingerprint)
        self.context_key: Callable[[Document], str] | None = None
        self._context_keys: dict[int, str] = {}

    def _content(self, doc: Document, done: bool = False) -> str:
        """The document's content hash, with what it read from the corpus passes if any."""
        if self.context_key is None:
            return content_hash(doc)
        key = self._context_keys.pop(id(doc), None) if done else None
        if key is None:
            key = self.context_key(doc)
            if not done:
                self._context_keys[id(doc)] = key
        return content_hash(doc) + ":" + key

    @classmethod
    def for_run(
        cls, linter: Linter, config: Config, directory: str | Path | None = None
    ) -> FindingsCache:
        return cls(default_cache_dir(config, directory), settings_key(linter, config))

    def _entry(self, doc: Document) -> Path:
        assert doc.path is not None
        name = hashlib.sha256(os.path.abspath(doc.path).encode("utf-8", "surrogateescape"))
        digest = name.hexdigest()
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, doc: Document) -> list[Finding] | None:
        """The cached findings for this document's text, or None (also for a corrupt entry)."""
        if not cacheable(doc):
            return None
        try:
            entry = json.loads(self._entry(doc).read_text(encoding="utf-8"))
            if entry.get("content") != self._content(doc):
                raise LookupError
            findings = [finding_from_dict(d) for d in entry["findings"]]
        except (OSError, ValueError, LookupError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        self._context_keys.pop(id(doc), None)  # a hit is not checked, so never put
        return findings

    def put(self, doc: Document, findings: Sequence[Finding]) -> None:
        """Remember findings; skipped for crashed rules and for values JSON cannot hold."""
        if not cacheable(doc) or any(f.code == INTERNAL_CODE for f in findings):
            return
        entry = {
            "path": os.path.abspath(str(doc.path)),
            "content": self._content(doc, done=True),
            "findings": [finding_to_dict(f) for f in findings],
        }
        try:
            data = json.dumps(entry, ensure_ascii=True)
        except (TypeError, ValueError):
            return
        try:
            write_new_atomic(self._entry(doc), data.encode("utf-8"))
            _mark_cache_dir(self.root)
        except OSError:
            pass  # a read-only or full disk only costs speed

    def reader(self, inner: Callable[[Sequence[str]], Iterable[Item]]) -> CachedReader:
        """A reader that feeds the engine only what the cache does not have; pair with merge."""
        self._reader = CachedReader(self, inner)
        return self._reader

    def merge(self, results: Iterator[DocumentResult]) -> Iterator[DocumentResult]:
        """All results in input order: cached ones put back between the engine's (then stored)."""
        reader = self._reader
        for result in _merge(results, reader.queue):
            if result.problem is None and reader.was_checked(result):
                self.put(result.doc, result.findings)
            yield result


def finding_to_dict(f: Finding) -> dict[str, Any]:
    out = f.to_dict()
    out["data"] = f.data
    return out


def finding_from_dict(d: dict[str, Any]) -> Finding:
    values = dict(d)
    fix = values.pop("fix", None)
    if fix is not None:
        fix = dict(fix)
        fix["edits"] = tuple(Edit(**e) for e in fix["edits"])
        fix = Fix(**fix)
    return Finding(**values, fix=fix)


@dataclass
class CachedReader:
    """Reads with `inner` and queues every item in order: a cached result, or None where the
    engine's next result goes; yields the engine only the items that need checking."""

    cache: FindingsCache
    inner: Callable[[Sequence[str]], Iterable[Item]]
    queue: deque[DocumentResult | None] = field(default_factory=deque)
    checked: set[int] = field(default_factory=set)

    def __call__(self, paths: Sequence[str]) -> Iterator[Item]:
        for item in self.inner(paths):
            cached = self.cache.get(item) if isinstance(item, Document) else None
            if cached is not None:
                assert isinstance(item, Document)
                self.queue.append(DocumentResult(item, cached))
            else:
                if isinstance(item, Document) and cacheable(item):
                    self.checked.add(id(item))
                self.queue.append(None)
                yield item

    def was_checked(self, result: DocumentResult) -> bool:
        """Whether the engine checked this document here (so its result may be stored)."""
        key = id(result.doc)
        if key in self.checked:
            self.checked.discard(key)
            return True
        return False


def _merge(
    results: Iterator[DocumentResult], queue: deque[DocumentResult | None]
) -> Iterator[DocumentResult]:
    for result in results:
        while queue and queue[0] is not None:
            yield queue.popleft()  # type: ignore[misc]
        if queue:
            queue.popleft()
        yield result
    while queue:
        cached = queue.popleft()
        if cached is not None:
            yield cached


def _mark_cache_dir(root: Path) -> None:
    """Tell git and backup tools to leave the cache alone (as ruff and pytest do)."""
    tag = root / "CACHEDIR.TAG"
    if tag.exists():
        return
    (root / ".gitignore").write_text("# created by corpusmend\n*\n", encoding="utf-8")
    tag.write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# corpusmend cache directory\n",
        encoding="utf-8",
    )
