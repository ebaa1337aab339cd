"""The side-by-side view of a document and a sibling: paragraphs aligned, SIB spans on both sides.

The word alignment is the SIB rules' own (:func:`corpusmend.siblings.align.align`). A paragraph
of the document pairs with the sibling paragraph holding most of its matched words; the pairs
kept are the heaviest chain in order on both sides, so a moved block (whose words the sibling
has elsewhere) stands on a row of its own at its place in each text: drawn at both places.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from corpusmend.document import Document
from corpusmend.findings import Finding
from corpusmend.formatters.html.records import display_text, utf16_offsets
from corpusmend.readers.base import document_label
from corpusmend.segmentation import paragraphs
from corpusmend.siblings.align import UNMATCHED, Alignment, align
from corpusmend.siblings.tokens import Tokens

Span = tuple[int, int]
MIN_SHARED_WORDS = 2  # a paragraph pairs with one that has at least this many of its words
MIN_SHARED_SHARE = 0.3  # ... and this share of them


def sibling_of(f: Finding, siblings: Sequence[Document]) -> Document | None:
    """The sibling a SIB finding names: its provenance (its fix's, or its own when it has no
    fix), else its `sibling` value."""
    prov = f.fix.provenance if f.fix is not None and f.fix.provenance else {}
    prov = prov or f.data.get("provenance") or {}
    for sib in siblings:
        if "sibling" in prov and (sib.id, sib.path) == (prov["sibling"], prov.get("path")):
            return sib
    label = f.data.get("sibling")
    return next((s for s in siblings if document_label(s) == label), None)


def _paragraph_of(spans: list[Span], t: Tokens) -> list[int]:
    """The paragraph of each token (-1 for none)."""
    starts = [s for s, _ in spans]
    out = []
    for pos in t.starts:
        k = bisect_right(starts, pos) - 1
        out.append(k if k >= 0 and pos < spans[k][1] else -1)
    return out


def _heaviest_chain(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The (i, j) pairs, increasing in both, with the largest total weight (pairs by i)."""
    best: list[int] = []
    back: list[int] = []
    for k, (_, j, w) in enumerate(pairs):
        prev = [m for m in range(k) if pairs[m][1] < j and pairs[m][0] < pairs[k][0]]
        m = max(prev, key=lambda x: (best[x], -x), default=-1)
        best.append(w + (best[m] if m >= 0 else 0))
        back.append(m)
    k = max(range(len(pairs)), key=lambda x: (best[x], -x), default=-1)
    chain = []
    while k >= 0:
        chain.append(pairs[k][:2])
        k = back[k]
    return chain[::-1]


def paragraph_rows(al: Alignment) -> list[tuple[Span | None, Span | None]]:
    """Rows of (document paragraph, sibling paragraph), either None where one text has nothing
    in that place; every paragraph of both texts appears once, in order."""
    pa, pb = paragraphs(al.a.text), paragraphs(al.b.text)
    a_par, b_par = _paragraph_of(pa, al.a), _paragraph_of(pb, al.b)
    shared: Counter[tuple[int, int]] = Counter()
    for i, j in enumerate(al.a_to_b):
        if j != UNMATCHED and a_par[i] >= 0 and b_par[j] >= 0:
            shared[a_par[i], b_par[j]] += 1
    words = Counter(p for p in a_par if p >= 0)
    best: dict[int, tuple[int, int]] = {}  # document paragraph -> (words shared, sibling's)
    for (i, j), n in sorted(shared.items()):
        if n > best.get(i, (0, 0))[0]:
            best[i] = (n, j)
    pairs = [
        (i, j, n)
        for i, (n, j) in sorted(best.items())
        if n >= MIN_SHARED_WORDS and n >= MIN_SHARED_SHARE * words[i]
    ]
    rows: list[tuple[Span | None, Span | None]] = []
    i = j = 0
    for ci, cj in [*_heaviest_chain(pairs), (len(pa), len(pb))]:
        rows.extend((pa[x], None) for x in range(i, ci))
        rows.extend((None, pb[y]) for y in range(j, cj))
        if ci < len(pa):
            rows.append((pa[ci], pb[cj]))
        i, j = ci + 1, cj + 1
    return rows


def counterpart(al: Alignment, start: int, end: int) -> Span | None:
    """The sibling's text for the document's [start, end): from its first to its last word the
    alignment finds in the sibling (None when it finds none)."""
    found = [
        al.a_to_b[i]
        for i, pos in enumerate(al.a.starts)
        if start <= pos < end and al.a_to_b[i] != UNMATCHED
    ]
    if not found:
        return None
    return al.b.outer_start(min(found)), al.b.outer_end(max(found))


def unmatched_runs(t: Tokens, links: Sequence[int]) -> list[Span]:
    """Runs of words the other text does not have."""
    runs: list[Span] = []
    for i, j in enumerate(links):
        if j != UNMATCHED:
            continue
        if runs and i > 0 and links[i - 1] == UNMATCHED:
            runs[-1] = (runs[-1][0], t.outer_end(i))
        else:
            runs.append((t.outer_start(i), t.outer_end(i)))
    return runs


def _shift(span: Span | None, at: Callable[[int], int]) -> list[int] | None:
    return None if span is None else [at(span[0]), at(span[1])]


def sibling_view(text: str, sib: Document, marked: list[tuple[int, Finding]]) -> dict[str, Any]:
    """One side-by-side view: `text` (the document's) against `sib`, with the findings `marked`
    (index in the document's findings, finding) drawn on both sides."""
    al = align(text, sib.text)
    at_a, at_b = utf16_offsets(text), utf16_offsets(sib.text)
    marks = []
    for index, f in marked:
        other = counterpart(al, f.start, f.end)
        marks.append([index, at_a(f.start), at_a(f.end), *(_shift(other, at_b) or [None, None])])
    return {
        "label": document_label(sib),
        "similarity": round(al.coverage, 3),
        "text": display_text(sib.text),
        "rows": [[_shift(a, at_a), _shift(b, at_b)] for a, b in paragraph_rows(al)],
        "marks": marks,
        "only_here": [_shift(s, at_a) for s in unmatched_runs(al.a, al.a_to_b)],
        "only_there": [_shift(s, at_b) for s in unmatched_runs(al.b, al.b_to_a)],
    }


def sibling_views(
    text: str, findings: Sequence[Finding], siblings: Sequence[Document]
) -> list[dict[str, Any]]:
    """A view per sibling the document's SIB findings name, in the order they are first named."""
    by_sibling: dict[int, tuple[Document, list[tuple[int, Finding]]]] = {}
    for index, f in enumerate(findings):
        if not f.code.startswith("SIB"):
            continue
        sib = sibling_of(f, siblings)
        if sib is not None:
            by_sibling.setdefault(id(sib), (sib, []))[1].append((index, f))
    return [sibling_view(text, sib, marked) for sib, marked in by_sibling.values()]
