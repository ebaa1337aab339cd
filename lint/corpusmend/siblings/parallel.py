"""Signature records of a stream of documents, over worker processes, in input order.

The main process reads; workers shingle, hash, sign and compress (`signature_record`); records
come back in the order the documents were read, so the index assembled from them is the same
whatever the number of workers.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool

from corpusmend.collector import frozen_heap
from corpusmend.document import Document
from corpusmend.siblings.options import SiblingOptions
from corpusmend.siblings.records import SignatureRecord, signature_record

BATCH = 64  # documents per task: a task's records are a few hundred KB
IN_FLIGHT_PER_JOB = 4


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C


def _batch_records(
    docs: list[Document], options: SiblingOptions, extras: bool
) -> list[SignatureRecord]:
    return [signature_record(doc, options, extras) for doc in docs]


def signature_records(
    documents: Iterable[Document], options: SiblingOptions, jobs: int = 1, extras: bool = True
) -> Iterator[SignatureRecord]:
    """`signature_record(doc, options, extras)` for each document, in order, on `jobs`
    processes (here when there is one batch or less: a pool would only add its start-up)."""
    docs = iter(documents)
    batches = iter(lambda: list(islice(docs, BATCH)), [])
    first = next(batches, [])
    if jobs <= 1 or len(first) < BATCH:
        for doc in chain(first, docs):
            yield signature_record(doc, options, extras)
        return
    batches = chain([first], batches)
    with frozen_heap(), Pool(jobs, initializer=_ignore_interrupt) as pool:
        pending: deque[AsyncResult[list[SignatureRecord]]] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_batch_records, (batch, options, extras)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
