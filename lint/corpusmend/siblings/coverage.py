"""SIB003: the document stops short of its siblings."""

from __future__ import annotations

from collections.abc import Sequence

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.siblings.align import (
    fuzzy_counterpart,
)
from corpusmend.siblings.alignments import AlignmentStore
from corpusmend.siblings.repairs import Pair, Repair, pairs, whole_copies
from corpusmend.siblings.tokens import separator


def _tail_start(pair: Pair, a_rest: str, bmax: int) -> int:
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


def _head_end(pair: Pair, a_lead: str, bmin: int) -> int:
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


def missing_text(
    doc: Document, siblings: Sequence[Document], store: AlignmentStore, min_words: int
) -> list[Repair]:
    found = whole_copies(pairs(doc, siblings, store))
    tails: list[tuple[Pair, int]] = []
    heads: list[tuple[Pair, int]] = []
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


def _missing_repair(doc: Document, pair: Pair, where: str, k0: int, k1: int) -> Repair:
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
