"""`corpusmend index`: build a sibling index of a corpus, for `check --index` and the API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from corpusmend.commands.common import run_config
from corpusmend.commands.io_options import add_input_options, read_options
from corpusmend.commands.project import OptionsReader
from corpusmend.commands.sibling_options import sibling_options
from corpusmend.config_reader import ConfiguredReader
from corpusmend.document import Document
from corpusmend.passes.index_inputs import stamps
from corpusmend.readers import ReadProblem

NAME = "index"
HELP = "build a sibling index of a corpus (for check --index and pre-commit runs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to index")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the index file")
    parser.add_argument(
        "--update",
        action="store_true",
        help="add to the index FILE already holds (documents with the same id are replaced)",
    )
    parser.add_argument(
        "--shingle-size", type=int, default=None, metavar="N", help="words per shingle (default 5)"
    )
    parser.add_argument(
        "--num-perm", type=int, default=None, metavar="N", help="MinHash permutations (default 64)"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="processes computing signatures (default: all cores; the index is the same)",
    )
    add_input_options(parser)
    g = parser.add_argument_group("config")
    g.add_argument("--config", default=None, metavar="FILE", help="use this config file")
    g.add_argument("--isolated", action="store_true", help="ignore config files")


def main(args: argparse.Namespace) -> int:
    from corpusmend.siblings.index import SiblingIndex  # numpy: loaded for this command only
    from corpusmend.siblings.parallel import available_cores, signature_records

    out = Path(args.output)
    if args.update and out.exists():
        index = SiblingIndex.load(out)
    else:
        settings = {}
        if args.shingle_size is not None:
            settings["shingle_size"] = args.shingle_size
        if args.num_perm is not None:
            settings["num_perm"] = args.num_perm
            settings["bands"] = max(1, args.num_perm // 2)
        index = SiblingIndex(sibling_options(args, settings))
    counts = {"problems": 0, "added": 0}
    paths: set[str] = set()
    # the documents `check` would see: the same input options and the config's excludes
    options = read_options(args)
    config = run_config(args)
    reader = ConfiguredReader(config, config.force_exclude, options, OptionsReader(options))

    def documents() -> Iterator[Document]:
        for item in reader(args.paths):
            if isinstance(item, ReadProblem):
                print(f"corpusmend: {item.path}: {item.message}", file=sys.stderr)
                counts["problems"] += 1
                continue
            counts["added"] += 1
            if item.path:
                paths.add(item.path)
            yield item

    jobs = args.jobs if args.jobs and args.jobs > 0 else available_cores()
    # an index file keeps no metadata: records leave it out
    for record in signature_records(documents(), index.options, jobs, extras=False):
        index.add_record(record)
    index.roots = sorted(set(index.roots) | set(args.paths)) if args.update else list(args.paths)
    index.inputs = {**(index.inputs if args.update else {}), **stamps(paths)}
    out.parent.mkdir(parents=True, exist_ok=True)  # the config's .corpusmend/ may not exist yet
    index.save(out)
    added = counts["added"]
    print(f"indexed {added} document(s) into {out} ({len(index)} in all)", file=sys.stderr)
    return 2 if counts["problems"] else 0
