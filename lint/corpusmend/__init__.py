"""corpusmend: a linter for text corpora.

from corpusmend import Linter
linter = Linter()
findings = linter.check(text)
result = linter.fix(text)           # result.text, result.applied, result.remaining
"""

from __future__ import annotations

from corpusmend.document import Document, Span
from corpusmend.errors import CorpusmendError, RulePackError
from corpusmend.findings import Edit, Finding, Fix, FixResult
from corpusmend.linter import Linter
from corpusmend.ruleset.loader import load_rules
from corpusmend.ruleset.rule import Rule

__version__ = "0.1.0"

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
