"""Literal text read off a regular expression (``regex`` syntax, parsed by ``re``'s parser):
what every match must hold (:func:`required_literals`), what every match starts with
(:func:`literal_starts`), and :class:`Precheck`, which tells from those whether a text may match
at all. The furniture kinds' line gates and HDR002's byline patterns are built on them; the
tests check each use against running the patterns everywhere.
"""

from __future__ import annotations

import re
from typing import Any

from corpusmend.gates import POSIX_CLASS, sre_parse


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
    if POSIX_CLASS.search(source):
        return None
    try:
        parsed = sre_parse.parse(_PROPERTY.sub(r"\1\\w", source))
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


_ASCII_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_SPACE": " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f",  # with what re counts as space
}


def _first_of(items: list) -> tuple[frozenset[str], bool] | None:
    """The ASCII characters (in lower case) a match of the parsed sequence may start with, and
    whether it may match the empty string; None when that cannot be read off safely."""
    found: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: what follows is the first character
        if name == "LITERAL":
            return frozenset(found | {chr(av).lower()}), False
        if name == "IN":
            chars = _class_ascii(av)
            return None if chars is None else (frozenset(found | chars), False)
        if name == "SUBPATTERN":
            ways: list[list] = [list(av[3])]
        elif name == "BRANCH":
            ways = [list(b) for b in av[1]]
        elif name in _REPEATS:
            ways = [list(av[2])] + ([[]] if av[0] == 0 else [])
        else:
            return None
        empty = False
        for way in ways:
            first = _first_of(way)
            if first is None:
                return None
            found |= first[0]
            empty = empty or first[1]
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _class_ascii(av: list) -> set[str] | None:
    """The ASCII members of a parsed class, in lower case (None: negated, or a category other
    than digits and spaces, such as the word class that stands for ``\\p{..}``)."""
    chars: set[str] = set()
    for kind, value in av:
        kind = str(kind)
        if kind == "LITERAL":
            chars.add(chr(value).lower())
        elif kind == "RANGE":
            chars |= {chr(c).lower() for c in range(value[0], min(value[1], 127) + 1)}
        elif kind == "CATEGORY" and str(value) in _ASCII_CATEGORIES:
            chars |= set(_ASCII_CATEGORIES[str(value)])
        else:
            return None
    return chars


def first_characters(source: str) -> frozenset[str] | None:
    """The ASCII characters, in lower case, a match of the pattern (``regex`` syntax) may
    start with; a match may also start with any character beyond ASCII. None when unknown or
    when the pattern may match the empty string."""
    parsed = _parse_for_literals(source)
    if parsed is None:
        return None
    found = _first_of(list(parsed))
    return None if found is None or found[1] else found[0]


class Precheck:
    """Whether a text may fully match a pattern (``regex`` syntax, case-insensitive or not),
    told from the lower-cased text by what every match starts with (after its lead characters)
    or must hold; a pattern that gives neither may match anything. Cheaper than a regex call,
    which a time limit makes cost microseconds even on a line it rejects at once."""

    def __init__(self, source: str) -> None:
        self.starts: tuple[str, ...] = ()
        self.lead = ""
        self.holds: tuple[str, ...] = ()
        # what a match may start with (checked besides the required literals)
        self.first = first_characters(source)
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
        if self.first is not None and lowered[:1].isascii() and lowered[:1] not in self.first:
            return False
        if self.holds:
            return any(r in lowered for r in self.holds)
        return True
