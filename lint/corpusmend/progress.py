"""A one-line progress display on stderr: documents done, findings, rate.

Shown when stderr is a terminal, or when forced with --progress; never written to stdout, so
machine-readable output stays clean. When stdout is the same terminal, the line is cleared
before each result is printed, so findings never land in the middle of it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from corpusmend.runner import DocumentResult

REDRAW_SECONDS = 0.2


def wanted(forced: bool | None, stream: TextIO) -> bool:
    if forced is not None:
        return forced
    return _isatty(stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    def __init__(self, stream: TextIO | None = None, clock=time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.documents = 0
        self.findings = 0
        self.started = clock()
        self._last_draw = float("-inf")
        self._drawn = False
        self._shared_terminal = _isatty(self.stream) and _isatty(sys.stdout)
        self._terminal = _isatty(self.stream)

    def track(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        """Pass results through, counting them and redrawing the line now and then."""
        try:
            for result in results:
                if self._shared_terminal:
                    self._clear()
                yield result
                self.documents += 1
                self.findings += len(result.findings)
                if self.clock() - self._last_draw >= REDRAW_SECONDS:
                    self._draw()
        finally:
            self.close()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.documents / elapsed
        return (
            f"corpusmend: {self.documents:,} documents, {self.findings:,} findings, "
            f"{rate:,.0f} docs/s, {elapsed:.0f}s"
        )

    def _draw(self) -> None:
        self._last_draw = self.clock()
        if self._terminal:
            self.stream.write("\r\x1b[K" + self.line())
        else:  # forced onto a file or pipe: one line per update, nothing to erase
            self.stream.write(self.line() + "\n")
        self.stream.flush()
        self._drawn = True

    def _clear(self) -> None:
        if self._drawn and self._terminal:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def close(self) -> None:
        """Draw the final counts (ending the line) so the last figures stay visible."""
        self._draw()
        if self._terminal:
            self.stream.write("\n")
            self.stream.flush()
        self._drawn = False
