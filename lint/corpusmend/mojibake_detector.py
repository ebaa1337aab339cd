"""The mojibake detector shared by the ENC rules: ftfy's encoding repair behind an exact prefilter.

ftfy repairs a line only when its ``badness`` regex (``BADNESS_RE``) matches somewhere in it or
the line holds a C1 control character. Running that regex over every position of clean text is
what makes ftfy slow (about 3 MB/s). Every ``BADNESS_RE`` match is at most 7 characters long and
contains at least one character of :data:`TRIGGERS` (see :func:`is_bad` for the proof sketch;
``tests/test_encoding_rules.py`` checks the equivalence on generated text). So we search
``BADNESS_RE`` only in small windows around those characters: same answer, a fraction of the work,
and pure-ASCII text returns at once.

:func:`find_mojibake` runs ftfy (configured conservatively, as datatrove and NeMo Curator do:
encoding repairs only) on each suspicious line and aligns its output with the input, so each
garbled run becomes one :class:`MojibakeRun` with its own span and replacement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

try:  # difflib compiled: the same opcodes, ten times faster on a garbled paragraph
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - a core dependency; difflib gives the same answer
    from difflib import SequenceMatcher

# Encoding repairs only: no HTML unescaping, control-character removal or surrogate handling
# (those are ENC004's and ENC002's), no quote uncurling, width, ligature or normalization changes.
CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

_C = MOJIBAKE_CATEGORIES
# A hitting set for BADNESS_RE: each of its alternatives needs one of these characters. Chosen
# to leave out what clean text is full of: the curly quotes and dashes, and Cyrillic and Greek
# letters except the few capitals that ftfy's three-letter Windows-1251/1253 patterns start with.
TRIGGERS = (
    _C["c1"]
    + _C["bad"]
    + _C["lower_accented"]
    + _C["upper_accented"]
    + _C["currency"]
    + _C["numeric"]
    + _C["box"]
    + _C["law"]
    + "Ùµ°ЂŒœ√≈×‚ВГРСΒΓΞΟ"
)
_TRIGGER_RE = re.compile(f"[{TRIGGERS}]")
_C1_RE = re.compile("[\x80-\x9f]")
# A cheaper necessary condition, tried first: apart from a C1 control, every BADNESS_RE
# alternative needs two adjacent non-ASCII characters, except those starting with Œ, œ, Ã or Â
# before a non-letter. Clean English or French text rarely has either.
# Three searches, because a pattern that starts with one character class scans at C speed.
_GATES = (
    re.compile("[^\x00-\x7f][^\x00-\x7f]"),
    re.compile("[\x80-\x9f]"),
    re.compile("[ŒœÃÂ][^A-Za-z]"),
)


# The characters the last two gates need, searched for first (one fast scan).
_RARE = re.compile("[\x80-\x9fŒœÃÂ]")


def _gate(text: str) -> bool:
    if text.isascii():
        return False
    if _GATES[0].search(text):
        return True
    return _RARE.search(text) is not None and any(g.search(text) for g in _GATES[1:])


# The longest BADNESS_RE match ("ГўВЂВ.[A-Za-z ]") is 7 characters.
_REACH = 7


def _windows(line: str) -> list[tuple[int, int]]:
    """Merged ``[i-6, i+7)`` windows around the trigger characters of ``line``."""
    windows: list[tuple[int, int]] = []
    for m in _TRIGGER_RE.finditer(line):
        lo, hi = max(m.start() - _REACH + 1, 0), m.start() + _REACH
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def is_bad(line: str) -> bool:
    """Exactly ``ftfy.badness.is_bad(line)``, searched only around trigger characters.

    A match of at most 7 characters that holds the trigger at index ``i`` lies inside
    ``line[i-6 : i+7]``; ``re`` honours ``^`` only at the real start of the string, so searching
    ``(pos, endpos)`` finds exactly the matches that fit in the window.
    """
    if line.isascii():
        return False
    return any(BADNESS_RE.search(line, lo, hi) for lo, hi in _windows(line))


def may_change(line: str) -> bool:
    """False when ftfy's encoding repair (:data:`CONFIG`) surely leaves this line alone."""
    if not _gate(line):
        return False
    return bool(_C1_RE.search(line)) or is_bad(line)


@dataclass(frozen=True, slots=True)
class MojibakeRun:
    """A garbled run: ``text[start:end]`` is ``garbled`` and should read ``fixed``."""

    start: int
    end: int
    garbled: str
    fixed: str


def _merge_gap(gap: str) -> bool:
    """Runs this close, with nothing but spaces or punctuation between them, are one run."""
    return len(gap) <= 3 and not any(c.isalnum() or "\udc80" <= c <= "\udcff" for c in gap)


def _runs_in_line(line: str, fixed: str, offset: int) -> list[MojibakeRun]:
    matcher = SequenceMatcher(None, line, fixed, autojunk=False)
    blocks: list[list[int]] = []  # [i1, i2, j1, j2]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if blocks and _merge_gap(line[blocks[-1][1] : i1]):
            blocks[-1][1], blocks[-1][3] = i2, j2
        else:
            blocks.append([i1, i2, j1, j2])
    return [
        MojibakeRun(offset + i1, offset + i2, line[i1:i2], fixed[j1:j2])
        for i1, i2, j1, j2 in blocks
    ]


@lru_cache(maxsize=32)
def find_mojibake(text: str) -> tuple[MojibakeRun, ...]:
    """The garbled runs in ``text``, in order. Cached: ENC001, ENC003 and ENC004 share it."""
    if not _gate(text):
        return ()
    runs: list[MojibakeRun] = []
    for start in _gated_lines(text):
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if may_change(line):
            fixed = ftfy.fix_text(line, CONFIG)
            if fixed != line:
                runs.extend(_runs_in_line(line, fixed, start))
    return tuple(runs)


def _gated_lines(text: str) -> list[int]:
    """The starts of the lines that pass :func:`_gate`, in order: each holds the start of a
    match of one of the gates over the whole text (matches start on the line they are found
    on; one that ends with the line break leaves the next line's matches alone)."""
    starts = {text.rfind("\n", 0, m.start()) + 1 for g in _GATES for m in g.finditer(text)}
    return sorted(starts)


def in_mojibake(runs: tuple[MojibakeRun, ...], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``runs`` (sorted by position)."""
    if not runs:
        return False
    i = bisect.bisect_right([r.start for r in runs], max(start, end - 1))
    return i > 0 and runs[i - 1].end > start
