"""User-facing errors. Anything raised from here is reported on stderr and exits 2."""

from __future__ import annotations

import traceback
from pathlib import Path


class CorpusmendError(Exception):
    """An error the user can act on: bad input, bad rules, bad config."""


class RulePackError(CorpusmendError):
    """A rule pack that cannot be loaded; names the file, the line and the rule."""

    def __init__(
        self, path: str | Path, message: str, line: int | None = None, rule: str | None = None
    ) -> None:
        self.path = str(path)
        self.line = line
        self.rule = rule
        where = self.path if line is None else f"{self.path}:{line}"
        who = f" rule {rule}:" if rule else ""
        super().__init__(f"{where}:{who} {message}")


class RulePackWarning(UserWarning):
    """A rule pack that loads but is not ready to share (a rule without tests: cases)."""


class ReaderError(CorpusmendError):
    """An input that cannot be read; names the file and, where known, the line or record."""


class ConfigError(CorpusmendError):
    """A bad configuration value or command-line combination."""


class SelectorError(ConfigError):
    """A rule selector (code, prefix or name) that is wrong where it is used, e.g. matches nothing.

    Keeps the option and the selector so the caller can say where it came from (the API's
    argument, a command-line flag or a config key); the message names the API argument
    (`select=`), since the API raises it: the command line re-words it for its flags.
    """

    def __init__(self, option: str, selector: str, problem: str) -> None:
        self.option = option
        self.selector = selector
        self.problem = problem
        argument = option.replace("-", "_")
        super().__init__(f"{argument}: {selector!r} {problem}")


def describe_exception(exc: BaseException) -> str:
    """`Type: message at file.py:line` (the innermost frame), for reports of internal errors."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    at = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}: {exc}{at}"
