"""corpusmend: a linter for text corpora.

from corpusmend import Linter
linter = Linter()
findings = linter.check(text)
result = linter.fix(text)           # result.text, result.applied, result.remaining
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpusmend.document import Document, Span
    from corpusmend.errors import CorpusmendError, RulePackError
    from corpusmend.findings import Edit, Finding, Fix, FixResult
    from corpusmend.linter import Linter
    from corpusmend.ruleset.loader import load_rules
    from corpusmend.ruleset.rule import Rule

__version__ = "0.1.0"

# Imported on first use, so that `corpusmend --version` and light imports stay fast.
_EXPORTS = {
    "CorpusmendError": "corpusmend.errors",
    "Document": "corpusmend.document",
    "Edit": "corpusmend.findings",
    "Finding": "corpusmend.findings",
    "Fix": "corpusmend.findings",
    "FixResult": "corpusmend.findings",
    "Linter": "corpusmend.linter",
    "Rule": "corpusmend.ruleset.rule",
    "RulePackError": "corpusmend.errors",
    "Span": "corpusmend.document",
    "load_rules": "corpusmend.ruleset.loader",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'corpusmend' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "CorpusmendError",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "FixResult",
    "Linter",
    "Rule",
    "RulePackError",
    "Span",
    "__version__",
    "load_rules",
]
