"""Page furniture as whole lines: the phrase and pattern tables of the ``phrase-lines`` kind
(also used by ``truncation`` to skip furniture at the end), and the edit that deletes a line.

A unit is furniture only when the whole of it is a listed phrase or matches a listed pattern
from end to end: a sentence that merely contains the words never is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import CASE_TRAPS, literal_trie
from corpusmend.pattern_literals import literal_starts, required_literals, usable

# Characters ignored around a phrase when comparing: spaces, bullets, quotes, trailing dots.
_TRIM = " \t\u00a0•·*>|\"'“”‘’"
_SPACES = regex.compile(r"\s+")
_TIMEOUT = 2.0
_CASE_TRAP = re.compile(CASE_TRAPS)
_FLAGS = regex.IGNORECASE | regex.VERSION0
# What stops a pattern from being one alternative among others: a reference to a group (by
# number or by name), recursion, a conditional, or a flag set for the whole pattern.
_NOT_COMBINABLE = regex.compile(r"\\(?:[1-9]|g|k<)|\(\?(?:P[=>]|&|R|[0-9+-]|\(|[a-zA-Z-]+\))")


def normalise(line: str) -> str:
    """Case-folded, spaces collapsed, surrounding bullets, quotes and trailing colons trimmed."""
    text = _SPACES.sub(" ", line).strip(_TRIM)
    return text.rstrip(":").strip(_TRIM).casefold()


def more_kept_than(count: int) -> re.Pattern[str]:
    """Matches (at the start) a text with more than `count` characters that :func:`normalise`
    surely keeps (neither white space nor a trimmed bullet, quote or colon), so whose normal
    form is longer than `count`: it reads about `count` characters, not the whole line. (``re``
    is faster here; its ``\\s`` takes in a few more characters than ``regex``'s, which only
    makes the test more careful.)"""
    dropped = "".join(re.escape(c) for c in _TRIM + ":")
    return re.compile(rf"(?:[^\s{dropped}][\s{dropped}]*+){{{count + 1}}}")


def combined_pattern(patterns: list[regex.Pattern]) -> regex.Pattern | None:
    """One pattern that fully matches a text exactly when one of `patterns` does (one search
    instead of one per pattern), or None when some pattern cannot be combined safely."""
    plain = regex.compile("", _FLAGS).flags
    if not patterns or any(p.flags != plain or _NOT_COMBINABLE.search(p.pattern) for p in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), _FLAGS)
    except regex.error:
        return None


def delete_unit_edit(text: str, start: int, end: int) -> Edit:
    """An edit deleting text[start:end] and closing the gap it leaves.

    The whitespace runs before and after the unit each hold some line breaks; the larger of the
    two is kept (the one after on a tie), so "A\\n\\nX\\n\\nB" becomes "A\\n\\nB" and "A\\nX\\nB"
    becomes "A\\nB". At the start of the document the unit goes with the break after it, at
    the end with the break before it (a final line break stays).
    """
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    if before == 0:
        return Edit(0, after, "")
    if after == len(text):
        return Edit(before, end, "")  # the text's final line break, if any, stays
    gap_before, gap_after = text[before:start], text[end:after]
    keep = gap_after if gap_after.count("\n") >= gap_before.count("\n") else gap_before
    return Edit(before, after, keep)


# A verb that makes a line a sentence: "..., the campaign says on its posters."
_PROSE_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|says|said|told|tells|added|"
    r"say|concluded|reported|wrote|writes|argued|warned|explained|noted|claimed|insisted|became|"
    r"remained|seemed|sent|made|went|came|took|gave)\b"
)
SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*$")
# What only furniture holds: a link, a rights notice, a syndication footer.
_FURNITURE_MARK = regex.compile(
    r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|all rights reserved|appeared first on|click here",
    regex.IGNORECASE,
)


def reads_as_prose(line: str) -> bool:
    """Whether a line reads as a sentence of the article rather than a page element: it ends
    like a sentence, has six words or more and a verb, and holds no link or rights notice."""
    if not SENTENCE_END.search(line) or len(line.split()) < 6:
        return False
    return _PROSE_VERB.search(line) is not None and _FURNITURE_MARK.search(line) is None


# Building a line gate (literals read off every pattern, one search compiled over them) takes
# about 25 ms; the three built-in furniture rules look at a line about 6 us faster with their
# gates than without (article-comparisons). A furniture looks at this many lines ungated
# first, about what building its gate would cost, so a run never pays much more than twice
# the better choice, and a short one (a hook over a few files) builds no gate at all.
GATE_AFTER_LINES = 10_000


class FurnitureLines:
    """Whether a unit (a line or a paragraph) is furniture: the whole of it is one of `phrases`
    (compared after :func:`normalise`) or fully matches one of `patterns` (case-insensitively),
    and it is at most `max_length` characters long. With `prose_guard`, a pattern match that
    reads as a sentence of the text is not furniture."""

    def __init__(
        self,
        phrases: Iterable[str],
        patterns: Iterable[str],
        max_length: int = 400,
        prose_guard: bool = False,
        param: str = "patterns",
    ) -> None:
        self.phrases = {normalise(p) for p in phrases}
        self.too_long = more_kept_than(max(map(len, self.phrases), default=0))
        self.patterns = []
        for source in patterns:
            try:
                self.patterns.append(regex.compile(source, _FLAGS))
            except regex.error as exc:
                raise ValueError(
                    f"params.{param}: bad regular expression {source!r}: {exc}"
                ) from None
        self.any_pattern = combined_pattern(self.patterns)
        self.max_length = max_length
        self.prose_guard = prose_guard
        self._lines_asked = 0

    @functools.cached_property
    def line_gate(self) -> LineGate | None:
        """The furniture's gate (see :func:`line_gate`), built on first use."""
        return line_gate(self.phrases, [p.pattern for p in self.patterns])

    def gate_for(self, lines: int) -> LineGate | None:
        """The line gate for a text of `lines` lines, once the furniture has been asked about
        GATE_AFTER_LINES lines; None before (every line is looked at: the same findings), so
        a short run (a pre-commit hook over a few files) never pays for building it."""
        if self._lines_asked < GATE_AFTER_LINES:
            self._lines_asked += lines
            return None
        return self.line_gate

    def matches(self, unit: str) -> bool:
        stripped = unit.strip()
        if not stripped or len(stripped) > self.max_length:
            return False
        if (
            self.phrases
            and not self.too_long.match(stripped)
            and normalise(stripped) in self.phrases
        ):
            return True
        return self._fits_pattern(stripped) and not (self.prose_guard and reads_as_prose(stripped))

    def matches_line(self, line: str) -> bool:
        """:meth:`matches` for one line (no line break), asking the furniture's gate first: a
        line on which the gate finds nothing is no furniture (see :func:`gated_lines`)."""
        gate = self.gate_for(1)
        if gate is not None and _CASE_TRAP.search(line) is None:
            lowered = "\n" + line.lower()
            if not (
                (gate.at_line_start is not None and gate.at_line_start.search(lowered))
                or any(literal in lowered for literal in gate.anywhere)
            ):
                return False
        return self.matches(line)

    def _fits_pattern(self, stripped: str) -> bool:
        if self.any_pattern is not None:
            return self.any_pattern.fullmatch(stripped, timeout=_TIMEOUT) is not None
        return any(p.fullmatch(stripped, timeout=_TIMEOUT) for p in self.patterns)


