"""The check kinds: a YAML rule's ``kind:`` names one of these.

Each module of this package defines kinds and registers them with ``@register_kind``; importing
the package imports every module, so a new kind needs no list kept by hand.
"""

from __future__ import annotations

import importlib
import pkgutil

from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import ALIASES, KINDS, get_kind, register_kind

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["ALIASES", "KINDS", "CheckKind", "Hit", "get_kind", "register_kind"]
