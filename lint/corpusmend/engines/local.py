"""The local parallel engine: batches of documents checked by a pool of worker processes.

The main process reads the input, cuts it into batches (a few dozen documents or about a MB of
text), keeps a bounded number of batches in flight and yields results in input order, so memory
stays bounded however large the input is. Workers build their linter once, in the pool
initializer, and ignore SIGINT: Ctrl-C interrupts the main process, which terminates the pool.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool

from corpusmend.document import Document
from corpusmend.engines.base import (
    Item,
    LinterSpec,
    SiblingLookup,
    Source,
    attach,
    batches,
    detach,
    problem_result,
    process_safely,
)
from corpusmend.engines.serial import check_items
from corpusmend.linter import Linter
from corpusmend.runner import DocumentResult, RunOptions

BATCH_DOCS = 64
BATCH_CHARS = 1 << 20
BATCHES_IN_FLIGHT_PER_JOB = 3

Work = tuple[Document, Sequence[Document]]

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


def _check_batch(work: list[Work], options: RunOptions) -> list[DocumentResult]:
    assert _linter is not None, "worker used before its initializer ran"
    return [detach(process_safely(_linter, doc, options, sibs), doc) for doc, sibs in work]


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

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        siblings: SiblingLookup | None = None,
    ) -> Iterator[DocumentResult]:
        chunks = batches(source.items(), self.batch_docs, self.batch_chars)
        head = list(islice(chunks, 2))
        if self.jobs == 1 or len(head) < 2:  # one batch: a pool would only add its start-up
            items = chain.from_iterable(chain(head, chunks))
            yield from check_items(linter, items, options, siblings)
            return
        yield from self._run_pool(linter, chain(head, chunks), options, siblings)

    def _run_pool(
        self,
        linter: Linter,
        chunks: Iterator[list[Item]],
        options: RunOptions,
        siblings: SiblingLookup | None,
    ) -> Iterator[DocumentResult]:
        pool = Pool(self.jobs, initializer=_init_worker, initargs=(LinterSpec.of(linter),))
        in_flight: deque[tuple[list[Item], AsyncResult[list[DocumentResult]] | None]] = deque()
        limit = self.jobs * BATCHES_IN_FLIGHT_PER_JOB
        finished = False
        try:
            for chunk in chunks:
                in_flight.append((chunk, self._submit(pool, chunk, options, siblings)))
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

    @staticmethod
    def _submit(
        pool: Pool, chunk: list[Item], options: RunOptions, siblings: SiblingLookup | None
    ) -> AsyncResult[list[DocumentResult]] | None:
        work = [
            (item, siblings(item) if siblings else ())
            for item in chunk
            if isinstance(item, Document)
        ]
        return pool.apply_async(_check_batch, (work, options)) if work else None


def _collect(
    chunk: list[Item], pending: AsyncResult[list[DocumentResult]] | None
) -> Iterator[DocumentResult]:
    results = iter(pending.get() if pending is not None else ())
    for item in chunk:
        if isinstance(item, Document):
            yield attach(next(results), item)
        else:
            yield problem_result(item)
