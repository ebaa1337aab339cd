"""The local parallel engine: batches of documents checked by a pool of worker processes.

The main process reads the input, cuts it into batches (a few dozen documents or about a MB of
text), keeps a bounded number of batches in flight and yields results in input order, so memory
stays bounded however large the input is. Workers build their linter once, in the pool
initializer, and ignore SIGINT: Ctrl-C interrupts the main process, which terminates the pool.

With corpus passes, the input is read in windows of a few batches; inside a window the
documents are batched by sibling group (the view's grouping of story copies, passes/build.py),
so a group's copies travel together, and each batch carries every text its documents need once:
a document that is a sibling of another in its batch is sent once, and so is a sibling outside
the batch that several of its documents share.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from typing import TYPE_CHECKING

from corpusmend.collector import frozen_heap
from corpusmend.document import Document
from corpusmend.engines.base import (
    Item,
    LinterSpec,
    Source,
    attach,
    batches,
    detach,
    problem_result,
    process_safely,
)
from corpusmend.engines.serial import check_items
from corpusmend.linter import Linter
from corpusmend.passes.context import NO_CONTEXT, DocumentContext
from corpusmend.runner import DocumentResult, RunOptions
from corpusmend.siblings.alignments import TokenCache

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView, LineCounter
    from corpusmend.passes.corpus import Reader, Signer
    from corpusmend.siblings.options import SiblingOptions
    from corpusmend.siblings.records import SignatureRecord

BATCH_DOCS = 64
BATCH_CHARS = 1 << 20
BATCHES_IN_FLIGHT_PER_JOB = 3

WINDOWS_IN_FLIGHT = 2  # with corpus passes: the window being checked and the next one

Work = tuple[Document, DocumentContext]
Unit = tuple[list[int], "AsyncResult[list[DocumentResult]]"]  # positions in the window, results

_linter: Linter | None = None  # the worker's linter, built once by _init_worker


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(spec: LinterSpec) -> None:
    global _linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _linter = spec.build()


def _sign_on_pool(
    documents: Iterable[Document], options: SiblingOptions, jobs: int
) -> Iterator[SignatureRecord]:
    from corpusmend.siblings.parallel import signature_records  # numpy: only with siblings

    return signature_records(documents, options, jobs)


def _check_batch(work: list[Work], options: RunOptions) -> list[DocumentResult]:
    assert _linter is not None, "worker used before its initializer ran"
    tokens = TokenCache()  # the batch's texts, tokenized once for all its documents
    out = []
    for doc, ctx in work:
        ctx.alignments.share_tokens(tokens)
        out.append(detach(process_safely(_linter, doc, options, ctx), doc))
    return out


class LocalEngine:
    name = "local"

    def __init__(
        self,
        jobs: int | None = None,
        batch_docs: int = BATCH_DOCS,
        batch_chars: int = BATCH_CHARS,
    ) -> None:
        self.jobs = jobs if jobs and jobs > 0 else available_cores()
        self.batch_docs = batch_docs
        self.batch_chars = batch_chars

    def line_counter(self, source: Source) -> LineCounter | None:
        """None: the line statistics are counted in this process (passes/build.py)."""
        return None

    def signer(self, source: Source, reader: Reader | None = None) -> Signer | None:
        """The documents this process reads, signed on `jobs` worker processes in input order
        (siblings/parallel.py): the index, and so the output, is the same whatever `jobs`."""
        return None if self.jobs == 1 else functools.partial(_sign_on_pool, jobs=self.jobs)

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        view: CorpusView | None = None,
    ) -> Iterator[DocumentResult]:
        chunks = batches(source.items(), self.batch_docs, self.batch_chars)
        head = list(islice(chunks, 2))
        if self.jobs == 1 or len(head) < 2:  # one batch: a pool would only add its start-up
            items = chain.from_iterable(chain(head, chunks))
            yield from check_items(linter, items, options, view)
            return
        if view is None:
            windows: Iterator[list[Item]] = chain(head, chunks)
            limit = self.jobs * BATCHES_IN_FLIGHT_PER_JOB
        else:
            per_window = self.jobs * BATCHES_IN_FLIGHT_PER_JOB
            items = chain.from_iterable(chain(head, chunks))
            windows = batches(items, per_window * self.batch_docs, per_window * self.batch_chars)
            limit = WINDOWS_IN_FLIGHT
        yield from self._run_pool(linter, windows, limit, options, view)

    def _run_pool(
        self,
        linter: Linter,
        windows: Iterator[list[Item]],
        limit: int,
        options: RunOptions,
        view: CorpusView | None,
    ) -> Iterator[DocumentResult]:
        with frozen_heap():  # the view's tables stay shared with the workers
            pool = Pool(self.jobs, initializer=_init_worker, initargs=(LinterSpec.of(linter),))
            in_flight: deque[tuple[list[Item], list[Unit]]] = deque()
            finished = False
            try:
                for window in windows:
                    in_flight.append((window, self._submit(pool, window, options, view)))
                    if len(in_flight) >= limit:
                        yield from _collect(*in_flight.popleft())
                while in_flight:
                    yield from _collect(*in_flight.popleft())
                finished = True
            finally:
                if finished:
                    pool.close()
                else:  # Ctrl-C, an error, or the consumer stopped: stop the workers now
                    pool.terminate()
                pool.join()

    def _submit(
        self, pool: Pool, window: list[Item], options: RunOptions, view: CorpusView | None
    ) -> list[Unit]:
        docs = [(pos, item) for pos, item in enumerate(window) if isinstance(item, Document)]
        if view is None:
            units = [[pos for pos, _ in docs]] if docs else []
        else:
            units = group_units(docs, view, self.batch_docs, self.batch_chars)
        out: list[Unit] = []
        for positions in units:
            work = unit_work([window[p] for p in positions], view)  # type: ignore[misc]
            out.append((positions, pool.apply_async(_check_batch, (work, options))))
        return out


def group_units(
    docs: list[tuple[int, Document]], view: CorpusView, max_docs: int, max_chars: int
) -> list[list[int]]:
    """The window's documents (by position) cut into batches group by group: the groups in
    the order they first appear, each group's documents in input order."""
    by_group: dict[str, list[tuple[int, Document]]] = {}
    for pos, doc in docs:
        by_group.setdefault(view.group_of(doc), []).append((pos, doc))
    units: list[list[int]] = []
    unit: list[int] = []
    chars = 0
    for members in by_group.values():
        for pos, doc in members:
            unit.append(pos)
            chars += len(doc.text)
            if len(unit) >= max_docs or chars >= max_chars:
                units.append(unit)
                unit, chars = [], 0
    if unit:
        units.append(unit)
    return units


def unit_work(docs: list[Document], view: CorpusView | None) -> list[Work]:
    """Each document with its context, a sibling that is also a document of the batch being
    that very object: pickled together, each text travels once."""
    if view is None:
        return [(doc, NO_CONTEXT) for doc in docs]
    mine = {(doc.path, doc.id, doc.text): doc for doc in docs}
    work = []
    for doc in docs:
        ctx = view.context(doc)
        if ctx.siblings:
            shared = tuple(mine.get((s.path, s.id, s.text), s) for s in ctx.siblings)
            ctx = dataclasses.replace(ctx, siblings=shared)
        work.append((doc, ctx))
    return work


def _collect(window: list[Item], units: list[Unit]) -> Iterator[DocumentResult]:
    results: dict[int, DocumentResult] = {}
    for positions, pending in units:
        for pos, result in zip(positions, pending.get(), strict=True):
            results[pos] = attach(result, window[pos])  # type: ignore[arg-type]
    for pos, item in enumerate(window):
        yield results[pos] if pos in results else problem_result(item)  # type: ignore[arg-type]
