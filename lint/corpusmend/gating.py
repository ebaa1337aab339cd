"""Which rules can fire on a text, decided by their gates (see :mod:`corpusmend.gates`)
before any rule runs.

The gates of the selected rules are compiled once per linter: identical patterns are searched
once, and the gates that are one character (a literal or a class: ENC002's surrogates, ENC003's
U+FFFD, ENC004's controls and ``<``, FMT004's ``\\r``) are merged into one class and searched
with one pass, which on clean text finds nothing and so rules them all out at once (the same
pass tells the document whether it holds a case trap). A gate that is plain text (FMT003's two
spaces) and a gate's words are found with ``str``'s own search (``in``), which is several times
faster than a regular expression's scan. The other gates are searched one at a time; each
search stops at its first match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from corpusmend.gates import CASE_TRAPS, sre_parse

if TYPE_CHECKING:
    from corpusmend.document import Document
    from corpusmend.ruleset.rule import Rule


def _one_character(source: str) -> bool:
    """Whether the pattern matches exactly one character from a class or a literal, with no
    flags (``(?i)x`` must not join the merged class: its flag would apply to all of it)."""
    try:
        parsed = sre_parse.parse(source)
    except re.error:
        return False
    items = list(parsed)
    flagged = parsed.state.flags & ~(re.UNICODE | re.DEBUG)
    return (
        not flagged
        and len(items) == 1
        and str(items[0][0]) in ("LITERAL", "IN")
        and not (str(items[0][0]) == "IN" and str(items[0][1][0][0]) == "NEGATE")
    )


def _plain_text(source: str) -> str | None:
    """The text a pattern of literal characters only (no flags, classes or repeats) matches,
    or None for any other pattern."""
    try:
        parsed = sre_parse.parse(source)
    except re.error:
        return None
    if parsed.state.flags & ~(re.UNICODE | re.DEBUG):
        return None
    items = list(parsed)
    if not items or any(str(op) != "LITERAL" for op, _ in items):
        return None
    return "".join(chr(av) for _, av in items)


def _tail(source: str) -> int | None:
    """For a pattern of fixed width that ends at the end of the text (``[^\\S\\r\\n]\\Z``), its
    width: it can only match that far from the end, so only the end is searched. None for any
    other pattern."""
    parsed = sre_parse.parse(source)
    items = list(parsed)
    if not items or items[-1] != (sre_parse.AT, sre_parse.AT_END_STRING):
        return None
    low, high = parsed.getwidth()
    return low if low == high else None


class GatePlan:
    """The gates of some rules, compiled: :meth:`runnable` gives the rules that can fire."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        # Each distinct pattern, then each distinct set of words, gets an index into fired().
        keys: dict[str | frozenset[str], int] = {}
        # id(rule) -> the indices of what opens its gate (None: the rule always runs)
        self._needs: dict[int, tuple[int, ...] | None] = {}
        for rule in rules:
            gate = rule.kind.gate()
            if gate is None or gate.patterns is None:
                self._needs[id(rule)] = None
                continue
            opens: list[str | frozenset[str]] = list(gate.patterns)
            if gate.words:
                opens += [CASE_TRAPS, frozenset(w.lower() for w in gate.words)]
            self._needs[id(rule)] = tuple(keys.setdefault(k, len(keys)) for k in opens)
        self.count = len(keys)
        sources = {k: i for k, i in keys.items() if isinstance(k, str)}
        singles = [(i, s) for s, i in sources.items() if _one_character(s)]
        self._singles = [(i, re.compile(s)) for i, s in singles]
        self._union = re.compile("|".join(s for _, s in singles)) if singles else None
        self._char_gates: dict[str, tuple[int, ...]] = {}
        # the pass over the merged class tells whether the text holds a case trap: the
        # document keeps the answer for the kinds that ask (Document.case_traps)
        self._traps = keys.get(CASE_TRAPS) if CASE_TRAPS in dict(singles).values() else None
        rest = {s: i for s, i in sources.items() if not _one_character(s)}
        plain = {s: _plain_text(s) for s in rest}
        self._plain = [(i, plain[s]) for s, i in rest.items() if plain[s] is not None]
        self._others = [(i, re.compile(s), _tail(s)) for s, i in rest.items() if plain[s] is None]
        # word sets: each word looked for in the lower-cased text, the likeliest first
        # (str.find's search; the first found opens the gate)
        self._words = [
            (i, sorted(k, key=lambda w: (len(w), w)))
            for k, i in keys.items()
            if isinstance(k, frozenset)
        ]

    def fired(self, text: str, lower: Callable[[], str] | None = None) -> list[bool]:
        """For each gate pattern, whether it matches somewhere in `text`; `lower` gives the
        text in lower case (a document shares it with the kinds that need it too)."""
        found = [False] * self.count
        if self._union is not None:
            # on real text the merged class matches a few times at most (an "&"): each match
            # is one character, told apart once per character, until every gate is settled
            left = len(self._singles)
            for m in self._union.finditer(text):
                for i in self._gates_of(m.group()):
                    if not found[i]:
                        found[i] = True
                        left -= 1
                if not left:
                    break
        for i, literal in self._plain:
            found[i] = literal in text
        for i, pattern, tail in self._others:
            start = 0 if tail is None else max(len(text) - tail, 0)
            found[i] = pattern.search(text, start) is not None
        if self._words:
            lowered = lower() if lower is not None else text.lower()  # a trap lengthens it
            for i, words in self._words:
                found[i] = any(w in lowered for w in words)
        return found

    def _gates_of(self, char: str) -> tuple[int, ...]:
        """The single-character gates that `char` opens (remembered per character)."""
        known = self._char_gates.get(char)
        if known is None:
            known = tuple(i for i, pattern in self._singles if pattern.fullmatch(char))
            if len(self._char_gates) < 4096:
                self._char_gates[char] = known
        return known

    def _fired(self, doc: Document) -> list[bool]:
        found = self.fired(doc.text, doc.lower)
        if self._traps is not None:
            traps = found[self._traps]
            doc.memo("case_traps", lambda: traps)
        return found

    def runnable(self, rules: Sequence[Rule], doc: Document) -> list[Rule]:
        """The rules among `rules` whose gate matched in `text` (or who have none)."""
        found: list[bool] | None = None
        out = []
        for rule in rules:
            needs = self._needs.get(id(rule))
            if needs is not None:
                if found is None:
                    found = self._fired(doc)
                if not any(found[i] for i in needs):
                    continue
            out.append(rule)
        return out
