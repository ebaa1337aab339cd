"""The Ray engine: the same two steps as the local engine, on a Ray cluster with Ray Data.

1. The per-document map. The input files (text files, JSONL/JSONL.gz, CSV and Parquet shards)
   become a dataset of shards; each Ray task reads its shard with corpusmend's own readers (so
   documents, ids and read problems are exactly the local engine's) and checks every document.
2. With corpus passes, the sibling index's signature records and the line statistics are
   made in map tasks over the input files (engines/ray_passes.py); the driver fills the index
   from the records and queries it. Then the work is partitioned by the view's grouping of
   story copies (passes/build.py): each row of the dataset is one group's documents with their
   contexts, pickled together so each text travels once; a map task checks (and aligns) the
   group, and the results are sorted back into input order.

The main process receives results in input order and formats or writes them, as with the local
engine, so the output is byte-identical. `ray` is imported only when this engine is chosen.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpusmend.document import Document
from corpusmend.engines.base import (
    LinterSpec,
    Source,
    problem_result,
    process_safely,
)
from corpusmend.engines.local import unit_work
from corpusmend.errors import ConfigError, CorpusmendError
from corpusmend.linter import Linter
from corpusmend.passes.context import DocumentContext
from corpusmend.readers import ReadOptions, ReadProblem, discover
from corpusmend.readers import read_path as _read_path
from corpusmend.runner import DocumentResult, RunOptions
from corpusmend.siblings.alignments import TokenCache

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView, LineCounter
    from corpusmend.passes.corpus import Reader, Signer
    from corpusmend.passes.line_stats import LineStats
    from corpusmend.siblings.options import SiblingOptions

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


def check_groups(batch: dict[str, Any], spec: LinterSpec, options: RunOptions) -> dict[str, Any]:
    """Ray Data map over groups: each row one group's documents and contexts, checked here."""
    linter = _worker_linter(spec)
    orders: list[int] = []
    results: list[bytes] = []
    for order_list, work_bytes in zip(batch["orders"], batch["work"], strict=True):
        work: list[tuple[Document, DocumentContext]] = pickle.loads(work_bytes)
        tokens = TokenCache()  # the group's texts, tokenized once
        for order, (doc, ctx) in zip(order_list, work, strict=True):
            ctx.alignments.share_tokens(tokens)
            orders.append(int(order))
            result = process_safely(linter, doc, options, ctx)
            results.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return {"order": orders, "result": results}


class RayEngine:
    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        self.address = address
        self.num_cpus = num_cpus
        self._started = False  # this engine started the local Ray (and shuts it down)

    def line_counter(self, source: Source) -> LineCounter:
        """The line-statistics pass over `source` as Ray Data work (engines/ray_passes.py)."""

        def count(view: CorpusView) -> LineStats:
            from corpusmend.engines.ray_passes import count_lines

            ray = import_ray()
            self._started |= self._connect(ray)
            _configure_data(ray)
            return count_lines(ray, source, view)

        return count

    def signer(self, source: Source, reader: Reader | None = None) -> Signer:
        """The sibling index's signature records made by Ray tasks over the input files
        (engines/ray_passes.py), in input order; the driver builds the index from them."""

        def sign(documents: Iterable[Document], options: SiblingOptions) -> Iterator[Any]:
            from corpusmend.engines.ray_passes import sign_documents

            ray = import_ray()
            self._started |= self._connect(ray)
            _configure_data(ray)
            return sign_documents(ray, source, reader, documents, options)

        return sign

    def run(
        self,
        linter: Linter,
        source: Source,
        options: RunOptions,
        view: CorpusView | None = None,
    ) -> Iterator[DocumentResult]:
        if "-" in source.paths:
            raise ConfigError("--engine ray reads files and directories, not stdin (-)")
        ray = import_ray()
        spec = LinterSpec.of(linter)
        self._started |= self._connect(ray)
        _configure_data(ray)
        try:
            if view is None:
                yield from self._map_shards(ray, spec, source, options)
            else:
                yield from self._map_groups(ray, spec, source, options, view)
        finally:
            if self._started:
                ray.shutdown()
                self._started = False

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

    def _map_groups(
        self,
        ray: Any,
        spec: LinterSpec,
        source: Source,
        options: RunOptions,
        view: CorpusView,
    ) -> Iterator[DocumentResult]:
        items = list(source.items())
        groups: dict[str, list[int]] = {}
        for order, item in enumerate(items):
            if isinstance(item, Document):
                groups.setdefault(view.group_of(item), []).append(order)
        rows = [
            {
                "orders": orders,
                "work": pickle.dumps(
                    unit_work([items[o] for o in orders], view),  # type: ignore[misc]
                    protocol=pickle.HIGHEST_PROTOCOL,
                ),
            }
            for orders in groups.values()
        ]
        results: dict[int, DocumentResult] = {}
        if rows:
            dataset = ray.data.from_items(
                rows, override_num_blocks=min(len(rows), MAX_SHARD_BLOCKS)
            )
            dataset = dataset.map_batches(
                check_groups, batch_size=None, fn_kwargs={"spec": spec, "options": options}
            )
            for row in dataset.iter_rows():
                results[row["order"]] = pickle.loads(row["result"])
        for order, item in enumerate(items):
            yield results[order] if order in results else problem_result(item)  # type: ignore[arg-type]


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
