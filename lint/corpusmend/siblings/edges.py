"""SIB002: text at the start or the end (or a line inside) that no sibling has."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.siblings.align import (
    UNMATCHED,
    fuzzy_counterpart,
)
from corpusmend.siblings.alignments import AlignmentStore
from corpusmend.siblings.repairs import Pair, Repair, other_versions, pairs


def _is_prose(text: str) -> bool:
    words = text.split()
    return len(words) >= 5 and text.rstrip()[-1:] in '.!?"”’' and text.lstrip()[:1].isupper()


def edge_text(
    doc: Document,
    siblings: Sequence[Document],
    store: AlignmentStore,
    max_words: int,
    shapes: Sequence[re.Pattern],
) -> list[Repair]:
    found = other_versions(pairs(doc, siblings, store))
    if not found:
        return []
    a = found[0].al.a
    out = []
    firsts = [(p, p.al.matched_indices()[0]) for p in found]
    f = min(i for _, i in firsts)
    if 0 < f <= max_words and not any(
        fuzzy_counterpart(
            a.text[: a.outer_end(f - 1)], [p.al.b.text[: p.al.b.outer_start(p.al.a_to_b[i])]]
        )
        for p, i in firsts
    ):
        region = a.text[a.outer_start(0) : a.outer_end(f - 1)]
        edit = Edit(0, a.outer_start(f), "")
        out.append(
            _edge_repair(
                found[0],
                "start",
                a.outer_start(0),
                a.outer_end(f - 1),
                region,
                edit,
                shapes,
                len(found),
            )
        )
    lasts = [(p, p.al.matched_indices()[-1]) for p in found]
    last = max(i for _, i in lasts)
    tail = len(a) - 1 - last
    if 0 < tail <= max_words and not any(
        fuzzy_counterpart(
            a.text[a.outer_start(last + 1) :], [p.al.b.text[p.al.b.outer_end(p.al.a_to_b[i]) :]]
        )
        for p, i in lasts
    ):
        start, end = a.outer_start(last + 1), a.outer_end(len(a) - 1)
        edit = Edit(a.outer_end(last), end, "")
        out.append(
            _edge_repair(found[0], "end", start, end, a.text[start:end], edit, shapes, len(found))
        )
    return [r for r in out if r is not None]


def _edge_repair(
    pair: Pair,
    where: str,
    start: int,
    end: int,
    region: str,
    edit: Edit,
    shapes: Sequence[re.Pattern],
    count: int,
) -> Repair | None:
    text = pair.al.a.text
    spots = [m.span() for s in shapes for m in s.finditer(region)]
    if not spots:
        if _is_prose(region) or _flows_on(text, start, end, where):
            return None  # a sentence the siblings lack, or words they reworded
        return Repair(
            start, end, _edge_values(region, where, count), None, pair.provenance(siblings=count)
        )
    # Only the header- or furniture-shaped part goes: reworded words beside it stay.
    if where == "start":
        cut = start + max(e for _, e in spots)
        if text[cut:end].strip() and _flows_on(text, cut, end, where):
            end, edit = cut, Edit(0, _skip_space(text, cut), "")
    else:
        cut = start + min(b for b, _ in spots)
        if text[start:cut].strip() and _flows_on(text, start, cut, where):
            start, edit = cut, Edit(_back_space(text, cut), edit.end, "")
        elif _sentence_lines(text[start : _line_start(text, cut)]):
            # lines of the story before the furniture ("Isachenkov reported from Moscow."
            # before the copyright line) stay: copies often drop a credit line, and which
            # copies are a document's siblings must not decide whether its prose is kept
            start = _line_start(text, cut)
            edit = Edit(_back_space(text, start), edit.end, "")
    return Repair(
        start,
        end,
        _edge_values(text[start:end], where, count),
        (edit,),
        pair.provenance(siblings=count),
        f"remove the text at the {where}: no sibling has it",
    )


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _sentence_lines(text: str) -> bool:
    """Whether `text` is one or more whole lines that each read as a sentence: a capital
    first, three words or more, a sentence end last."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or not text.rstrip(" \t").endswith("\n"):
        return False
    return all(
        len(line.split()) >= 3 and line[:1].isupper() and line[-1:] in '.!?"”' for line in lines
    )


def _edge_values(region: str, where: str, count: int) -> dict[str, Any]:
    return {"match": region, "where": where, "place": f"at the {where}", "siblings": count}


def _flows_on(text: str, start: int, end: int, where: str) -> bool:
    """Whether unmatched edge words run on into (or out of) a matched sentence: rewording."""
    if where == "start":
        gap_end = _skip_space(text, end)
        next_char = text[gap_end : gap_end + 1]
        return "\n" not in text[end:gap_end] and next_char.islower()
    gap_start = _back_space(text, start)
    return "\n" not in text[gap_start:start] and text[:gap_start].rstrip()[-1:] not in '.!?:"”'


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _back_space(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


MAX_FURNITURE_WORDS = 8  # a longer line inside the document that reads as prose is kept


def inner_lines(
    doc: Document,
    siblings: Sequence[Document],
    store: AlignmentStore,
    max_words: int,
    shapes: Sequence[re.Pattern],
) -> list[Repair]:
    """Lines inside the document (between text the siblings have) that no sibling has, with
    the shape of page furniture ("Sign up for our daily briefing" between two paragraphs).
    Lines without such a shape are left alone: a version may well hold a paragraph more."""
    found = other_versions(pairs(doc, siblings, store))
    if not found:
        return []
    a = found[0].al.a
    text = a.text
    bounds = [(m[0], m[-1]) for m in (p.al.matched_indices() for p in found)]
    out = []
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        s = bisect_left(a.starts, pos)
        e = bisect_left(a.starts, end)
        pos = end + 1
        if not 0 < s < e < len(a) or e - s > max_words:
            continue
        if any(p.al.a_to_b[i] != UNMATCHED for p in found for i in range(s, e)):
            continue
        if not any(lo < s and e <= hi for lo, hi in bounds):
            continue  # not between text the siblings have: SIB002 at an edge, if anything
        start, stop = a.outer_start(s), a.outer_end(e - 1)
        region = text[start:stop]
        before, after = text[a.outer_end(s - 1) : start], text[stop : a.outer_start(e)]
        if before.strip() or after.strip() or "\n" not in before or "\n" not in after:
            continue  # the line holds more than these words
        if not any(sh.search(region) for sh in shapes):
            continue
        if e - s > MAX_FURNITURE_WORDS and _is_prose(region):
            continue  # a paragraph of prose that happens to name a shape ("Copyright law...")
        edit = Edit(a.outer_end(s - 1), stop, "")
        out.append(
            Repair(
                start,
                stop,
                {
                    "match": region,
                    "where": "inside",
                    "place": "on a line of its own",
                    "siblings": len(found),
                },
                (edit,),
                found[0].provenance(siblings=len(found)),
                "remove the line: no sibling has it",
            )
        )
    return out
