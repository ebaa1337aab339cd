"""Synthetic siblings for invented corpora: the same text with one phrase reworded.

Real siblings are nothing like this (other leads, captions, paragraphing): on a corpus with
real copies, `corpusmend eval` uses those instead (evaluation/real_evaluate.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import regex

from corpusmend.evaluation.corruptions import Corruption

_REWORDINGS = (
    (" told reporters that ", " said that "),
    (" have raised concerns about ", " have complained about "),
    (" is due to resume ", " should resume "),
    (" drew ", " attracted "),
    (" stayed open until ", " remained open until "),
)


def reworded(clean: str, rng: random.Random) -> str:
    """A syndicated copy of the clean text: the same article with one phrase reworded."""
    options = [(a, b) for a, b in _REWORDINGS if a in clean]
    if not options:
        return clean
    a, b = rng.choice(options)
    at = rng.choice([m.start() for m in regex.finditer(regex.escape(a), clean)])
    return clean[:at] + b + clean[at + len(a) :]


def with_sibling(family: str, corrupt: Callable[[str, random.Random], Corruption | None]):
    """The same artifact in a document that has a clean, lightly reworded sibling."""

    def corrupt_with_sibling(clean: str, rng: random.Random) -> Corruption | None:
        c = corrupt(clean, rng)
        if c is None:
            return None
        return Corruption(family, c.shape, c.text, c.span, c.repair, (reworded(clean, rng),))

    corrupt_with_sibling.__doc__ = f"{corrupt.__doc__} The document has a clean sibling."
    return corrupt_with_sibling
