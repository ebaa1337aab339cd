"""`check` and `check --fix --unsafe-fixes` over a whole corpus with siblings, as the CLI runs them,
and the same run with one document replaced by a corrupted copy.

A document's check and fix depend only on its text and the sibling list the index gives it
(runner.process). So the run with one document replaced differs from the original run only for
that document and for documents whose sibling list changes; those are re-run, nothing else. A
document's list can only change when it shares a shingle with the old or the new text (the index
pairs nothing else), so only those documents are queried again. `full_run` computes the same
thing the slow way, through a real `check` over files on disk, to verify the shortcut.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from corpusmend.document import Document
from corpusmend.engines.base import process_safely
from corpusmend.evaluation.reference_groups import word_shingles
from corpusmend.findings import Finding
from corpusmend.linter import Linter
from corpusmend.passes.context import DocumentContext
from corpusmend.passes.corpus import sibling_index
from corpusmend.runner import RunOptions
from corpusmend.siblings.index import SiblingIndex, entry_key
from corpusmend.siblings.options import SiblingOptions

CHECK = RunOptions()
FIX = RunOptions(fix=True, unsafe=True)
SiblingKey = tuple[tuple[str, str], ...]  # (index key, text) of each sibling, in order


@dataclass(frozen=True)
class Outcome:
    """One document's check findings and its text after --fix --unsafe-fixes."""

    findings: tuple[Finding, ...]
    fixed: str
    problem: str | None = None


@dataclass(frozen=True)
class ReplacedRun:
    """The run with one document replaced: its outcome, and the other documents whose fixed
    text changed because of it (position -> fixed text in this run)."""

    target: Outcome
    siblings: tuple[Document, ...]  # what the index gave the replaced document
    others_rerun: int  # documents re-run because their sibling list changed
    others_changed: dict[int, str]


def build_index(
    documents: Sequence[Document],
    options: SiblingOptions,
    references: Sequence[Document] = (),
    index_path: str | None = None,
) -> SiblingIndex | None:
    """The index `check` builds over these documents (the same function builds it)."""
    return sibling_index(options, references, documents, index_path)


class CorpusRun:
    """The original run over a corpus, kept, and runs with one document replaced."""

    def __init__(
        self, linter: Linter, documents: Sequence[Document], index: SiblingIndex | None
    ) -> None:
        self.linter = linter
        self.documents = list(documents)
        self.index = index
        self._shingle_size = index.options.shingle_size if index is not None else 5
        self._postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, doc in enumerate(self.documents):
            for s in word_shingles(doc.text, self._shingle_size):
                self._postings[s].append(position)
        self.sibling_lists = [self.siblings_of(d) for d in self.documents]
        self.outcomes = [
            self.outcome(d, s) for d, s in zip(self.documents, self.sibling_lists, strict=True)
        ]

    def siblings_of(self, doc: Document) -> tuple[Document, ...]:
        if self.index is None:
            return ()
        return tuple(m.document for m in self.index.query(doc))

    def outcome(self, doc: Document, siblings: Sequence[Document]) -> Outcome:
        ctx = DocumentContext(siblings=tuple(siblings))  # its alignments serve both runs
        checked = process_safely(self.linter, doc, CHECK, ctx)
        fixed = process_safely(self.linter, doc, FIX, ctx)
        return Outcome(
            tuple(checked.findings),
            fixed.fixed_text if fixed.fixed_text is not None else doc.text,
            checked.problem or fixed.problem,
        )

    def fixed_text(self, doc: Document, siblings: Sequence[Document]) -> str:
        result = process_safely(self.linter, doc, FIX, DocumentContext(siblings=tuple(siblings)))
        return result.fixed_text if result.fixed_text is not None else doc.text

    def _sharing(self, texts: Sequence[str]) -> set[int]:
        """Documents that share a shingle with any of `texts`."""
        found: set[int] = set()
        for text in texts:
            for s in word_shingles(text, self._shingle_size):
                found.update(self._postings.get(s, ()))
        return found

    def replaced(self, position: int, text: str) -> ReplacedRun:
        """The run with document `position` holding `text` instead (the index restored after)."""
        original = self.documents[position]
        corrupted = original.with_text(text)
        if self.index is None:
            return ReplacedRun(self.outcome(corrupted, ()), (), 0, {})
        self.index.add(corrupted)  # same identity: replaces the original entry
        try:
            siblings = self.siblings_of(corrupted)
            target = self.outcome(corrupted, siblings)
            rerun, changed = 0, {}
            for other in sorted(self._sharing((original.text, text)) - {position}):
                doc = self.documents[other]
                now = self.siblings_of(doc)
                if _key(now) == _key(self.sibling_lists[other]):
                    continue
                rerun += 1
                fixed = self.fixed_text(doc, now)
                if fixed != self.outcomes[other].fixed:
                    changed[other] = fixed
        finally:
            self.index.add(original)
        return ReplacedRun(target, siblings, rerun, changed)


def _key(siblings: Sequence[Document]) -> SiblingKey:
    return tuple((entry_key(d), d.text) for d in siblings)
