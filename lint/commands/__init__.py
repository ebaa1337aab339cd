"""One module per subcommand; each has NAME, HELP, add_arguments(parser) and run(args) -> int."""

from __future__ import annotations

from lint.commands import check, explain, rules, schema, test_rules, validate_rules

COMMANDS = (check, rules, explain, test_rules, validate_rules, schema)
