"""SIB004: a sentence the siblings have whole, cut by inserted text or a paragraph break."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.siblings.align import UNMATCHED, Alignment
from corpusmend.siblings.alignments import AlignmentStore
from corpusmend.siblings.repairs import Pair, Repair, Votes, follows, pairs, share, whole_copies
from corpusmend.siblings.tokens import Tokens, separator


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


def insertions(
    doc: Document, siblings: Sequence[Document], store: AlignmentStore, min_words: int
) -> list[Repair]:
    found = pairs(doc, siblings, store)
    repairs: list[Repair] = []
    seen: set[tuple[int, int]] = set()
    for pair in whole_copies(found):
        al = pair.al
        a, b = al.a, al.b
        for s, e in _unmatched_runs(al):
            if (s, e) in seen or e - s < min_words or s == 0 or e >= len(a):
                continue
            p, q = s - 1, e
            if not (_anchored(al, p, -1) and _anchored(al, q, 1)):
                continue
            jp = al.a_to_b[p]
            if al.a_to_b[q] != jp + 1 or not runs_on(b, jp):
                continue  # the sibling has other text here, or no whole sentence across it
            around = a.text[a.outer_end(p) : a.outer_start(q)]
            if "\n" in around:
                if not cut_inside_sentence(a, p, q):
                    continue  # a paragraph of its own between whole sentences (or lines)
            elif a.ends_sentence(p) or not any(a.ends_sentence(i) for i in range(s, e)):
                continue  # a few added words inside a sentence: rewording, not an insertion
            if not (_starts_like_a_sentence(a, s) and _ends_like_a_sentence(a, e - 1)):
                continue  # the words go on from the sentence around them: not inserted whole
            if any(share(o.al, s, e, backbone_only=False) >= 0.5 for o in found):
                continue  # some sibling has this text: a moved block, not an insertion
            votes = _insertion_votes(found, p, q, s, e)
            if votes.decided() is False:
                continue
            seen.add((s, e))
            repairs.append(_insertion_repair(doc, pair, p, q, s, e, votes))
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
    doc: Document, pair: Pair, p: int, q: int, s: int, e: int, votes: Votes
) -> Repair:
    a, b, al = pair.al.a, pair.al.b, pair.al
    spacing = separator(b.gap(al.a_to_b[p]))
    rejoin = Edit(a.outer_end(p), a.outer_start(q), spacing)
    # the inserted text moves whole, with the marks around it (a dash, a bullet): nothing is lost
    start, end = _strip_span(a.text, rejoin.start, rejoin.end)
    inner = a.text[start:end]
    para_end = next(
        (par.end for par in doc.paragraphs if par.start <= a.outer_start(q) < par.end),
        len(doc.text.rstrip()),
    )
    para_end = max(para_end, rejoin.end)
    keep = Edit(para_end, para_end, "\n\n" + inner)
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
_QUOTES = frozenset("\"'“‘«")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_like_a_sentence(a: Tokens, i: int) -> bool:
    """Word i opens a sentence or a line (an inserted block starts so: "front Subscribe to...",
    "evidence⏎⏎“The..."), not a phrase that goes on from the words before it."""
    return a.starts_upper(i) or "\n" in a.gap(i - 1)


def _ends_like_a_sentence(a: Tokens, i: int) -> bool:
    return a.ends_sentence(i) or i + 1 == len(a) or "\n" in a.gap(i)


def cut_inside_sentence(a: Tokens, p: int, q: int) -> bool:
    """Whether a line break between words p and q of the document falls inside a sentence:
    no sentence ends at p, and what follows reads as that sentence going on. A lower-case word
    does; a capitalised one only after a line holding the end of an earlier sentence (a
    paragraph of prose whose last sentence is cut) and before a line that ends a sentence, and
    never when it opens a quotation ("the minister said,⏎⏎“We..."). Headlines, bylines, credits
    and datelines end without a full stop: a sibling that runs them together is no evidence."""
    if a.ends_sentence(p):
        return False
    if not a.starts_upper(q):
        return True
    if a.text[a.outer_start(q) : a.starts[q]][-1:] in _QUOTES:
        return False
    line_start = a.text.rfind("\n", 0, a.starts[p]) + 1
    first = bisect_left(a.starts, line_start)
    if not any(a.ends_sentence(i) for i in range(first, p)):
        return False
    line_end = a.text.find("\n", a.starts[q])
    last = len(a) if line_end == -1 else bisect_left(a.starts, line_end)
    return any(a.ends_sentence(i) for i in range(q, last))


def runs_on(b: Tokens, j: int) -> bool:
    """Whether the sibling's sentence runs on from word j to the next: no sentence end, and
    only spacing between them (a mark such as "###" or "|" may stand for a paragraph break
    the way a record joins paragraphs)."""
    gap = b.gap(j)
    return not b.ends_sentence(j) and not gap.strip() and "\n" not in gap


def paragraph_breaks(
    doc: Document, siblings: Sequence[Document], store: AlignmentStore
) -> list[Repair]:
    """A paragraph break inside a sentence that the siblings have whole ("the old⏎⏎swing
    bridge"): the words on both sides follow each other in the sibling, with no line break
    and no sentence end between them, and the document has no sentence end before the break
    (outlets paragraph differently: a break between whole sentences is no artifact)."""
    found = pairs(doc, siblings, store)
    repairs: list[Repair] = []
    seen: set[int] = set()
    for pair in whole_copies(found):
        al = pair.al
        a, b = al.a, al.b
        for p in a.paragraph_breaks():
            q = p + 1
            if p in seen or not cut_inside_sentence(a, p, q) or not follows(al, p, q):
                continue
            if any(c in _LEADS_IN for c in a.text[a.ends[p] : a.outer_start(q)]):
                continue  # "she said:⏎⏎“...": a layout choice, not a broken sentence
            if a.gap(p).strip():
                continue  # marks between the paragraphs (a bullet, a lone comma): not prose
            if not (_anchored(al, p, -1) and _anchored(al, q, 1)):
                continue
            if not runs_on(b, al.a_to_b[p]):
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
        if not runs_on(al.b, al.a_to_b[p]):
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
