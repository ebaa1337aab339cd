"""SIB004: a sentence the siblings have whole, cut by inserted text or a paragraph break."""

from __future__ import annotations

from collections.abc import Sequence

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.siblings.align import (
    UNMATCHED,
    Alignment,
)
from corpusmend.siblings.repairs import Pair, Repair, Votes, follows, pairs, share
from corpusmend.siblings.tokens import separator


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
            if any(share(o.al, s, e, backbone_only=False) >= 0.5 for o in found):
                continue  # some sibling has this text: a moved block, not an insertion
            votes = _insertion_votes(found, p, q, s, e)
            if votes.decided() is False:
                continue
            seen.add((s, e))
            repairs.append(_insertion_repair(doc, pair, p, q, s, e, inner, votes))
    return repairs


def _insertion_votes(found: list[Pair], p: int, q: int, s: int, e: int) -> Votes:
    votes = Votes()
    for pair in found:
        al = pair.al
        if not (al.in_backbone(p) and al.in_backbone(q)):
            continue
        if al.a_to_b[q] == al.a_to_b[p] + 1:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
        elif share(al, s, e, backbone_only=True) >= 0.5:
            votes.keep += 1
    return votes


def _insertion_repair(
    doc: Document, pair: Pair, p: int, q: int, s: int, e: int, inner: str, votes: Votes
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
            if p in seen or a.ends_sentence(p) or not follows(al, p, q):
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


def _break_votes(found: list[Pair], p: int, q: int) -> Votes:
    votes = Votes()
    for pair in found:
        al = pair.al
        if not follows(al, p, q):
            continue
        if "\n" in al.b.gap(al.a_to_b[p]):
            votes.keep += 1
        else:
            votes.change += 1
            votes.siblings.append(pair.sibling.id)
    return votes


def _break_repair(pair: Pair, p: int, q: int, votes: Votes) -> Repair:
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
