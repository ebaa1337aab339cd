"""Paragraph, sentence and quotation boundaries, as (start, end) code-point offsets, and
whether a period ends a sentence.

Plain functions over a string, used lazily by :class:`corpusmend.document.Document`: kinds ask
the document, not these functions. The abbreviations are data (:class:`Abbreviations`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import regex

from corpusmend.builtin_rules import builtin_rules_dir

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
_LINE = regex.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """What decides whether a period ends a sentence: the words that end in a period without
    ending it (lower case, no final period), those that do so only before a number, and the
    words that still start a new sentence after a dotted acronym ("U.S. The ...").

    The tables are data (``rules/language.yaml``), merged across the loaded packs so a user pack
    extends them; :func:`builtin_abbreviations` reads the built-in ones."""

    words: frozenset[str]
    before_numbers: frozenset[str]
    sentence_starters: frozenset[str]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Abbreviations:
        """The tables of merged pack data; the built-in ones when the packs hold none."""
        if not any(key in data for key in _TABLES.values()):
            return builtin_abbreviations()
        builtin = builtin_abbreviations()
        tables = {
            field: _word_table(data, key, getattr(builtin, field)) for field, key in _TABLES.items()
        }
        found = cls(**tables)
        return builtin if found == builtin else found


# Abbreviations field -> the pack data key holding its table
_TABLES = {
    "words": "abbreviations",
    "before_numbers": "abbreviations_before_numbers",
    "sentence_starters": "sentence_starters",
}


def _word_table(data: Mapping[str, Any], key: str, default: frozenset[str]) -> frozenset[str]:
    if key not in data:
        return default
    table = data[key]
    if not isinstance(table, list) or not all(isinstance(w, str) and w for w in table):
        raise ValueError(f"data.{key} must be a list of words")
    return frozenset(w.lower().removesuffix(".") for w in table)


@functools.cache
def builtin_abbreviations() -> Abbreviations:
    """The tables of the built-in language pack (read once, on first use)."""
    # the parsed built-in packs are cached (ruleset/pack_cache.py): no YAML parsing, nor PyYAML,
    # at start-up once the cache holds them
    from corpusmend.ruleset.pack_cache import builtin_pack
    from corpusmend.ruleset.yaml_lines import load_yaml

    data = builtin_pack(builtin_rules_dir() / "language.yaml", load_yaml)["data"]
    return Abbreviations(**{field: frozenset(data[key]) for field, key in _TABLES.items()})


_TERMINATOR = regex.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_WORD_BEFORE = regex.compile(r"(\S+)$", regex.REVERSE)  # searched backwards: O(word), not O(text)
_OPENERS = "“‘\"'([«"
_QUOTE_MARK = regex.compile("[“‘”’\"']")


class _HasSpan(Protocol):
    start: int
    end: int


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines; with no blank line in the text, each line is one."""
    if _BLANK_LINE.search(text) is None:
        spans = (_strip(text, m.start(), m.end()) for m in _LINE.finditer(text))
        return [s for s in spans if s[0] < s[1]]
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        start, end = _strip(text, pos, m.start())
        if start < end:
            out.append((start, end))
        pos = m.end()
    start, end = _strip(text, pos, len(text))
    if start < end:
        out.append((start, end))
    return out


# How far back from the offset paragraph_start first reads (the last paragraph is shorter)
_LOOK_BACK = 3000


def paragraph_start(text: str, offset: int) -> int:
    """``max(s for s, _ in paragraphs(text) if s <= offset)`` (0 when none), reading only the
    end of a long text: a blank line is white space only, so the blank lines after a character
    that is not white space are those a search from that character finds."""
    if _BLANK_LINE.search(text) is None:  # each line a paragraph: the nearest line back
        end = offset
        start = text.rfind("\n", 0, end) + 1
        stop = text.find("\n", start)
        end = len(text) if stop == -1 else stop
        while True:
            first, last = _strip(text, start, end)
            if first < last and first <= offset:
                return first
            if start == 0:
                return 0
            end = start - 1
            start = text.rfind("\n", 0, end) + 1
    cut = offset - _LOOK_BACK
    while cut > 0 and text[cut].isspace():
        cut -= 1
    if cut <= 0:
        return max((s for s, _ in paragraphs(text) if s <= offset), default=0)
    found = -1
    breaks = _BLANK_LINE.finditer(text, cut)
    m = next(breaks, None)
    while m is not None and m.end() <= offset:
        after = next(breaks, None)
        first, last = _strip(text, m.end(), len(text) if after is None else after.start())
        if first < last and first <= offset:
            found = first
        m = after
    if found == -1:  # the paragraph began before the cut
        return max((s for s, _ in paragraphs(text) if s <= offset), default=0)
    return found


