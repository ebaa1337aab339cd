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
