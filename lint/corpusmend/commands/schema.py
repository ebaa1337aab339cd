"""`corpusmend schema`: print the JSON Schema for rule packs."""

from __future__ import annotations

import argparse
import sys

from corpusmend.ruleset.schema import schema_json

NAME = "schema"
HELP = "print the JSON Schema of rule packs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def main(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_json())
    return 0
