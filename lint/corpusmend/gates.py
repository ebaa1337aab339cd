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
from typing import Any

try:  # the parser behind re (Python 3.11 renamed it)
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import re

# Every character that may be a lower-case letter: ASCII a-z, or anything beyond ASCII except
# white space and the punctuation that opens or ends news paragraphs (quotes, dashes, bullets).
MAYBE_LOWER = r"[^\x00-\x60\x7b-\x7f\s“”‘’«»—–…•]"
# A POSIX class ([[:alpha:]]): regex reads a class of letters, re a set of characters.
_POSIX_CLASS = re.compile(r"\[:\^?[A-Za-z]+:\]")
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
    # ASCII words that open the gate too, found in any case (in the lower-cased text, one search
    # for all of them); a text holding a character whose case folding is ASCII letters ("ſ",
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
    if not plain or _POSIX_CLASS.search(source):
        return None
    try:
        parsed = _sre_parse.parse(source)
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
GLUED_LOWER_CASE = tuple(
    mark + r"[\"”’')\]]*" + SPACE_IN_LINE + "+" + MAYBE_LOWER
    for mark in (SENTENCE_PERIOD, "!", r"\?")
)


# Beyond ASCII, the characters whose case folding holds ASCII letters ("ß" folds to "ss", "ﬁ" to
# "fi", "K" to "k"): a case-insensitive search for ASCII words may miss a word spelt with them,
# so a gate on such words also looks for these (tests/test_gates.py checks every code point).
FOLDS_TO_ASCII = "[\xdf\u0130\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]"
# What may match an ASCII letter case-insensitively yet not lower-case to it: those, and the
# dotless i, which regex matches with "i" ("ı".lower() is itself).
CASE_TRAPS = FOLDS_TO_ASCII[:-1] + "\u0131]"


