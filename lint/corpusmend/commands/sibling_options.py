"""The sibling flags of `check`, `baseline`, `eval` and `index`, read into the typed
CorpusInputs and SiblingOptions that passes.corpus builds the view from."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from corpusmend.passes.corpus import CorpusInputs, Reader, Signer, open_view
from corpusmend.readers import ReadOptions
from corpusmend.siblings.options import SiblingOptions

if TYPE_CHECKING:
    from corpusmend.passes.build import CorpusView, LineCounter


def add_sibling_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "siblings", "other versions of each document (on when the corpus has several documents)"
    )
    g.add_argument(
        "--siblings",
        action="append",
        default=[],
        metavar="PATH",
        help="a reference corpus to find siblings in as well (repeatable)",
    )
    g.add_argument("--no-siblings", action="store_true", help="do not look for siblings")
    g.add_argument(
        "--source-field",
        default=None,
        metavar="NAME",
        help="record field naming each document's source (a site; a URL gives its host) for "
        "per-source line counts (default: the folder of a text file; none for records)",
    )
    g.add_argument(
        "--index",
        default=None,
        metavar="FILE",
        help="a sibling index built by `corpusmend index` (the whole corpus)",
    )
    g.add_argument(
        "--sibling-jaccard",
        type=_share,
        default=None,
        metavar="X",
        help="shingle Jaccard that makes two documents siblings (default 0.5)",
    )
    g.add_argument(
        "--sibling-containment",
        type=_share,
        default=None,
        metavar="X",
        help="share of the shorter document's shingles found in the longer one "
        "that makes them siblings (default 0.25)",
    )
    g.add_argument(
        "--max-siblings",
        type=int,
        default=None,
        metavar="N",
        help="use at most N siblings per document (default 8)",
    )


def _share(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1]: {value!r}")
    return x


def sibling_options(
    args: argparse.Namespace, settings: dict[str, Any] | None = None
) -> SiblingOptions:
    """Defaults, then the config's `siblings` table, then the command line."""
    values: dict[str, Any] = dict(settings or {})
    for name, flag in (
        ("min_jaccard", "sibling_jaccard"),
        ("min_containment", "sibling_containment"),
        ("max_siblings", "max_siblings"),
    ):
        if getattr(args, flag, None) is not None:
            values[name] = getattr(args, flag)
    return SiblingOptions.from_dict(values)


def corpus_inputs(
    args: argparse.Namespace, settings: dict[str, Any] | None = None
) -> CorpusInputs | None:
    """The typed inputs of the corpus passes from the flags (None: --no-siblings); standard
    input is left out of the paths (it is read once, by the run)."""
    if args.no_siblings:
        return None
    return CorpusInputs(
        paths=tuple(p for p in args.paths if p != "-"),
        options=sibling_options(args, settings),
        references=tuple(args.siblings),
        index=args.index,
        source_field=args.source_field,
    )


def open_run_view(
    inputs: CorpusInputs | None,
    paths: Sequence[str],
    needed: Sequence[str],
    reader: Reader | None = None,
    read_options: ReadOptions | None = None,
    count_lines: LineCounter | None = None,
    sign: Signer | None = None,
) -> CorpusView | None:
    """The corpus view of a `check` or `baseline` run over `paths`: see passes.corpus."""
    if inputs is None:
        return None
    if "-" in paths:
        print(
            "corpusmend: siblings: standard input is matched only against --siblings and --index",
            file=sys.stderr,
        )
    return open_view(needed, inputs, reader, read_options, count_lines, sign)
