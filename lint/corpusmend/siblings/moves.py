"""SIB001: a block of whole sentences out of place (a quotation spliced into a sentence)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.siblings.align import (
    MIN_BLOCK_WORDS,
    UNMATCHED,
    Alignment,
    Block,
)
from corpusmend.siblings.alignments import AlignmentStore
from corpusmend.siblings.repairs import Pair, Repair, Votes, follows, pairs
from corpusmend.siblings.tokens import Tokens, insertion_point, rejoined, separator
from corpusmend.siblings.wholeness import broken_count, join

REWORDED_EDGE = 6  # unmatched words a block's first or last sentence may have reworded


@dataclass(frozen=True)
class _Move:
    block: Block
    dest: int  # insert after this word of the document (-1: at its start)
    at: int  # the word it lands after: dest, or the end of dest's paragraph
    edits: tuple[Edit, ...]
    broken_now: int
    broken_after: int
    shown_whole: bool  # the sibling has the text around the block's old place as one sentence


def _whole_sentences(t: Tokens, start: int, end: int) -> bool:
    return t.starts_upper(start) and t.ends_sentence(end - 1)


def _destinations(al: Alignment, block: Block) -> list[int]:
    """The document words after which the sibling has the block (-1: before the first word),
    the likelier first.

    That is the document's counterpart of the sibling's last backbone word before the block;
    but when the sibling has text of its own just before the block (a timestamp, a caption) and
    none after it, while the document has text of its own after that word too, the block goes
    before the counterpart of the sibling's next backbone word instead: the two texts' own
    lines stand on the same side of it. When this copy has text of its own between the two
    counterparts (a caption, a furniture line), the sibling allows both sides of that text:
    the other side comes second."""
    j = block.b_start - 1
    while j >= 0:
        i = al.b_to_a[j]
        if i != UNMATCHED and not al.moved[i]:
            break
        j -= 1
    if j < 0:
        return [-1]
    before_own = j < block.b_start - 1
    k = block.b_end
    after_own = k < len(al.b) and al.b_to_a[k] == UNMATCHED
    nxt = _next_backbone(al, k)
    if nxt is None or nxt - 1 <= i or any(al.in_backbone(x) for x in range(i + 1, nxt)):
        return [i]
    own_only = all(al.a_to_b[x] == UNMATCHED for x in range(i + 1, nxt))
    if before_own and not after_own and al.b_to_a[k] == nxt and own_only:
        return [nxt - 1, i]
    return [i, nxt - 1]


def _next_backbone(al: Alignment, k: int) -> int | None:
    """The document's counterpart of the sibling's first backbone word from word k on."""
    while k < len(al.b):
        x = al.b_to_a[k]
        if x != UNMATCHED and not al.moved[x]:
            return x
        k += 1
    return None


def _paragraph_end(a: Tokens, d: int, stop: int) -> int:
    """The last word of the line word d is on, looking no further than word `stop`."""
    while d + 1 < min(stop, len(a)) and "\n" not in a.gap(d):
        d += 1
    return d


def _plan_move(al: Alignment, block: Block, d: int | None) -> _Move | None:
    """The edits that move `block` to after document word `d`, and how many sentences are
    broken before and after the move; None when the move makes no sense."""
    a, b = al.a, al.b
    i0, i1 = block.a_start, block.a_end - 1
    # the sibling has the block whole: after a sentence end or at a line's start (a video
    # timestamp or a caption credit may stand before it), up to a sentence end
    j0 = block.b_start - 1
    opens = j0 < 0 or b.ends_sentence(j0) or "\n" in b.gap(j0)
    in_place_b = opens and b.ends_sentence(block.b_end - 1)
    if not (_whole_sentences(a, block.a_start, block.a_end) and in_place_b):
        return None
    if d is None or i0 - 1 <= d <= i1:
        return None
    p = i0 - 1 if i0 > 0 else None
    q = i1 + 1 if i1 + 1 < len(a) else None
    text = a.text
    left_gap = text[a.outer_end(p) : a.outer_start(i0)] if p is not None else ""
    right_gap = text[a.outer_end(i1) : a.outer_start(q)] if q is not None else ""
    # a block that is a paragraph of its own in this copy stays one: it goes between two of the
    # copy's paragraphs, after the one the sibling has it inside (outlets paragraph differently)
    paragraph = p is None or "\n" in left_gap
    dest = d
    if paragraph and d >= 0:
        d = _paragraph_end(a, d, i0 if d < i0 else len(a))
    d1 = d + 1 if d + 1 < len(a) else None
    block_text = text[a.outer_start(i0) : a.outer_end(i1)]
    # take the block out, joining what was around it as the sibling joins it; marks in the gaps
    # (a dash, an @, a bullet) are not the block's and stay where they are
    if p is not None and q is not None:
        if follows(al, p, q):
            spacing = separator(b.gap(al.a_to_b[q] - 1))
        elif not a.ends_sentence(p) and not a.starts_upper(q):
            spacing = " "  # the sentence the block interrupts goes on (the sibling rewords it)
        else:
            spacing = separator(left_gap)
        out = Edit(a.outer_end(p), a.outer_start(q), rejoined(left_gap, spacing, right_gap))
    elif q is not None:
        spacing = ""
        out = Edit(a.outer_start(i0), a.outer_start(q), right_gap.lstrip())
    elif p is not None:
        spacing = ""
        out = Edit(a.outer_end(p), a.outer_end(i1), left_gap.rstrip())
    else:
        return None
    before = separator(b.gap(block.b_start - 1)) if block.b_start > 0 else "\n\n"
    after = separator(b.gap(block.b_end - 1)) if block.b_end < len(b) else "\n\n"
    if d >= 0 and d1 is not None and "\n" in text[a.outer_end(d) : a.outer_start(d1)]:
        # between two of the document's paragraphs the block is a paragraph of its own, however
        # the sibling lays it out (outlets paragraph differently)
        before = after = separator(text[a.outer_end(d) : a.outer_start(d1)])
    elif paragraph:
        before = after = separator(left_gap) if "\n" in left_gap else "\n\n"
    if d == -1:
        pos = len(text) - len(text.lstrip())
        into = Edit(pos, pos, block_text + after)
    elif d1 is None:
        pos = len(text.rstrip())
        into = Edit(pos, pos, before + block_text)
    else:
        start, end = insertion_point(text, a.outer_end(d), a.outer_start(d1))
        into = Edit(start, end, before + block_text + after)
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
    if after_move[1].broken() or after_move[2].broken():
        return None  # the block would land inside a sentence: that is no place for it
    edits = tuple(sorted((out, into), key=lambda e: e.start))
    whole = p is not None and q is not None and _shown_whole(al, p, q)
    return _Move(block, dest, d, edits, broken_count(now), broken_count(after_move), whole)


def _shown_whole(al: Alignment, p: int, q: int, slack: int = 2) -> bool:
    """Whether the sibling has document words p and q (the words on both sides of the block)
    in one sentence on one line, a word or two reworded at most: the sentence the block
    interrupts, whole. Without it a join only looks broken (a gallery's "Image 1 of 1" before
    a caption, "less" after it), and two versions are no evidence."""
    a_to_b, b = al.a_to_b, al.b
    lp = next((k for k in range(p, max(p - slack - 1, -1), -1) if a_to_b[k] != UNMATCHED), None)
    lq = next(
        (k for k in range(q, min(q + slack + 1, len(a_to_b))) if a_to_b[k] != UNMATCHED), None
    )
    if lp is None or lq is None:
        return False
    jl, jr = a_to_b[lp], a_to_b[lq]
    if not 0 < jr - jl <= lq - lp + slack:
        return False
    return not any(b.ends_sentence(j) or "\n" in b.gap(j) for j in range(jl, jr))


def _jumped(al: Alignment, block: Block, d: int) -> tuple[Block, int] | None:
    """The other way to see a transposition: the backbone text the block jumped over moves to
    the block's other side. Returns that span as a block, and its destination."""
    if d < block.a_start - 1:
        start, end, dest = d + 1, block.a_start, block.a_end - 1
    elif d > block.a_end - 1:
        start, end, dest = block.a_end, d + 1, block.a_start - 1
    else:
        return None
    if end - start < MIN_BLOCK_WORDS:
        return None
    # its first and last backbone words (a reworded attribution may stand unmatched at an edge)
    inner = [i for i in range(start, end) if al.in_backbone(i)]
    if len(inner) < MIN_BLOCK_WORDS or inner[0] - start > REWORDED_EDGE:
        return None
    if end - 1 - inner[-1] > REWORDED_EDGE:
        return None
    return Block(start, end, al.a_to_b[inner[0]], al.a_to_b[inner[-1]] + 1), dest


