"""What the SIB rules report, decided over all of a document's siblings.

Each function aligns the document against every sibling (alignments are cached, so the four
rules share them), decides by the siblings, and returns :class:`Repair` s: a span of the
document, the values for the rule's message, the edits of the fix (or None) and where the fix
came from (sibling id, path and similarity).

Deciding: with three or more versions that cover a piece of text, the majority decides (the
document itself counts as one version, voting for what it has). With only two versions, a
moved block is moved when the sibling's order keeps more sentences whole than the document's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.readers.base import document_label
from corpusmend.siblings.align import (
    MIN_BLOCK_WORDS,
    UNMATCHED,
    Alignment,
    Block,
    align,
    fuzzy_counterpart,
)
from corpusmend.siblings.tokens import Tokens, separator
from corpusmend.siblings.wholeness import broken_count, join


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    values: dict[str, Any]
    edits: tuple[Edit, ...] | None
    provenance: dict[str, Any]
    fix_message: str | None = None


@dataclass(frozen=True)
class _Pair:
    sibling: Document
    al: Alignment

    @property
    def label(self) -> str:
        return document_label(self.sibling)  # a record is named file[id], as in the output

    def provenance(self, **extra: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"sibling": self.sibling.id}
        if self.sibling.path is not None:
            out["path"] = self.sibling.path
        out["similarity"] = round(self.al.coverage, 3)
        out.update(extra)
        return out


@dataclass
class _Votes:
    change: int = 0
    keep: int = 1  # the document itself
    siblings: list[str] = field(default_factory=list)

    def decided(self) -> bool | None:
        """True/False when three or more versions cover the text, None with only two."""
        if self.change + self.keep < 3:
            return None
        return self.change > self.keep


def pairs(doc: Document, siblings: Sequence[Document]) -> list[_Pair]:
    """Alignments of the document against each sibling that shares any text with it, best
    first (most of the document found in it, then by id)."""
    out = []
    for sib in siblings:
        if sib.text == doc.text:
            continue
        al = align(doc.text, sib.text)
        if al.matched:
            out.append(_Pair(sib, al))
    out.sort(key=lambda p: (-p.al.coverage, p.sibling.id))
    return out


def _share(al: Alignment, start: int, end: int, backbone_only: bool) -> float:
    if end <= start:
        return 0.0
    if backbone_only:
        hits = sum(1 for i in range(start, end) if al.in_backbone(i))
    else:
        hits = sum(1 for i in range(start, end) if al.a_to_b[i] != UNMATCHED)
    return hits / (end - start)


# -- SIB001: blocks out of place -----------------------------------------------------------------


@dataclass(frozen=True)
class _Move:
    block: Block
    dest: int  # insert after this word of the document (-1: at its start)
    edits: tuple[Edit, ...]
    broken_now: int
    broken_after: int


def _whole_sentences(t: Tokens, start: int, end: int) -> bool:
    return t.starts_upper(start) and t.ends_sentence(end - 1)


def _destination(al: Alignment, block: Block) -> int | None:
    """The document word after which the sibling has the block (-1: before the first word)."""
    j = block.b_start - 1
    while j >= 0:
        i = al.b_to_a[j]
        if i != UNMATCHED and not al.moved[i]:
            return i
        j -= 1
    return -1


def _plan_move(al: Alignment, block: Block, d: int | None) -> _Move | None:
    """The edits that move `block` to after document word `d`, and how many sentences are
    broken before and after the move; None when the move makes no sense."""
    a, b = al.a, al.b
    i0, i1 = block.a_start, block.a_end - 1
    in_place_b = (block.b_start == 0 or b.ends_sentence(block.b_start - 1)) and b.ends_sentence(
        block.b_end - 1
    )
    if not (_whole_sentences(a, block.a_start, block.a_end) and in_place_b):
        return None
    if d is None or i0 - 1 <= d <= i1:
        return None
    p = i0 - 1 if i0 > 0 else None
    q = i1 + 1 if i1 + 1 < len(a) else None
    d1 = d + 1 if d + 1 < len(a) else None
    text = a.text
    block_text = text[a.outer_start(i0) : a.outer_end(i1)]
    # take the block out, joining what was around it as the sibling joins it
    if p is not None and q is not None:
        if _follows(al, p, q):
            spacing = separator(b.gap(al.a_to_b[q] - 1))
        elif not a.ends_sentence(p) and not a.starts_upper(q):
            spacing = " "  # the sentence the block interrupts goes on (the sibling rewords it)
        else:
            spacing = separator(text[a.outer_end(p) : a.outer_start(i0)])
        out = Edit(a.outer_end(p), a.outer_start(q), spacing)
    elif q is not None:
        spacing = ""
        out = Edit(a.outer_start(i0), a.outer_start(q), "")
    elif p is not None:
        spacing = ""
        out = Edit(a.outer_end(p), a.outer_end(i1), "")
    else:
        return None
    before = separator(b.gap(block.b_start - 1)) if block.b_start > 0 else "\n\n"
    after = separator(b.gap(block.b_end - 1)) if block.b_end < len(b) else "\n\n"
    if d == -1:
        pos = a.outer_start(0)
        into = Edit(pos, pos, block_text + after)
    elif d1 is None:
        pos = a.outer_end(d)
        into = Edit(pos, pos, before + block_text)
    else:
        into = Edit(a.outer_end(d), a.outer_start(d1), before + block_text + after)
    if into.start < out.end and out.start < into.end:
        return None
    now = [
        join(a, p, text[a.outer_end(p) : a.outer_start(i0)] if p is not None else "", i0),
        join(a, i1, text[a.outer_end(i1) : a.outer_start(q)] if q is not None else "", q),
        join(a, None if d == -1 else d, text[into.start : into.end], d1),
    ]
    after_move = [
        join(a, p, spacing, q),
        join(a, None if d == -1 else d, before, i0),
        join(a, i1, after, d1),
    ]
    edits = tuple(sorted((out, into), key=lambda e: e.start))
    return _Move(block, d, edits, broken_count(now), broken_count(after_move))


def _follows(al: Alignment, left: int, right: int) -> bool:
    """Whether the sibling has document word `right` just after word `left` (at most a couple
    of unmatched sibling words between them)."""
    jl, jr = al.a_to_b[left], al.a_to_b[right]
    if jl == UNMATCHED or jr == UNMATCHED or not 0 < jr - jl <= 3:
        return False
    return all(al.b_to_a[j] == UNMATCHED for j in range(jl + 1, jr))


def _jumped(al: Alignment, block: Block, d: int) -> tuple[Block, int] | None:
    """The other way to see a transposition: the backbone text the block jumped over moves to
    the block's other side. Returns that span as a block, and its destination."""
    if d < block.a_start - 1:
        start, end, dest = d + 1, block.a_start, block.a_end - 1
    elif d > block.a_end - 1:
        start, end, dest = block.a_end, d + 1, block.a_start - 1
    else:
        return None
    if end - start < MIN_BLOCK_WORDS or not all(al.in_backbone(i) for i in (start, end - 1)):
        return None
    return Block(start, end, al.a_to_b[start], al.a_to_b[end - 1] + 1), dest


