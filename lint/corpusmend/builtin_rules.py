"""Where the built-in rule packs are: inside the installed wheel, or beside the package."""

from __future__ import annotations

from pathlib import Path

from corpusmend.errors import RulePackError


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed wheel, or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulePackError(here, "built-in rule packs not found (broken installation?)")
