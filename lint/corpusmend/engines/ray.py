"""The Ray engine: the same two steps as the local engine, on a Ray cluster with Ray Data.

1. The per-document map. The input files (text files, JSONL/JSONL.gz, CSV and Parquet shards)
   become a dataset of shards; each Ray task reads its shard with corpusmend's own readers (so
   documents, ids and read problems are exactly the local engine's) and checks every document.
2. With siblings, the group-by: documents connected by the sibling relation form a group;
   `groupby(group).map_groups` checks (and aligns) each document against its siblings inside
   its group, and the results are sorted back into input order.

The main process receives results in input order and formats or writes them, as with the local
engine, so the output is byte-identical. `ray` is imported only when this engine is chosen.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.engines.base import (
    LinterSpec,
    SiblingLookup,
    Source,
    problem_result,
    process_safely,
)
from corpusmend.errors import ConfigError, CorpusmendError
from corpusmend.linter import Linter
from corpusmend.passes.context import DocumentContext, as_context
from corpusmend.readers import ReadOptions, ReadProblem, discover
from corpusmend.readers import read_path as _read_path
from corpusmend.runner import DocumentResult, RunOptions

INSTALL_HINT = "the Ray engine needs Ray: pip install 'corpusmend[ray]'"
ROWS_PER_OUTPUT_BATCH = 256
MAX_SHARD_BLOCKS = 256

_linters: dict[bytes, Linter] = {}  # per Ray worker process: built once per rule set


def import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise CorpusmendError(f"{INSTALL_HINT} ({exc})") from None
    return ray


def _worker_linter(spec: LinterSpec) -> Linter:
    linter = _linters.get(spec.pickled)
    if linter is None:
        linter = _linters[spec.pickled] = spec.build()
    return linter


def check_shards(
    batch: dict[str, Any], spec: LinterSpec, read_options: ReadOptions, options: RunOptions
) -> Iterator[dict[str, list[Any]]]:
    """Ray Data map over shards: read each shard, check each document, yield result rows."""
    linter = _worker_linter(spec)
    out: dict[str, list[Any]] = {"shard": [], "seq": [], "result": []}
    for shard, path in zip(batch["shard"], batch["path"], strict=True):
        for seq, item in enumerate(_read_path(Path(path), read_options)):
            if isinstance(item, ReadProblem):
                result = problem_result(item)
            else:
                result = process_safely(linter, item, options)
            out["shard"].append(int(shard))
            out["seq"].append(seq)
            out["result"].append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            if len(out["result"]) >= ROWS_PER_OUTPUT_BATCH:
                yield out
                out = {"shard": [], "seq": [], "result": []}
    if out["result"]:
        yield out


def check_group(group: dict[str, Any], spec: LinterSpec, options: RunOptions) -> dict[str, Any]:
    """Ray Data map_groups: one sibling group; each document checked against its siblings."""
    linter = _worker_linter(spec)
    results = []
    for doc_bytes, siblings_bytes in zip(group["doc"], group["siblings"], strict=True):
        doc: Document = pickle.loads(doc_bytes)
        siblings: DocumentContext = pickle.loads(siblings_bytes)
        result = process_safely(linter, doc, options, siblings)
        results.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return {"order": list(group["order"]), "result": results}


class RayEngine:
    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        self.address = address
        self.num_cpus = num_cpus

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        siblings: SiblingLookup | None = None,
    ) -> Iterator[DocumentResult]:
        if "-" in source.paths:
            raise ConfigError("--engine ray reads files and directories, not stdin (-)")
        ray = import_ray()
        spec = LinterSpec.of(linter)
        started = self._connect(ray)
        _configure_data(ray)
        try:
            if siblings is None:
                yield from self._map_shards(ray, spec, source, options)
            else:
                yield from self._group_siblings(ray, spec, source, options, siblings)
        finally:
            if started:
                ray.shutdown()

    def _connect(self, ray: Any) -> bool:
        """Join the cluster at the address (or start a local Ray); True when this call did."""
        if ray.is_initialized():
            return False
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,  # worker output must never reach our stdout
            "logging_level": "WARNING",
        }
        if self.address:
            kwargs["address"] = self.address
        elif self.num_cpus:
            kwargs["num_cpus"] = self.num_cpus
        try:
            ray.init(**kwargs)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = self.address or "a local Ray"
            raise CorpusmendError(f"cannot start or reach {where}: {exc}") from None
        return True

    def _map_shards(
        self, ray: Any, spec: LinterSpec, source: Source, options: RunOptions
    ) -> Iterator[DocumentResult]:
        shards: list[dict[str, Any]] = []
        problems: dict[int, list[ReadProblem]] = {}  # discovery problems, before shard i
        for found in discover(list(source.paths), source.options):
            if isinstance(found, ReadProblem):
                problems.setdefault(len(shards), []).append(found)
            else:
                shards.append({"shard": len(shards), "path": str(found)})
        if shards:
            blocks = min(len(shards), MAX_SHARD_BLOCKS)  # small files share a task
            dataset = ray.data.from_items(shards, override_num_blocks=blocks)
            dataset = dataset.map_batches(
                check_shards,
                batch_size=None,
                fn_kwargs={"spec": spec, "read_options": source.options, "options": options},
            )
            rows = dataset.iter_rows()
        else:
            rows = iter(())
        next_shard = 0
        for row in rows:
            while next_shard <= row["shard"]:  # problems found before this shard's files
                yield from map(problem_result, problems.pop(next_shard, []))
                next_shard += 1
            yield pickle.loads(row["result"])
        for index in sorted(problems):
            yield from map(problem_result, problems[index])

    def _group_siblings(
        self,
        ray: Any,
        spec: LinterSpec,
        source: Source,
        options: RunOptions,
        siblings: SiblingLookup,
    ) -> Iterator[DocumentResult]:
        items = list(source.items())
        docs = [(order, item) for order, item in enumerate(items) if isinstance(item, Document)]
        lookups = {order: as_context(siblings(doc)) for order, doc in docs}
        groups = _sibling_groups(docs, lookups)
        rows = [
            {
                "group": groups[order],
                "order": order,
                "doc": pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL),
                "siblings": pickle.dumps(lookups[order], protocol=pickle.HIGHEST_PROTOCOL),
            }
            for order, doc in docs
        ]
        results: dict[int, DocumentResult] = {}
        if rows:
            dataset = ray.data.from_items(rows)
            dataset = dataset.groupby("group").map_groups(
                check_group, fn_kwargs={"spec": spec, "options": options}
            )
            for row in dataset.sort("order").iter_rows():
                results[row["order"]] = pickle.loads(row["result"])
        for order, item in enumerate(items):
            yield results[order] if order in results else problem_result(item)


def _configure_data(ray: Any) -> None:
    """Results in input order; no progress bars or execution banners on the terminal."""
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    for name in ("print_on_execution_start", "enable_operator_progress_bars"):
        if hasattr(context, name):
            setattr(context, name, False)
    data_log = logging.getLogger("ray.data")
    if data_log.level == logging.NOTSET:  # keep a level the caller chose
        data_log.setLevel(logging.WARNING)


def _sibling_groups(
    docs: list[tuple[int, Document]], lookups: dict[int, DocumentContext]
) -> dict[int, int]:
    """Connected components of the sibling relation: order -> the smallest order in its group."""
    parent = {order: order for order, _ in docs}
    by_id: dict[str, list[int]] = {}
    for order, doc in docs:
        by_id.setdefault(doc.id, []).append(order)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for order, ctx in lookups.items():
        for sib in ctx.siblings:
            for other in by_id.get(sib.id, ()):
                a, b = root(order), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {order: root(order) for order, _ in docs}