# the trimmed marks other than spacing: `[^\S\n]` takes the spacing, and a character both
# branches of `(?:[^\S\n]|[...])*` could take would make a run of spaces backtrack
# exponentially (a line indented by 30 spaces took minutes)
_TRIMMED = "".join(re.escape(c) for c in _TRIM if not c.isspace())


def line_gate(phrases: Iterable[str], patterns: Iterable[str]) -> LineGate | None:
    """Searches over ``"\\n" + text.lower()`` that find something on every line that can be
    furniture (see :func:`gated_lines`): a line holding one of `phrases` with only trimmed
    characters around it, a line starting with what a pattern starts with, or holding what it
    must hold; None when some phrase or pattern gives nothing safe to look for."""
    after_break = []  # what follows a line break: each line is looked at from its start
    spelt = []
    for phrase in phrases:
        words = phrase.split(" ")
        if not all(usable(w) for w in words):
            return None
        spelt.append(r"[^\S\n]+".join(re.escape(w) for w in words))
    if spelt:
        alternatives = "|".join(sorted(spelt, key=lambda p: (-len(p), p)))
        after_break.append(
            rf"(?:[^\S\n]|[{_TRIMMED}])*(?:{alternatives})(?:[^\S\n]|[{_TRIMMED}:])*(?=\n|\Z)"
        )
    by_lead: dict[str, set[str]] = {}
    anywhere: set[str] = set()
    for source in patterns:
        starts = literal_starts(source)
        if starts is not None:
            by_lead.setdefault(starts[1], set()).update(starts[0])
            continue
        required = required_literals(source)
        if required is None:
            return None
        anywhere |= {r.lower().strip() for r in required}  # a part of a literal will do
    for lead, starts in sorted(by_lead.items()):
        lead_class = f"[{''.join(re.escape(c) for c in lead)}]*" if lead else ""
        after_break.append(rf"[^\S\n]*{lead_class}{_literals(starts)}")
    if "" in anywhere:
        return None
    return LineGate(
        re.compile(r"\n(?:" + "|".join(after_break) + ")") if after_break else None,
        tuple(sorted(anywhere)),
    )


@dataclass(frozen=True, slots=True)
class LineGate:
    """The two searches of a furniture gate: from line breaks, and anywhere in a line."""

    at_line_start: re.Pattern[str] | None
    anywhere: tuple[str, ...]  # literals, found with str.find (faster than a class scan)


def _literals(literals: Iterable[str]) -> str:
    return "(?:" + literal_trie(literals) + ")"


def gated_lines(gate: LineGate | None, doc: Document) -> set[int] | None:
    """The offsets of one character in each line the gate finds something on (None: every line
    must be looked at, as when a character's lower case is not what case-insensitive matching
    takes it for)."""
    if gate is None or doc.case_traps():
        return None
    # a match's last character is on its line (the prefixed text is one character longer)
    lowered = doc.memo("newline+lower", lambda: "\n" + doc.lower())
    found: set[int] = set()
    if gate.at_line_start is not None:
        found.update(m.end() - 2 for m in gate.at_line_start.finditer(lowered))
    for literal in gate.anywhere:
        at = lowered.find(literal)
        while at != -1:
            found.add(at - 1)  # its first character's offset in the text
            at = lowered.find(literal, at + 1)
    return found
