"""The union-find the groupings share (index groups, story copies, reference groups)."""

from __future__ import annotations

import itertools
import random

from corpusmend.disjoint_sets import DisjointSets


def test_sets_and_roots_do_not_depend_on_the_order_of_joins() -> None:
    pairs = [("e", "c"), ("c", "a"), ("x", "y"), ("b", "d"), ("d", "e")]
    seen = set()
    for order in itertools.permutations(pairs):
        sets = DisjointSets()
        flip = random.Random(str(order))
        for a, b in order:
            if flip.random() < 0.5:
                a, b = b, a
            sets.join(a, b)
        groups = sets.groups()
        assert [sets.find(g[-1]) for g in groups] == [g[0] for g in groups], "root: the smallest"
        seen.add(tuple(map(tuple, groups)))
    assert seen == {(("a", "b", "c", "d", "e"), ("x", "y"))}


def test_a_key_never_joined_is_its_own_root_and_in_no_group() -> None:
    sets = DisjointSets()
    sets.join(3, 1)
    assert sets.find(7) == 7
    assert sets.find(3) == 1
    assert sets.groups() == [[1, 3]]
