"""The line-statistics pass: normalized lines counted by documents, sibling groups and sources."""

from __future__ import annotations

import random

from corpusmend.passes.line_stats import SET_CAP, LineStatsBuilder
from corpusmend.passes.lines import counted_lines, line_key, normalize


def test_lines_are_normalized_and_counted_once_per_document() -> None:
    text = "  Sign  Up\nThe ferry left.\n\nSIGN UP\n---\n\n"
    lines = list(counted_lines(text))
    assert [text[x.start : x.end] for x in lines] == ["Sign  Up", "The ferry left."]
    assert lines[0].key == line_key(normalize("SIGN UP"))
    assert lines[0].words == 2


def test_counts_by_documents_groups_and_sources() -> None:
    b = LineStatsBuilder()
    b.add("Advertisement\nStory one, copy A.", group="g1", source="a.com")
    b.add("Advertisement\nStory one, copy A.", group="g1", source="b.com")
    b.add("advertisement\nStory two.", group="g2", source="a.com")
    b.add("Story three.", group="g3", source=None)
    stats = b.finish()
    ad = stats.get(line_key("advertisement"))
    assert ad is not None
    assert (ad.docs, ad.groups, ad.sources) == (3, 2, 2)
    assert dict(ad.by_source) == {"a.com": 2, "b.com": 1}
    shared = stats.get(line_key(normalize("Story one, copy A.")))
    assert shared is not None and (shared.docs, shared.groups) == (2, 1)
    assert stats.get(line_key(normalize("Story two."))) is None, "lines of one document are dropped"
    assert stats.documents == 4 and stats.source_docs == {"a.com": 2, "b.com": 1}


def _corpus(n: int, seed: int) -> list[tuple[str, str, str | None]]:
    rng = random.Random(seed)
    furniture = ["Share", "Read more", "Sign up for our newsletter", "Print"]
    docs = []
    for i in range(n):
        lines = [f"Paragraph {rng.randrange(40)} of story {i % 37}." for _ in range(4)]
        lines.insert(rng.randrange(5), rng.choice(furniture))
        source = rng.choice(["a.com", "b.com", None, *[f"s{k}.org" for k in range(80)]])
        docs.append(("\n".join(lines), f"g{i % 37}", source))
    return docs


def test_spilled_and_merged_builds_equal_the_plain_build() -> None:
    docs = _corpus(300, seed=1)
    plain = LineStatsBuilder()
    for doc in docs:
        plain.add(*doc)
    spilled = LineStatsBuilder(spill_at=7)
    for doc in docs:
        spilled.add(*doc)
    left, right = LineStatsBuilder(spill_at=11), LineStatsBuilder()
    for i, doc in enumerate(docs):
        (left if i % 3 else right).add(*doc)
    right.merge(left)
    expected = plain.finish().to_json()
    assert spilled.finish().to_json() == expected
    assert right.finish().to_json() == expected


def test_sets_saturate_at_the_cap_in_a_way_that_does_not_depend_on_order() -> None:
    docs = [("Share\nStory.", f"g{i}", f"site{i}.com") for i in range(SET_CAP + 10)]
    forward, backward = LineStatsBuilder(), LineStatsBuilder(spill_at=5)
    for doc in docs:
        forward.add(*doc)
    for doc in reversed(docs):
        backward.add(*doc)
    share = forward.finish().get(line_key("share"))
    assert share is not None and share.groups == SET_CAP and share.sources == SET_CAP
    assert share.by_source == {}, "a saturated source split is dropped, not guessed"
    assert forward.finish().to_json() == backward.finish().to_json()


def test_pages_sharing_only_their_furniture_stay_separate_stories() -> None:
    """The sibling index pairs pages that share a long passage (reworded copies help repairs);
    for line counts only copies of one story are one group."""
    from corpusmend.document import Document
    from corpusmend.passes.build import build_view
    from corpusmend.siblings.index import SiblingIndex

    footer = (
        "Subscribe to the Valley Courier for unlimited access to local news, weather and sport,"
        " and join thousands of readers who get our morning briefing in their inbox every day"
    )
    stories = [
        "The lighthouse on the north cape was repainted in May by volunteers from the village.",
        "A new bakery opened on Mill Street with a queue that went around the whole block.",
        "Roadworks on the ring road will close two lanes until the middle of October.",
    ]
    docs = [Document(f"{s}\n\n{footer}", id=f"d{i}") for i, s in enumerate(stories)]
    view = build_view({"line-stats"}, docs, SiblingIndex, lambda d: None)
    assert view.siblings.query(docs[0]), "the index pairs them (shared passage)"
    count = view.line_stats.get(line_key(normalize(footer)))
    assert count is not None and count.groups == 3
