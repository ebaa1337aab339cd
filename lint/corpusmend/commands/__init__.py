"""One module per subcommand; each has NAME, HELP, add_arguments(parser) and main(args) -> int.

Modules are imported when their command runs (or for `corpusmend --help`), so that starting one
command does not pay for the imports of the others.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# command name -> module under corpusmend.commands, in the order `--help` lists them
COMMANDS = {
    "check": "check",
    "rules": "rules",
    "explain": "explain",
    "test-rules": "test_rules",
    "validate-rules": "validate_rules",
    "schema": "schema",
    "eval": "eval",
    "baseline": "baseline",
    "index": "index",
}


def load_command(name: str) -> ModuleType:
    return importlib.import_module(f"corpusmend.commands.{COMMANDS[name]}")
