"""Paragraph, sentence and quotation boundaries, as (start, end) code-point offsets.

Plain functions over a string, used lazily by :class:`corpusmend.document.Document`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

import regex

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
_LINE = regex.compile(r"[^\n]+")

# Words that end in a period without ending the sentence (compared in lower case, no final dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "gov",
        "sen",
        "rep",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "cpl",
        "adm",
        "rev",
        "hon",
        "pres",
        "supt",
        "det",
        "insp",
        "brig",
        "maj",
        "messrs",
        "mme",
        "mlle",
        "esq",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "v",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "al",
        "approx",
        "est",
        "dept",
        "div",
        "inc",
        "ltd",
        "corp",
        "co",
        "bros",
        "assn",
        "univ",
        "fig",
        "figs",
        "vol",
        "vols",
        "ch",
        "chap",
        "pp",
        "p",
        "para",
        "sec",
        "no",
        "nos",
        "op",
        "ed",
        "eds",
        "repr",
        "trans",
        "tel",
        "ext",
        "ave",
        "blvd",
        "rd",
        "hwy",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "u.s.a",
    ]
)
# Words that still start a new sentence after a dotted acronym such as "U.S.".
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "but",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "as",
        "after",
        "before",
        "when",
        "while",
        "if",
        "however",
        "meanwhile",
        "also",
    ]
)
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


def _is_abbreviation(text: str, dot: int, next_char: str, next_word: str) -> bool:
    """Whether the period at `dot` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, 0, dot)
    if m is None:
        return False
    word = m.group(1).lstrip("\"“‘'([").lower()
    if (
        word in ("no", "nos", "p", "pp", "op", "vol", "ch", "sec", "fig")
        and not next_char.isdigit()
    ):
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if word in ABBREVIATIONS:
        dotted = "." in word
        return not (dotted and next_word.lower() in SENTENCE_STARTERS)
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return next_word.lower() not in SENTENCE_STARTERS  # other dotted acronyms
    return False


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentences inside text[start:end] (one paragraph); splits survive abbreviations,
    initials, decimals and datelines, and never split before a lower-case word."""
    end = len(text) if end is None else end
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
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), ch, text[nxt:word_end]):
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
