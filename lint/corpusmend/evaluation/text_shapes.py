"""Where an artifact can go in a text (the paragraphs come from corpusmend.segmentation): quotation
and prose paragraphs, and the places inside a sentence where a space precedes a lower-case word."""

from __future__ import annotations

import regex


def is_quotation(par: str) -> bool:
    return par.startswith("“")


def is_prose(par: str) -> bool:
    """An ordinary paragraph: starts with a capital, ends a sentence, one line."""
    return (
        "\n" not in par
        and par[:1].isupper()
        and par.rstrip()[-1:] in ".!?”"
        and not par.startswith("- ")
    )


_WORD_BREAK = regex.compile(r" (?=[a-z][a-z]+\b)")
_SENTENCE_END = regex.compile(r"(?<=[.!?][”’]?) (?=[“‘]?\p{Lu})")


def break_points(par: str, margin: int = 20) -> list[int]:
    """Offsets in a paragraph where a space precedes a lower-case word, well inside a sentence
    (not inside a quotation, and at least a few words from the sentence's ends)."""
    points = []
    depth = 0
    last_end = 0
    ends = {m.start() for m in _SENTENCE_END.finditer(par)}
    for i, ch in enumerate(par):
        if ch in "“‘":
            depth += 1
        elif ch in "”’" and depth and not (0 < i < len(par) - 1 and par[i + 1].isalpha()):
            depth -= 1
        if i in ends:
            last_end = i
        if ch == " " and depth == 0 and par[i - 1] not in ".!?:;" and _WORD_BREAK.match(par, i):
            next_end = min([e for e in ends if e > i] + [len(par)])
            if i - last_end >= margin and next_end - i >= margin:
                points.append(i)
    return points
