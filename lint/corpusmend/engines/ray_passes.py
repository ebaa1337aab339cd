"""Corpus passes as Ray Data work: signature records and line statistics made in map tasks.

Signatures: each map task reads its input files with the run's own reader (config excludes
included: the driver lists the files the reader would read) and computes each document's
signature record (siblings/records.py: shingles, MinHash signature, sampled shingles, the
compressed text); the records come back to the driver in input order, which adds them to the
sibling index (its LSH band and posting tables) and queries it there: the index, and every
finding, is the local engine's.

Line statistics: each map task reads its shards of the input with corpusmend's own readers
and counts every document's lines into a LineStatsBuilder (the group of story copies each
document counts toward is the view's, sent to the tasks once); the driver merges the partial
counts shard by shard (LineStatsBuilder.merge spills beyond its bound). Counts do not depend on
the order they are merged in, so the statistics, and every finding made from them, are the
local engine's.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpusmend.document import Document
from corpusmend.passes.line_stats import LineStats, LineStatsBuilder
from corpusmend.readers import ReadOptions, discover, read_documents, read_path, within_limit

if TYPE_CHECKING:
    from corpusmend.engines.base import Source
    from corpusmend.passes.build import CorpusView, SourceOf
    from corpusmend.passes.corpus import Reader
    from corpusmend.siblings.options import SiblingOptions
    from corpusmend.siblings.records import SignatureRecord

MAX_BLOCKS = 256
RECORDS_PER_ROW = 256  # signature records pickled together in one output row


def sign_shards(
    batch: dict[str, Any], read: Reader, options: SiblingOptions
) -> Iterator[dict[str, list[Any]]]:
    """Ray Data map over input files: the signature records of their documents, in order."""
    from corpusmend.siblings.records import signature_record

    records: list[SignatureRecord] = []
    for path in batch["path"]:
        for item in read([path]):
            if isinstance(item, Document):
                records.append(signature_record(item, options))
                if len(records) >= RECORDS_PER_ROW:
                    yield {"records": [pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)]}
                    records = []
    if records:
        yield {"records": [pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)]}


def sign_documents(
    ray: Any,
    source: Source,
    reader: Reader | None,
    documents: Iterable[Document],
    options: SiblingOptions,
) -> Iterator[SignatureRecord]:
    """The signature records of the documents `reader` reads from `source`, computed by Ray
    tasks, in input order. A reader that cannot list its files (not the CLI's) is signed
    here, from `documents`."""
    files = input_files(source, reader)
    if files is None:
        from corpusmend.passes.corpus import sign_here

        yield from sign_here(documents, options)
        return
    if not files:
        return
    read = getattr(reader, "inner", None) or functools.partial(
        read_documents, options=source.options
    )
    dataset = ray.data.from_items(
        [{"path": path} for path in files], override_num_blocks=min(len(files), MAX_BLOCKS)
    )
    dataset = dataset.map_batches(
        sign_shards, batch_size=None, fn_kwargs={"read": read, "options": options}
    )
    for row in _rows(dataset):
        yield from pickle.loads(row["records"])


def input_files(source: Source, reader: Reader | None) -> list[str] | None:
    """The files `reader` reads from `source`, in order (None: a reader that cannot say)."""
    if reader is None:
        found: Iterable[Any] = discover(list(source.paths), source.options)
    elif hasattr(reader, "files"):
        found = reader.files(list(source.paths))
    else:
        return None
    return [str(f) for f in found if isinstance(f, Path)]


def count_shard_lines(
    batch: dict[str, Any],
    read_options: ReadOptions,
    groups: dict[str, str],
    source_of: SourceOf,
) -> dict[str, list[Any]]:
    """Ray Data map over shards: one partial LineStatsBuilder for this block's documents."""
    from corpusmend.siblings.index import entry_key

    builder = LineStatsBuilder()
    for path in batch["path"]:
        items = within_limit(read_path(Path(path), read_options), read_options.max_doc_chars)
        for item in items:
            if isinstance(item, Document):
                key = entry_key(item)
                builder.add(item.text, groups.get(key, key), source_of(item))
    return {"builder": [pickle.dumps(builder, protocol=pickle.HIGHEST_PROTOCOL)]}


def indexed_shards(source: Source, view: CorpusView) -> list[str]:
    """The input files that hold the documents the view's index holds, in input order (the
    run's reader may have left some out: the config's excludes)."""
    held = {doc.path for doc in view.siblings.documents()}
    found = discover(list(source.paths), source.options)
    return [str(p) for p in found if isinstance(p, Path) and str(p) in held]


def count_lines(ray: Any, source: Source, view: CorpusView) -> LineStats:
    """The line statistics of the view's documents, counted by Ray tasks over the input."""
    shards = [{"path": path} for path in indexed_shards(source, view)]
    total = LineStatsBuilder()
    if shards:
        dataset = ray.data.from_items(shards, override_num_blocks=min(len(shards), MAX_BLOCKS))
        dataset = dataset.map_batches(
            count_shard_lines,
            batch_size=None,
            fn_kwargs={
                "read_options": source.options,
                "groups": view.groups,
                "source_of": view.source_of,
            },
        )
        for row in _rows(dataset):
            total.merge(pickle.loads(row["builder"]))
    return total.finish()


def _rows(dataset: Any) -> Iterator[dict[str, Any]]:
    yield from dataset.iter_rows()