def _best_move(al: Alignment, block: Block) -> _Move | None:
    d = _destination(al, block)
    options = [_plan_move(al, block, d)]
    other = _jumped(al, block, d) if d is not None else None
    if other is not None:
        options.append(_plan_move(al, *other))
    valid = [m for m in options if m is not None]
    if not valid:
        return None
    return min(valid, key=lambda m: (m.broken_after, m.broken_after - m.broken_now, m.block.size))


def moved_blocks(doc: Document, siblings: Sequence[Document]) -> list[Repair]:
    found = pairs(doc, siblings)
    repairs: list[Repair] = []
    taken: list[tuple[int, int]] = []
    for pair in found:
        for block in pair.al.blocks:
            move = _best_move(pair.al, block)
            if move is None:
                continue
            lo, hi = move.block.a_start, move.block.a_end
            if any(lo < t_hi and t_lo < hi for t_lo, t_hi in taken):
                continue
            votes = _move_votes(found, move)
            decided = votes.decided()
            rejoins = move.broken_now > move.broken_after
            if decided is False or move.broken_after > move.broken_now:
                continue
            if decided is None and not rejoins:
                continue
            taken.append((lo, hi))
            repairs.append(_move_repair(doc, pair, move, votes, rejoins))
    return repairs


def _move_votes(found: list[_Pair], move: _Move) -> _Votes:
    """Siblings that have the block right after its destination vote to move it; those that
    have it right after the word now before it vote to keep it."""
    votes = _Votes()
    i0 = move.block.a_start
    for pair in found:
        al = pair.al
        there = al.a_to_b[i0] == 0 if move.dest == -1 else _follows(al, move.dest, i0)
        if there:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
        elif i0 > 0 and _follows(al, i0 - 1, i0):
            votes.keep += 1
    return votes


