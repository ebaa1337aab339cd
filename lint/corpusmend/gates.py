"""Gates: what can make a rule fire, so that one cheap scan decides which rules run at all.

A kind's :meth:`~corpusmend.kinds.base.CheckKind.gate` returns a :class:`Gate` (or None: no gate
is known and the rule always runs). The gate's ``patterns`` are ``re`` regular expressions; a
rule can report a hit on a text only if one of them matches somewhere in the text. That is a
necessary condition, never a sufficient one: the kind still decides. ``patterns=None`` says the
rule always runs but reads only what its ``scope`` names (the start of the document, its last
lines), so its cost does not grow with the text. ``scope`` uses the ``pattern`` kind's
vocabulary: the text units the rule builds when it runs.

Exactness is the kind's promise and the tests' job (``tests/test_gates.py`` runs every built-in
rule gated and ungated on generated and real texts). The classes below are written to be
supersets of the ones the kinds use: ``re``'s ``\\s`` is Python's ``str.isspace``, which holds
every character ``regex``'s ``\\s`` does; :data:`MAYBE_LOWER` holds every character that
``str.islower`` or ``regex``'s ``\\p{Ll}`` accepts, whatever Unicode version either knows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

try:  # the parser behind re (Python 3.11 renamed it)
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

import re

# Every character that may be a lower-case letter: ASCII a-z, or anything beyond ASCII except
# white space and the punctuation that opens or ends news paragraphs (quotes, dashes, bullets).
MAYBE_LOWER = r"[^\x00-\x60\x7b-\x7f\s“”‘’«»—–…•]"
# A POSIX class ([[:alpha:]]): regex reads a class of letters, re a set of characters.
POSIX_CLASS = re.compile(r"\[:\^?[A-Za-z]+:\]")
# White space inside a line (regex's [^\S\n] and Python's str.isspace but the line feed).
SPACE_IN_LINE = r"[^\S\n]"
# Exactly regex's \s (str.isspace less \x1c-\x1f), as the body of a class.
REGEX_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# A period that may end a sentence rather than an abbreviation: the word before it (regex's
# \S+) has two characters or more and no period (segmentation.abbreviation_before says the
# others are abbreviations, initials or dotted acronyms: "U.S. officials", "a.m. on").
SENTENCE_PERIOD = rf"\.(?<=[^.{REGEX_SPACE}][^.{REGEX_SPACE}]\.)"


@dataclass(frozen=True, slots=True)
class Gate:
    """What can make a rule fire: a match of one of `patterns` (``re`` syntax) anywhere in the
    text, or, with ``patterns=None``, nothing to search (the rule always runs, on the `scope`
    it names)."""

    patterns: tuple[str, ...] | None
    scope: str = "document"
    # ASCII words that open the gate too, found in any case (each looked for in the lower-cased
    # text); a text holding a character whose case folding is ASCII letters ("ſ",
    # "ß", "K", see CASE_TRAPS) opens it as well, so no spelling is missed
    words: tuple[str, ...] = ()

    @classmethod
    def always(cls, scope: str) -> Gate:
        return cls(None, scope)

    def __post_init__(self) -> None:
        if not all(w.isascii() and w for w in self.words):
            raise ValueError(f"gate words must be ASCII: {self.words!r}")


def literal_prefix_gate(source: str, plain: bool) -> str | None:
    """A gate for a regular expression run with ``regex``: the literal text (or the one
    character class) every match starts with, as an ``re`` pattern, or None when it cannot be
    derived safely: with flags (not `plain`: case-insensitive, verbose), a class by category
    such as ``\\s``, syntax ``re`` reads otherwise, a pattern that may match the empty string.

    Leading zero-width assertions (``(?<=\\S)``, ``^``) are skipped: they consume nothing."""
    if not plain or POSIX_CLASS.search(source):
        return None
    try:
        parsed = sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE) or parsed.getwidth()[0] == 0:
        return None
    items = list(parsed)
    while items and str(items[0][0]) in ("AT", "ASSERT", "ASSERT_NOT"):
        items.pop(0)
    prefix = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            prefix += chr(av)
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = av
            body = list(body)
            if low >= 1 and len(body) == 1 and str(body[0][0]) == "LITERAL":
                prefix += chr(body[0][1]) * low
                if high == low:
                    continue
            elif low >= 1 and not prefix and len(body) == 1:
                return _char_class(body[0])
        elif name == "IN" and not prefix:
            return _char_class((op, av))
        break
    if not prefix or "{" in prefix or "}" in prefix:
        return None  # a brace re read as a letter: regex may read a repeat there
    return re.escape(prefix)


def _char_class(item: tuple) -> str | None:
    """An ``re`` class for one parsed class of literal characters and ranges (not categories)."""
    op, av = item
    if str(op) == "LITERAL":
        return re.escape(chr(av))
    if str(op) != "IN":
        return None
    parts, negate = [], False
    for kind, value in av:
        kind = str(kind)
        if kind == "NEGATE":
            negate = True
        elif kind == "LITERAL":
            parts.append(_class_char(value))
        elif kind == "RANGE":
            parts.append(_class_char(value[0]) + "-" + _class_char(value[1]))
        else:
            return None  # a category (\s, \w, \d): re and regex may disagree on its members
    if not parts:
        return None
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _class_char(code: int) -> str:
    return f"\\U{code:08x}"


# A paragraph other than the first that starts in lower case: one starts after a line break and
# white space (paragraphs are stripped with str.isspace, which is re's \s).
LOWER_CASE_PARAGRAPH = r"\n\s*" + MAYBE_LOWER
# A sentence end inside a line followed by lower case ("... said. to the ..."), as
# corpusmend.shapes.broken_sentences finds it (closing quotes or brackets may follow the mark).
# One pattern per mark: a literal first character is found far faster than a class.
GLUED_LOWER_CASE = (
    *(
        mark + r"[\"”’')\]]*" + SPACE_IN_LINE + "+" + MAYBE_LOWER
        for mark in (SENTENCE_PERIOD, "!", r"\?")
    ),
    "…" + r"[\"”’')\]]+" + SPACE_IN_LINE + "+" + MAYBE_LOWER,  # a quotation trailing off
    # a period after a space ("... on Twitter . and")
    r"\.(?<=\s\.)[\"”’')\]]*" + SPACE_IN_LINE + "+" + MAYBE_LOWER,
)


# Beyond ASCII, the characters whose case folding holds ASCII letters ("ß" folds to "ss", "ﬁ" to
# "fi", "K" to "k"): a case-insensitive search for ASCII words may miss a word spelt with them,
# so a gate on such words also looks for these (tests/test_gates.py checks every code point).
FOLDS_TO_ASCII = "[\xdf\u0130\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]"
# What may match an ASCII letter case-insensitively yet not lower-case to it: those, and the
# dotless i, which regex matches with "i" ("ı".lower() is itself).
CASE_TRAPS = FOLDS_TO_ASCII[:-1] + "\u0131]"


def literal_trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly the given strings, their common prefixes factored
    out ("abc|abd" -> "ab(?:c|d)"), which ``re`` searches far faster than a flat alternation."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
