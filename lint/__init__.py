"""corpusmend: a linter for text corpora.

from lint import Linter
linter = Linter()
findings = linter.check(text)
result = linter.fix(text)           # result.text, result.applied, result.remaining
"""

from __future__ import annotations

from lint.document import Document, Span
from lint.errors import CorpusmendError, RulePackError
from lint.findings import Edit, Finding, Fix, FixResult
from lint.linter import Linter
from lint.ruleset.loader import load_rules
from lint.ruleset.rule import Rule

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