def _move_repair(doc: Document, pair: _Pair, move: _Move, votes: _Votes, rejoins: bool) -> Repair:
    a = pair.al.a
    start, end = a.outer_start(move.block.a_start), a.outer_end(move.block.a_end - 1)
    where = "the start" if move.dest == -1 else f"after “{_clip(a, move.dest)}”"
    message = f"move the block to {where}, where {pair.label} has it"
    if rejoins:
        message += ", and rejoin the sentence it interrupts"
    return Repair(
        start,
        end,
        {
            "words": move.block.size,
            "sibling": pair.label,
            "where": where,
            "rejoins": "; it interrupts a sentence" if rejoins else "",
        },
        move.edits,
        pair.provenance(versions=votes.change + votes.keep, agree=votes.change + 1),
        message,
    )


def _clip(a: Tokens, i: int, words: int = 4) -> str:
    lo = max(0, i - words + 1)
    return a.text[a.starts[lo] : a.outer_end(i)]


# -- SIB004: a sentence interrupted by an insertion ----------------------------------------------


def _unmatched_runs(al: Alignment) -> list[tuple[int, int]]:
    runs, i, size = [], 0, len(al.a)
    while i < size:
        if al.a_to_b[i] != UNMATCHED:
            i += 1
            continue
        start = i
        while i < size and al.a_to_b[i] == UNMATCHED:
            i += 1
        runs.append((start, i))
    return runs


def _anchored(al: Alignment, i: int, step: int, need: int = 3) -> bool:
    """Whether `need` consecutive backbone words, contiguous in B, run from i in direction step."""
    for k in range(1, need):
        j = i + k * step
        if not (0 <= j < len(al.a)) or not al.in_backbone(j):
            return False
        if al.a_to_b[j] != al.a_to_b[i] + k * step:
            return False
    return al.in_backbone(i)


def insertions(doc: Document, siblings: Sequence[Document], min_words: int) -> list[Repair]:
    found = pairs(doc, siblings)
    repairs: list[Repair] = []
    seen: set[tuple[int, int]] = set()
    for pair in found:
        al = pair.al
        a, b = al.a, al.b
        for s, e in _unmatched_runs(al):
            if (s, e) in seen or e - s < min_words or s == 0 or e >= len(a):
                continue
            p, q = s - 1, e
            if not (_anchored(al, p, -1) and _anchored(al, q, 1)):
                continue
            jp = al.a_to_b[p]
            if al.a_to_b[q] != jp + 1 or b.ends_sentence(jp):
                continue  # the sibling has other text here, or a sentence ends here
            inner = a.text[a.outer_start(s) : a.outer_end(e - 1)]
            around = a.text[a.outer_end(p) : a.outer_start(q)]
            if not ("\n" in around or any(a.ends_sentence(i) for i in range(s, e))):
                continue  # a few added words inside a sentence: rewording, not an insertion
            if any(_share(o.al, s, e, backbone_only=False) >= 0.5 for o in found):
                continue  # some sibling has this text: a moved block, not an insertion
            votes = _insertion_votes(found, p, q, s, e)
            if votes.decided() is False:
                continue
            seen.add((s, e))
            repairs.append(_insertion_repair(doc, pair, p, q, s, e, inner, votes))
    return repairs


