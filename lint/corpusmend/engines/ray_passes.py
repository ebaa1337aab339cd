"""Corpus passes as Ray Data work: the line statistics counted in map tasks, merged.

Each map task reads its shards of the input with corpusmend's own readers and counts every
document's lines into a LineStatsBuilder (the group of story copies each document counts
toward is the view's, sent to the tasks once); the driver merges the partial counts shard by
shard (LineStatsBuilder.merge spills beyond its bound). Counts do not depend on the order they
are merged in, so the statistics, and every finding made from them, are the local engine's.

The sibling index is still built on the driver: the index takes whole documents (no
per-document signature record a map task could compute and the driver insert).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpusmend.document import Document
from corpusmend.passes.line_stats import LineStats, LineStatsBuilder
from corpusmend.readers import ReadOptions, discover, read_path, within_limit

if TYPE_CHECKING:
    from corpusmend.engines.base import Source
    from corpusmend.passes.build import CorpusView, SourceOf

MAX_BLOCKS = 256


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
