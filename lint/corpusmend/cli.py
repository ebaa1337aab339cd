"""The `corpusmend` command: parse arguments, dispatch to a subcommand, map errors to exit codes.

Exit codes: 0 nothing left to report, 1 findings remain, 2 usage, config or internal error,
130 interrupted. No traceback reaches the user: an unexpected error is one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from corpusmend import __version__
from corpusmend.collector import paused_collection
from corpusmend.commands import COMMANDS, load_command
from corpusmend.errors import CorpusmendError, RulePackWarning, describe_exception


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `command`, only that subcommand's module is imported and set up (the
    others are listed by name, so a usage error still shows them all; a `command` that names
    none of them sets up none)."""
    parser = argparse.ArgumentParser(
        prog="corpusmend",
        description="A linter for text corpora: find and repair scraping artifacts.",
    )
    parser.add_argument("--version", action="version", version=f"corpusmend {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if command is not None and name != command:
            sub.add_parser(name)
            continue
        module = load_command(name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(handler=module.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("always", RulePackWarning)
        warnings.showwarning = _warning_printer(warnings.showwarning)
        return _main(argv)


def _warning_printer(default: Callable[..., None]) -> Callable[..., None]:
    """Rule-pack warnings as one `corpusmend: warning:` line; others as Python shows them."""

    def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
        if issubclass(category, RulePackWarning):
            print(f"corpusmend: warning: {message}", file=sys.stderr)
        else:
            default(message, category, *args, **kwargs)

    return show


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    first = argv[0] if argv else None
    # `--version` and one command need only that command's module (or none)
    with paused_collection():
        parser = build_parser(first if first in COMMANDS or first == "--version" else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    try:
        return args.handler(args)
    except CorpusmendError as exc:
        print(f"corpusmend: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("corpusmend: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command had to read or write: no traceback for it
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"corpusmend: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: say so in one line, never a traceback
        print(
            f"corpusmend: internal error: {describe_exception(exc)} "
            "(please report it with the command line)",
            file=sys.stderr,
        )
        return 2