def _insertion_votes(found: list[_Pair], p: int, q: int, s: int, e: int) -> _Votes:
    votes = _Votes()
    for pair in found:
        al = pair.al
        if not (al.in_backbone(p) and al.in_backbone(q)):
            continue
        if al.a_to_b[q] == al.a_to_b[p] + 1:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
        elif _share(al, s, e, backbone_only=True) >= 0.5:
            votes.keep += 1
    return votes


def _insertion_repair(
    doc: Document, pair: _Pair, p: int, q: int, s: int, e: int, inner: str, votes: _Votes
) -> Repair:
    a, b, al = pair.al.a, pair.al.b, pair.al
    spacing = separator(b.gap(al.a_to_b[p]))
    rejoin = Edit(a.outer_end(p), a.outer_start(q), spacing)
    para_end = next(
        (par.end for par in doc.paragraphs if par.start <= a.outer_start(q) < par.end),
        len(doc.text.rstrip()),
    )
    para_end = max(para_end, rejoin.end)
    keep = Edit(para_end, para_end, "\n\n" + inner)
    start, end = a.outer_start(s), a.outer_end(e - 1)
    return Repair(
        start,
        end,
        {
            "match": inner,
            "words": e - s,
            "what": f"{e - s} words they do not have",
            "sibling": pair.label,
        },
        (rejoin, keep),
        pair.provenance(versions=votes.change + votes.keep, agree=votes.change + 1),
        f"rejoin the sentence as {pair.label} has it; keep the inserted text as its own paragraph",
    )


_LEADS_IN = frozenset(":;—–")


def paragraph_breaks(doc: Document, siblings: Sequence[Document]) -> list[Repair]:
    """A paragraph break inside a sentence that the siblings have whole ("the old⏎⏎swing
    bridge"): the words on both sides follow each other in the sibling, with no line break
    and no sentence end between them."""
    found = pairs(doc, siblings)
    repairs: list[Repair] = []
    seen: set[int] = set()
    for pair in found:
        al = pair.al
        a, b = al.a, al.b
        for p in a.paragraph_breaks():
            q = p + 1
            if p in seen or a.ends_sentence(p) or not _follows(al, p, q):
                continue
            if any(c in _LEADS_IN for c in a.text[a.ends[p] : a.outer_start(q)]):
                continue  # "she said:⏎⏎“...": a layout choice, not a broken sentence
            if not (_anchored(al, p, -1) and _anchored(al, q, 1)):
                continue
            jp = al.a_to_b[p]
            if b.ends_sentence(jp) or "\n" in b.gap(jp):
                continue
            votes = _break_votes(found, p, q)
            if votes.decided() is False:
                continue
            seen.add(p)
            repairs.append(_break_repair(pair, p, q, votes))
    return repairs


def _break_votes(found: list[_Pair], p: int, q: int) -> _Votes:
    votes = _Votes()
    for pair in found:
        al = pair.al
        if not _follows(al, p, q):
            continue
        if "\n" in al.b.gap(al.a_to_b[p]):
            votes.keep += 1
        else:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
    return votes


def _break_repair(pair: _Pair, p: int, q: int, votes: _Votes) -> Repair:
    a, b, al = pair.al.a, pair.al.b, pair.al
    start, end = a.outer_end(p), a.outer_start(q)
    return Repair(
        start,
        end,
        {"match": a.text[start:end], "what": "a paragraph break", "sibling": pair.label},
        (Edit(start, end, separator(b.gap(al.a_to_b[p]))),),
        pair.provenance(versions=votes.change + votes.keep, agree=votes.change + 1),
        f"rejoin the sentence as {pair.label} has it",
    )


# -- SIB002: text at the start or end with no counterpart ----------------------------------------


def _is_prose(text: str) -> bool:
    words = text.split()
    return len(words) >= 5 and text.rstrip()[-1:] in '.!?"”’' and text.lstrip()[:1].isupper()