def usable(literal: str) -> bool:
    """ASCII, or characters without case: re's case-insensitive search finds what regex's does."""
    return "\n" not in literal and all(
        c.isascii() or c.lower() == c.upper() == c.casefold() for c in literal
    )


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of required literals (longer shortest member, fewer)."""
    if a is None or b is None:
        return a if b is None else b
    key_a, key_b = _selectivity(a), _selectivity(b)
    return a if key_a >= key_b else b


def _selectivity(literals: frozenset[str]) -> tuple[int, int]:
    """Longer literals are rarer; spaces around them say little, and fewer are better."""
    return min(len(s.strip()) for s in literals), -len(literals)


def _required(items: list) -> frozenset[str] | None:
    """Literals of which every match of the parsed sequence holds one (None: none known)."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        found: frozenset[str] | None = None
        if name == "SUBPATTERN":
            found = _required(list(av[3]))
        elif name == "BRANCH":
            branches = [_required(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found = _required(list(av[2]))
        elif name == "ATOMIC_GROUP":
            found = _required(list(av))
        best = _better(best, found)
    if run:
        best = _better(best, frozenset([run]))
    if best is not None and not all(s and usable(s) for s in best):
        return None
    return best


# regex's Unicode property classes (\p{Lu}, \PL), which re cannot parse: for reading literals
# off a pattern they are any one character that is not a literal, as \w is to re's parser.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")


def _parse_for_literals(source: str) -> Any:
    r"""The pattern parsed by re's parser, property classes read as \w (None: unreadable)."""
    if _POSIX_CLASS.search(source):
        return None
    try:
        parsed = _sre_parse.parse(_PROPERTY.sub(r"\1\\w", source))
    except (re.error, OverflowError, RecursionError):
        return None
    return None if parsed.state.flags & re.VERBOSE else parsed


def required_literals(source: str) -> frozenset[str] | None:
    """Literal strings of which every match of the pattern (``regex`` syntax) holds at least one,
    or None when none can be read off it safely (syntax ``re`` reads otherwise, POSIX classes,
    literals with characters whose case ``re`` and ``regex`` may fold differently)."""
    parsed = _parse_for_literals(source)
    if parsed is None:
        return None
    found = _required(list(parsed))
    if found is None or any("{" in s or "}" in s for s in found):
        return None  # a brace re read as a letter: regex may read a repeat there
    return found


def literals_gate(literals: frozenset[str]) -> str:
    """One case-insensitive ``re`` pattern for any of `literals` (longest first)."""
    alternatives = "|".join(re.escape(s) for s in sorted(literals, key=lambda s: (-len(s), s)))
    return f"(?i:{alternatives})"


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


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_MOST_STARTS = 64


def _plain_chars(body: list) -> str | None:
    """The characters of a one-item class of plain characters (``[ ,|/]``, ``x``), or None."""
    if len(body) != 1:
        return None
    op, av = body[0]
    if str(op) == "LITERAL":
        return chr(av)
    if str(op) != "IN":
        return None
    chars = ""
    for kind, value in av:
        if str(kind) == "LITERAL":
            chars += chr(value)
        elif str(kind) == "RANGE" and value[1] - value[0] < 32:
            chars += "".join(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


def _choices(op: object, av: object) -> tuple[list[list], bool] | None:
    """The ways one parsed item can go on, as sequences, and whether the item ends after any of
    them (False: it may repeat, so nothing after it can be added). None: not literal enough."""
    name = str(op)
    if name == "SUBPATTERN":
        return [list(av[3])], True  # type: ignore[index]
    if name == "BRANCH":
        return [list(b) for b in av[1]], True  # type: ignore[index]
    if name in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        if (low, high) == (0, 1):
            return [list(body), []], True
        if low >= 1:
            return [list(body)], low == high == 1
        return None
    if name == "IN":
        chars = _plain_chars([(op, av)])
        return ([[("LITERAL", ord(c))] for c in chars], True) if chars and len(chars) <= 8 else None
    return None


def _starts(items: list, acc: frozenset[str], lead: list[str]) -> tuple[frozenset[str], bool]:
    """The texts every match of `items` starts with, each after one of `acc`, and whether the
    sequence was read to its end (so more can be added after it). Optional runs of plain
    characters before anything is matched (``[ ,|/]*``) go to `lead`."""
    frozen: frozenset[str] = frozenset()  # starts that cannot grow: lead characters follow
    for op, av in items:
        name = str(op)
        if "" in acc and name in _REPEATS and av[0] == 0:
            chars = _plain_chars(list(av[2]))
            if chars:
                lead.append(chars)
                frozen |= acc - {""}
                acc = frozenset([""])
                continue
        if name == "LITERAL":
            acc = frozenset(a + chr(av) for a in acc)
            continue
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the text it looks at is matched (or not) by what follows
        choices = _choices(op, av)
        if choices is None:
            return acc, False
        ways, ends = choices
        found: set[str] = set()
        complete = ends
        for way in ways:
            more, done = _starts(way, acc, lead)
            found |= more
            complete = complete and done
        if len(found) > _MOST_STARTS:
            return acc, False
        acc = frozenset(found)
        if not complete:
            return acc | frozen, False
    return acc | frozen, not frozen


def literal_starts(source: str) -> tuple[frozenset[str], str] | None:
    """(starts, lead): every match of the pattern (``regex`` syntax) begins with any number of
    the `lead` characters (a leading ``[ ,|/]*``), then one of `starts`, in lower case (the
    gate searches the lower-cased text). None when no start of two characters or more can be
    read off it safely."""
    parsed = _parse_for_literals(source)
    if parsed is None:
        return None
    leads: list[str] = []
    starts, _ = _starts(list(parsed), frozenset([""]), leads)
    starts = frozenset(s.lower() for s in starts)
    lead = "".join(sorted(set("".join(leads))))
    if not starts or min(len(s.strip()) for s in starts) < 2:
        return None
    if not all(usable(s) for s in starts) or not usable(lead.lower()):
        return None
    if any("{" in s or "}" in s for s in starts):
        return None
    return starts, lead.lower()


class Precheck:
    """Whether a text may fully match a pattern (``regex`` syntax, case-insensitive or not),
    told from the lower-cased text by what every match starts with (after its lead characters)
    or must hold; a pattern that gives neither may match anything. Cheaper than a regex call,
    which a time limit makes cost microseconds even on a line it rejects at once."""

    def __init__(self, source: str) -> None:
        self.starts: tuple[str, ...] = ()
        self.lead = ""
        self.holds: tuple[str, ...] = ()
        found = literal_starts(source)
        if found is not None and not any(s[:1] and s[0] in found[1] for s in found[0]):
            self.starts, self.lead = tuple(sorted(found[0])), found[1]
            return
        required = required_literals(source)
        if required is not None and all(r.strip() for r in required):
            self.holds = tuple(sorted(r.lower() for r in required))

    def may_match(self, lowered: str) -> bool:
        """`lowered`: the text in lower case, holding no :data:`CASE_TRAPS` character."""
        if self.starts:
            return lowered.lstrip(self.lead).startswith(self.starts)
        if self.holds:
            return any(r in lowered for r in self.holds)
        return True