def _is_abbreviation(
    text: str, dot: int, next_char: str, next_word: str, known: Abbreviations
) -> bool:
    """Whether the period at `dot` closes an abbreviation rather than a sentence, given the
    character and the word after it."""
    m = _WORD_BEFORE.search(text, 0, dot)
    if m is None:
        return False
    word = m.group(1).lstrip("\"“‘'([").lower()
    if word in known.before_numbers and not next_char.isdigit():
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if word in known.words:
        dotted = "." in word
        return not (dotted and next_word.lower() in known.sentence_starters)
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return next_word.lower() not in known.sentence_starters  # other dotted acronyms
    return False


def abbreviation_before(text: str, dot: int, known: Abbreviations) -> bool:
    """Whether the period at `dot` may end an abbreviation, an initial or a dotted acronym,
    whatever follows it: the careful test for a period followed by lower case, which
    :func:`sentences` never splits at anyway."""
    m = _WORD_BEFORE.search(text, 0, dot)
    if m is None:
        return True
    raw = m.group(1)
    if raw.startswith("(") and text.startswith(")", dot + 1):
        return True  # a parenthesised abbreviation: "Col. Anna Berg (Ret.)", "(Ind.)"
    word = raw.lstrip("\"“‘'([").lower()
    if word in known.words or (len(word) == 1 and word.isalpha()):
        return True
    return "." in word


def sentences(
    text: str, start: int = 0, end: int | None = None, known: Abbreviations | None = None
) -> Iterator[tuple[int, int]]:
    """Sentences inside text[start:end] (one paragraph); splits survive abbreviations,
    initials, decimals and datelines, and never split before a lower-case word."""
    end = len(text) if end is None else end
    known = builtin_abbreviations() if known is None else known
    begin = start
    for m in _TERMINATOR.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in _OPENERS):
            continue
        word_end = nxt
        while word_end < end and text[word_end].isalpha():
            word_end += 1
        if text[m.start()] == "." and _is_abbreviation(
            text, m.start(), ch, text[nxt:word_end], known
        ):
            continue
        yield _strip(text, begin, m.end())
        begin = nxt
    s, e = _strip(text, begin, end)
    if s < e:
        yield s, e


def _apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalpha()


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-/“‘\"'"


def quotations(text: str, paras: Sequence[_HasSpan]) -> list[tuple[int, int]]:
    """Quoted spans (quote marks included): curly and straight quotes, nested quotes, and
    quotations running over several paragraphs that each reopen with the same mark."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, para in enumerate(paras):
        i = para.start
        if stack and text[i] == stack[0][0]:
            i += 1  # a continued quotation reopens each paragraph
        elif stack:
            stack = []
        for q in _QUOTE_MARK.finditer(text, i, para.end):  # other characters change nothing
            i = q.start()
            ch = text[i]
            if ch == "“" or (ch == "‘" and not _apostrophe(text, i)):
                stack.append((ch, i))
            elif ch in "”’" and stack:
                want = "“" if ch == "”" else "‘"
                if ch == "’" and _apostrophe(text, i):
                    pass
                elif any(c == want for c, _ in stack):
                    while stack:
                        c, s = stack.pop()
                        if c == want:
                            out.append((s, i + 1))
                            break
            elif ch == '"' or (ch == "'" and not _apostrophe(text, i)):
                if stack and stack[-1][0] == ch and not (ch == "'" and _opens(text, i)):
                    out.append((stack.pop()[1], i + 1))
                elif _opens(text, i):
                    stack.append((ch, i))
        nxt = paras[k + 1].start if k + 1 < len(paras) else None
        if stack and (nxt is None or text[nxt] != stack[0][0]):
            stack = []
    return sorted(out)