def edge_text(
    doc: Document, siblings: Sequence[Document], max_words: int, shapes: Sequence[re.Pattern]
) -> list[Repair]:
    found = pairs(doc, siblings)
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
    pair: _Pair,
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
    return Repair(
        start,
        end,
        _edge_values(text[start:end], where, count),
        (edit,),
        pair.provenance(siblings=count),
        f"remove the text at the {where}: no sibling has it",
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
    doc: Document, siblings: Sequence[Document], max_words: int, shapes: Sequence[re.Pattern]
) -> list[Repair]:
    """Lines inside the document (between text the siblings have) that no sibling has, with
    the shape of page furniture ("Sign up for our daily briefing" between two paragraphs).
    Lines without such a shape are left alone: a version may well hold a paragraph more."""
    found = pairs(doc, siblings)
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


# -- SIB003: shorter than the siblings -----------------------------------------------------------


def _tail_start(pair: _Pair, a_rest: str, bmax: int) -> int:
    """The first B word after `bmax` that the document's unmatched ending does not reword."""
    b = pair.al.b
    k = bmax + 1
    if not a_rest.strip():
        return k
    for _ in range(3):
        if k >= len(b):
            break
        end = k
        while end < len(b) - 1 and not b.ends_sentence(end):
            end += 1
        if not fuzzy_counterpart(b.text[b.outer_start(k) : b.outer_end(end)], [a_rest]):
            break
        k = end + 1
    return k


def _head_end(pair: _Pair, a_lead: str, bmin: int) -> int:
    """One past the last B word before `bmin` that the document's unmatched opening does not
    reword."""
    b = pair.al.b
    k = bmin
    if not a_lead.strip():
        return k
    for _ in range(3):
        if k <= 0:
            break
        start = k - 1
        while start > 0 and not b.ends_sentence(start - 1):
            start -= 1
        if not fuzzy_counterpart(b.text[b.outer_start(start) : b.outer_end(k - 1)], [a_lead]):
            break
        k = start
    return k


def missing_text(doc: Document, siblings: Sequence[Document], min_words: int) -> list[Repair]:
    found = pairs(doc, siblings)
    tails: list[tuple[_Pair, int]] = []
    heads: list[tuple[_Pair, int]] = []
    for pair in found:
        al = pair.al
        a, b = al.a, al.b
        matched = al.matched_indices()
        bs = [al.a_to_b[i] for i in matched]
        last = matched[-1]
        k = _tail_start(pair, a.text[a.outer_end(last) :], max(bs))
        if len(b) - k >= min_words:
            tails.append((pair, k))
        first = matched[0]
        k = _head_end(pair, a.text[: a.outer_start(first)], min(bs))
        if k >= min_words:
            heads.append((pair, k))
    out = []
    if tails:
        pair, k = min(tails, key=lambda t: (-t[0].al.coverage, t[1] - len(t[0].al.b)))
        out.append(_missing_repair(doc, pair, "end", k, len(pair.al.b)))
    if heads:
        pair, k = min(heads, key=lambda t: (-t[0].al.coverage, -t[1]))
        out.append(_missing_repair(doc, pair, "start", 0, k))
    return out


def _missing_repair(doc: Document, pair: _Pair, where: str, k0: int, k1: int) -> Repair:
    a, b = pair.al.a, pair.al.b
    missing = b.text[b.outer_start(k0) : b.outer_end(k1 - 1)]
    sentences = doc.sentences
    if where == "end":
        pos = len(doc.text.rstrip())
        content = (separator(b.gap(k0 - 1)) if k0 > 0 else "\n\n") + missing
        span = sentences[-1] if sentences else None
    else:
        first = pair.al.matched_indices()[0]
        pos = a.outer_start(first)
        content = missing + (separator(b.gap(k1 - 1)) if k1 < len(b) else "\n\n")
        span = sentences[0] if sentences else None
    start, end = (span.start, span.end) if span else (pos, pos)
    return Repair(
        start,
        end,
        {"where": where, "words": k1 - k0, "sibling": pair.label, "missing": missing},
        (Edit(pos, pos, content),),
        pair.provenance(),
        f"{pair.label} goes on at the {where} with {k1 - k0} more words: “{_short(missing)}”",
    )


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
