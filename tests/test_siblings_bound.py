"""A story in many copies: a query verifies a bounded number of its candidates (the best by
estimate, ties by key), and grouping still joins every copy without verifying every pair."""

from __future__ import annotations

import random

from siblings_texts import FERRY, LIBRARY, article

from corpusmend.document import Document
from corpusmend.passes.build import STORY_COPY, view_of_index
from corpusmend.siblings.candidates import verify_bound
from corpusmend.siblings.index import SiblingIndex, entry_key
from corpusmend.siblings.options import SiblingOptions

OPTIONS = SiblingOptions(max_siblings=2)  # a bound of 8 candidates per query


def near_copies(paras: list[str], n: int, name: str) -> list[Document]:
    """Copies as scrapers leave them: a site label of their own, one word added somewhere,
    every third copy without its last paragraph."""
    docs = []
    for k in range(n):
        rng = random.Random(f"{name}{k}")
        body = list(paras[:-1] if k % 3 == 2 else paras)
        p = rng.randrange(len(body))
        words = body[p].split(" ")
        words.insert(rng.randrange(len(words)), rng.choice(("also", "then", "still")))
        body[p] = " ".join(words)
        docs.append(Document(article(f"Desk {k % 7} wire", *body), id=f"{name}-{k:03d}"))
    return docs


def _counting(index: SiblingIndex) -> list[int]:
    """Count the candidates the index verifies (fetches and compares)."""
    verified: list[int] = []
    verify = index._verified

    def counted(slot: int):
        verified.append(slot)
        return verify(slot)

    index._verified = counted  # type: ignore[method-assign]
    return verified


def test_a_query_verifies_at_most_its_bound_and_finds_its_siblings():
    docs = near_copies(LIBRARY, 30, "lib")
    index = SiblingIndex.build(docs, OPTIONS)
    verified = _counting(index)
    for doc in docs[:6]:
        verified.clear()
        matches = index.query(doc)
        assert len(matches) == OPTIONS.max_siblings
        assert len(verified) <= verify_bound(OPTIONS.max_siblings)
    verified.clear()
    everything = index.query(docs[0], limit=len(index), verify=len(index))
    assert len(everything) == len(docs) - 1 and len(verified) == len(docs) - 1


def test_which_candidates_are_verified_does_not_depend_on_the_order_of_adding():
    docs = near_copies(LIBRARY, 30, "lib") + near_copies(FERRY, 12, "ferry")
    forward = SiblingIndex.build(docs, OPTIONS)
    backward = SiblingIndex.build(reversed(docs), OPTIONS)
    for doc in docs:
        ids = [entry_key(m.document) for m in forward.query(doc)]
        assert ids == [entry_key(m.document) for m in backward.query(doc)]
        assert all(doc.id.split("-")[0] == i.split("-")[0] for i in ids)


def test_grouping_joins_every_copy_without_verifying_every_pair():
    # two editions of one story (two first paragraphs of their own): a copy's best candidates are
    # all of its own edition, and the group must still join both
    first = near_copies([*FERRY[:2], *LIBRARY], 20, "lib-a")
    second = near_copies([*FERRY[3:], *LIBRARY], 20, "lib-b")
    library, ferry = first + second, near_copies(FERRY, 12, "ferry")
    docs = library + ferry
    options = SiblingOptions(max_siblings=1)  # a bound of 4
    index = SiblingIndex.build(docs, options)
    verified = _counting(index)
    view = view_of_index({"siblings"}, index)
    assert {view.group_of(d) for d in library} == {"lib-a-000"}
    assert {view.group_of(d) for d in ferry} == {"ferry-000"}
    # each query verifies its bound, and only the first of a group verifies the rest of it
    assert len(verified) <= len(docs) * (verify_bound(options.max_siblings) + 1)
    assert len(verified) < len(library) * (len(library) - 1) // 2
    by_pairs = index.groups(min_similarity=STORY_COPY)  # the index's own grouping, exact
    assert by_pairs == [sorted(d.id for d in ferry), sorted(d.id for d in library)]
