"""Anchors: word n-grams that occur once in each text, the in-order chain of them (the backbone),
and the runs of anchors off it (moved blocks)."""

from __future__ import annotations

from bisect import bisect_left

from corpusmend.siblings.tokens import Tokens


def ngram_positions(t: Tokens, n: int) -> dict[tuple[str, ...], int]:
    """n-gram -> its position when it occurs once; -1 when it repeats or when it runs across a
    paragraph break (the paragraphs around a moved block differ from one text to the other,
    yet the last words of one and the first of the next can agree by chance, "the harbour
    school. Nobody", and such an anchor ties the wrong paragraphs together)."""
    seen: dict[tuple[str, ...], int] = {}
    for i, gram in enumerate(zip(*(t.norms[k:] for k in range(n)), strict=False)):
        seen[gram] = -1 if gram in seen else i
    breaks = t.paragraph_breaks()
    if breaks:
        crossing = {i - k for i in breaks for k in range(n - 1)}
        for gram, i in seen.items():
            if i in crossing:
                seen[gram] = -1
    return seen


def longest_increasing(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of `values` (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[pos] = v
            tail_at[pos] = k
        prev[k] = tail_at[pos - 1] if pos else -1
    out = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        out.append(k)
        k = prev[k]
    return out[::-1]


def anchors(a: Tokens, b: Tokens, n: int) -> list[tuple[int, int]]:
    in_a = ngram_positions(a, n)
    in_b = ngram_positions(b, n)
    pairs = [(i, in_b.get(g, -1)) for g, i in in_a.items() if i >= 0]
    return sorted((i, j) for i, j in pairs if j >= 0)


def segments(chain: list[tuple[int, int]], n: int) -> list[tuple[int, int, int]]:
    """Consecutive anchors of the chain on one diagonal, overlapping or touching, as
    (a start, b start, words): one claim per segment instead of one per anchor."""
    out: list[tuple[int, int, int]] = []
    for i, j in chain:
        if out:
            si, sj, size = out[-1]
            if i - si == j - sj and i <= si + size:
                out[-1] = (si, sj, max(size, i + n - si))
                continue
        out.append((i, j, n))
    return out


def runs(anchors: list[tuple[int, int]], n: int) -> list[list[tuple[int, int]]]:
    """Group anchors (sorted by A position) into runs with the same A-to-B offset."""
    runs: list[list[tuple[int, int]]] = []
    for i, j in anchors:
        if runs:
            pi, pj = runs[-1][-1]
            if i - pi == j - pj and 0 < i - pi <= n + 2:
                runs[-1].append((i, j))
                continue
        runs.append([(i, j)])
    return runs


# Anchors a chance island may hold: a run covering at most a moved block's minimum of words.
ISLAND_WORDS = 6
ISLAND_GAP = 3  # words between the island and the runs around it, beyond the n-gram's own


def drop_islands(pairs: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The anchors without chance islands: a short run on a diagonal of its own, set in A
    between two runs that agree with each other ("R. Kelly and other" in a copy's headline,
    inside the lead paragraph that copy has further down). Kept, such an island can take the
    backbone away from the text around it, and from the anchors that go with that text."""
    rs = runs(pairs, n)
    out: list[tuple[int, int]] = []
    for k, run in enumerate(rs):
        if 0 < k < len(rs) - 1 and _island(rs[k - 1], run, rs[k + 1], n):
            continue
        out.extend(run)
    return out


def _island(
    before: list[tuple[int, int]], run: list[tuple[int, int]], after: list[tuple[int, int]], n: int
) -> bool:
    if len(run) + n - 1 > ISLAND_WORDS or min(len(before), len(after)) <= len(run):
        return False
    (pi, pj), (ni, nj) = before[-1], after[0]
    (i0, j0), (i1, _) = run[0], run[-1]
    if i0 - pi > n + ISLAND_GAP or ni - i1 > n + ISLAND_GAP:
        return False
    around, own = nj - ni, j0 - i0
    return abs((pj - pi) - around) <= ISLAND_GAP and abs(own - around) > ISLAND_GAP
