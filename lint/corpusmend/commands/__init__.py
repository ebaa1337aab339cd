"""One module per subcommand; each has NAME, HELP, add_arguments(parser) and run(args) -> int."""

from __future__ import annotations

from corpusmend.commands import (
    baseline,
    check,
    explain,
    index,
    rules,
    schema,
    test_rules,
    validate_rules,
)
from corpusmend.commands import eval as eval_command

COMMANDS = (
    check,
    rules,
    explain,
    test_rules,
    validate_rules,
    schema,
    eval_command,
    baseline,
    index,
)
