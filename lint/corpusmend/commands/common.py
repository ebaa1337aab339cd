"""Options several subcommands share."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from corpusmend.collector import paused_collection
from corpusmend.config import Config, discover_config
from corpusmend.errors import ConfigError, SelectorError
from corpusmend.linter import Linter
from corpusmend.ruleset.schema import CODE_FAMILIES
from corpusmend.ruleset.selection import matches


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("rules")
    g.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule pack file or directory, added to the built-in packs (repeatable)",
    )
    g.add_argument(
        "--select",
        type=_codes,
        default=None,
        metavar="CODES",
        help="comma-separated codes, prefixes or names to run (default: all on by default)",
    )
    g.add_argument(
        "--extend-select",
        type=_codes,
        default=[],
        metavar="CODES",
        help="codes, prefixes or names to run in addition",
    )
    g.add_argument(
        "--ignore",
        type=_codes,
        default=[],
        metavar="CODES",
        help="codes, prefixes or names not to run",
    )
    g.add_argument("--no-builtin", action="store_true", help="do not load the built-in packs")
    g = parser.add_argument_group("configuration")
    g.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="use this config file (pyproject.toml or .corpusmend.yaml) instead of finding one",
    )
    g.add_argument(
        "--isolated", action="store_true", help="ignore every config file (use defaults)"
    )


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def run_config(args: argparse.Namespace) -> Config:
    """The config for this run (found from the paths checked, or --config), loaded once."""
    config = getattr(args, "loaded_config", None)
    if config is None:
        if getattr(args, "isolated", False):
            config = Config(root=Path(os.path.abspath(os.curdir)))
        else:
            config = discover_config(getattr(args, "paths", None) or (), args.config)
        args.loaded_config = config
        apply_config_settings(args, config)
    return config


def apply_config_settings(args: argparse.Namespace, config: Config) -> None:
    """Config values for options the command line left unset (the sibling index path)."""
    if config.index is not None and hasattr(args, "index") and args.index is None:
        args.index = str(config.index)


def make_linter(args: argparse.Namespace) -> Linter:
    """The linter the command line and the config ask for; the command line wins.

    `--select` replaces the config's selection (its ignore and extend-select too, as in ruff);
    otherwise `--ignore` and `--extend-select` add to the config's, and an `--extend-select`
    re-enables what the config ignores. Rule packs from both are loaded, the config's first.
    """
    config = run_config(args)
    if args.select is not None:
        select, ignore, extend = args.select, list(args.ignore), list(args.extend_select)
    else:
        wanted = {s.upper() for s in args.extend_select}
        select = list(config.select) if config.select is not None else None
        ignore = [s for s in config.ignore if s.upper() not in wanted] + list(args.ignore)
        extend = list(config.extend_select) + list(args.extend_select)
    try:
        with paused_collection():  # the rules and their patterns: start-up, no garbage
            linter = Linter(
                rules=[*config.rules, *args.rules],
                select=select,
                ignore=ignore,
                extend_select=extend,
                builtin=not args.no_builtin,
                overrides=config.overrides,
                per_file_ignores=config.file_ignores,
            )
    except SelectorError as exc:
        cli = {"select": args.select or [], "ignore": args.ignore}
        cli["extend-select"] = args.extend_select
        if exc.selector in cli.get(exc.option, ()):
            raise ConfigError(f"--{exc.option}: {exc.selector!r} {exc.problem}") from None
        raise ConfigError(f"{config.label}: {exc.option}: {exc.selector!r} {exc.problem}") from None
    _check_per_file_ignores(linter, config)
    return linter


def _check_per_file_ignores(linter: Linter, config: Config) -> None:
    for glob, selectors in config.per_file_ignores:
        for s in selectors:
            if s.upper() in CODE_FAMILIES or s == "ALL":
                continue
            if not any(matches(r, s) for r in linter.all_rules):
                raise ConfigError(
                    f"{config.label}: per-file-ignores.{glob!r}: {s!r} matches no rule code, "
                    "prefix or name"
                )
