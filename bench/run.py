"""The corpusmend benchmark: every figure a ratio or a pair measured side by side in one run.

    python -m bench.run                       # real corpora (../shared/corpora) + invented
    python -m bench.run --corpus my.jsonl     # add your own corpus (any input corpusmend reads)
    python -m bench.run --quick               # seconds; tiny sizes, for the smoke test

Writes every figure to bench/results/latest.json (git-ignored). Sections:

- throughput: the built-in single-document rules through `Linter.check` against
  `ftfy.fix_text`, on each corpus clean and with one document in ten made mojibake;
- per_rule: each rule alone on the first real corpus (else the invented one), in ms per MB;
- api_latency: `Linter.check` on one page of about 5 KB of each corpus;
- startup: `corpusmend --version` and `check` on one tiny file, as processes;
- corpus_runs: `corpusmend index`, `check --jobs 1` vs `--jobs 2`, and `check` with and without
  siblings at 1x, 4x, 16x, as the commands users run (wall time, peak RSS);
- big_groups: `check` on groups of 40 exact copies against groups of 40 near-identical copies,
  and one story in 1,000 near-identical copies, in documents per second.
- index_build: `corpusmend index` over a JSONL of the real texts repeated with new ids, at
  `--jobs 1` and `--jobs 2` (docs/s per core, start-up included), and `check --index` on one file.

Real corpora come first in every table; the invented corpus (`bench/corpus.py`) is a smoke test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpora import Corpus, invented, real_corpora
from bench.measure import machine
from bench.sections import (
    big_groups,
    corpus_runs,
    index_build,
    latency,
    per_rule,
    startup,
    throughput,
)
from bench.tables import tables
from corpusmend import Linter

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Sizes:
    real_limit: int | None  # documents taken from each real corpus (None: all)
    invented_docs: int
    repeats: int
    latency_runs: int
    startup_repeats: int
    index_docs: int
    jobs_docs: int
    sibling_base: int  # documents at 1x in the sibling runs (then 4x, 16x)
    group_docs: int  # documents in groups of 40 copies
    viral_copies: int  # copies of the one viral story


FULL = Sizes(None, 300, 3, 300, 5, 10_000, 10_000, 300, 2_400, 1_000)
QUICK = Sizes(12, 12, 1, 10, 1, 40, 16, 4, 80, 12)


def pooled(corpora: list[Corpus]) -> Corpus:
    """The real corpora as one (the invented one when there is no real text)."""
    real = [c for c in corpora if c.real] or corpora
    return Corpus("+".join(c.name for c in real), [t for c in real for t in c.texts], real[0].real)


def sections(sizes: Sizes, corpora: list[Corpus]) -> dict[str, Callable[[Linter], dict[str, Any]]]:
    first = corpora[0]  # the first real corpus when there is one
    return {
        "throughput": lambda lt: throughput.run(lt, corpora, sizes.repeats),
        "per_rule": lambda lt: per_rule.run(lt, first, max(1, sizes.repeats - 2)),
        "api_latency": lambda lt: latency.run(lt, corpora, sizes.latency_runs),
        "startup": lambda lt: startup.run(sizes.startup_repeats),
        "corpus_runs": lambda lt: corpus_runs.run(pooled(corpora), sizes),
        "big_groups": lambda lt: big_groups.run(sizes.group_docs, sizes.viral_copies),
        "index_build": lambda lt: index_build.run(sizes.index_docs),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (a smoke test)")
    parser.add_argument(
        "--corpus", action="append", default=[], metavar="PATH", help="add a real corpus"
    )
    parser.add_argument("--text-field", default="text", help="record field of --corpus texts")
    parser.add_argument("--no-shared", action="store_true", help="skip ../shared/corpora")
    parser.add_argument("--only", action="append", help="run only this section (repeatable)")
    parser.add_argument(
        "--out", type=Path, default=RESULTS / "latest.json", help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    real = real_corpora(args.corpus, args.text_field, sizes.real_limit, shared=not args.no_shared)
    corpora = [*real, invented(sizes.invented_docs)]
    linter = Linter(ignore=["SIB"])
    results: dict[str, Any] = {
        "quick": args.quick,
        "machine": machine(),
        "corpora": {c.name: {"documents": len(c.texts), "real": c.real} for c in corpora},
        "rules": [r.code for r in linter.rules],
        "sections": {},
    }
    for name, section in sections(sizes, corpora).items():
        if args.only and name not in args.only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            results["sections"][name] = section(linter)
        except Exception as exc:  # a section that breaks must not hide the others
            traceback.print_exc()
            results["sections"][name] = {"error": f"{type(exc).__name__}: {exc}"}
    results["seconds"] = time.perf_counter() - started
    results["machine"]["load_average_end"] = machine()["load_average"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(tables(results))
    print(f"wrote {args.out}", file=sys.stderr)
    return 1 if any("error" in v for v in results["sections"].values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