def _to_sentence_edges(al: Alignment, block: Block) -> Block:
    """The block grown over unmatched words to its first sentence's start and its last
    sentence's end, in both texts: a quotation's attribution is often reworded ("Mr. Trump
    remarked on Thursday." against "Trump said Thursday.")."""
    a, b = al.a, al.b

    def grow_end(t, matches, end: int) -> int:
        k = end - 1
        while not t.ends_sentence(k) and k + 1 < len(t) and matches[k + 1] == UNMATCHED:
            if k + 1 - (end - 1) > REWORDED_EDGE:
                return end
            k += 1
        return k + 1 if t.ends_sentence(k) else end

    def grow_start(t, matches, start: int) -> int:
        k = start
        while k > 0 and not t.ends_sentence(k - 1) and matches[k - 1] == UNMATCHED:
            if start - (k - 1) > REWORDED_EDGE:
                return start
            k -= 1
        return k if k == 0 or t.ends_sentence(k - 1) else start

    return Block(
        grow_start(a, al.a_to_b, block.a_start),
        grow_end(a, al.a_to_b, block.a_end),
        grow_start(b, al.b_to_a, block.b_start),
        grow_end(b, al.b_to_a, block.b_end),
    )


def _best_move(al: Alignment, block: Block, found: list[Pair]) -> _Move | None:
    block = _to_sentence_edges(al, block)
    places = _destinations(al, block)
    # of the places this sibling allows, the one the most copies show the block beside
    placed = [m for m in (_plan_move(al, block, d) for d in places) if m is not None]
    options = [min(placed, key=lambda m: (*_cost(m), -_support(found, m)))] if placed else []
    other = _jumped(al, block, places[0])
    if other is not None:
        options.append(_plan_move(al, _to_sentence_edges(al, other[0]), other[1]))
    valid = [m for m in options if m is not None]
    if not valid:
        return None
    return min(valid, key=lambda m: (*_cost(m), m.block.size))


def _cost(m: _Move) -> tuple[int, int]:
    return m.broken_after, m.broken_after - m.broken_now


def _support(found: list[Pair], move: _Move) -> int:
    """How many of the copies have the block's first word right after the word the move puts
    it after, or its last word right before the word the move puts after it."""
    i0, i1 = move.block.a_start, move.block.a_end - 1
    size = len(found[0].al.a) if found else 0
    n = 0
    for pair in found:
        if move.at >= 0 and follows(pair.al, move.at, i0):
            n += 1
        if move.at + 1 < size and follows(pair.al, i1, move.at + 1):
            n += 1
    return n


def moved_blocks(
    doc: Document, siblings: Sequence[Document], store: AlignmentStore, which: str = "all"
) -> list[Repair]:
    """Blocks out of place. `which`: "interrupting" (the block breaks a sentence the move
    rejoins), "reordering" (it breaks none: the majority of versions has another order), or
    "all"."""
    repairs = _moved_blocks(doc, siblings, store)
    if which == "all":
        return repairs
    return [r for r in repairs if bool(r.values["rejoins"]) == (which == "interrupting")]


def _moved_blocks(
    doc: Document, siblings: Sequence[Document], store: AlignmentStore
) -> list[Repair]:
    found = pairs(doc, siblings, store)
    candidates: list[tuple[tuple[int, int, int, int], Pair, _Move, Votes, bool]] = []
    for rank, pair in enumerate(found):
        for block in pair.al.blocks:
            move = _best_move(pair.al, block, found)
            if move is None:
                continue
            votes = _move_votes(found, move)
            decided = votes.decided()
            # a sentence is rejoined only where the sibling shows it whole
            rejoins = move.broken_now > move.broken_after and move.shown_whole
            if decided is False or move.broken_after > move.broken_now:
                continue
            if (decided is None or not pair.whole_copy) and not rejoins:
                continue  # two versions, or a partial copy: only a rejoined sentence decides
            mended = move.broken_now - move.broken_after
            candidates.append(
                ((-mended, move.broken_after, -move.block.size, rank), pair, move, votes, rejoins)
            )
    # Where several copies show a block, the move that mends the most wins, then the largest
    # block: a copy that words the quotation's last sentence otherwise has only its first
    # sentence as a block, and moving that leaves the rest of the quotation in the sentence.
    candidates.sort(key=lambda c: c[0])
    repairs: list[Repair] = []
    taken: list[tuple[int, int]] = []
    for _, pair, move, votes, rejoins in candidates:
        lo, hi = move.block.a_start, move.block.a_end
        if any(lo < t_hi and t_lo < hi for t_lo, t_hi in taken):
            continue
        taken.append((lo, hi))
        repairs.append(_move_repair(doc, pair, move, votes, rejoins))
    repairs.sort(key=lambda r: r.start)
    return repairs


def _move_votes(found: list[Pair], move: _Move) -> Votes:
    """Siblings that have the block right after its destination vote to move it; those that
    have it right after the word now before it vote to keep it."""
    votes = Votes()
    i0 = move.block.a_start
    for pair in found:
        al = pair.al
        there = al.a_to_b[i0] == 0 if move.dest == -1 else follows(al, move.dest, i0)
        if there:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
        elif i0 > 0 and follows(al, i0 - 1, i0):
            votes.keep += 1
    return votes


def _move_repair(doc: Document, pair: Pair, move: _Move, votes: Votes, rejoins: bool) -> Repair:
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
