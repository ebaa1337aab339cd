"""SiblingIndex: discovery by MinHash LSH, verification, determinism, saving and loading."""

from __future__ import annotations

import gzip
import json

import pytest
from siblings_texts import FERRY, LIBRARY, article, five_docs

from corpusmend import Document
from corpusmend.errors import CorpusmendError
from corpusmend.passes.build import build_view
from corpusmend.siblings import SiblingIndex, SiblingOptions
from corpusmend.siblings.repairs import WHOLE_COPY


def _ids(matches) -> list[str]:
    return [m.document.id for m in matches]


def test_truncated_copies_excerpts_and_rewordings_are_found_unrelated_are_not():
    index = SiblingIndex.build(five_docs())
    full = five_docs()[0]
    assert sorted(_ids(index.query(full))) == ["excerpt", "reworded", "truncated"]
    assert _ids(index.query(Document(article(*FERRY), id="ferry"))) == []
    excerpt = index.query(Document(article(*LIBRARY[3:6]), id="excerpt"))
    assert "full" in _ids(excerpt)
    best = excerpt[0]
    assert best.containment == pytest.approx(1.0)
    assert best.jaccard < 0.5  # found by containment, not by Jaccard


def test_a_document_is_never_its_own_sibling_and_order_is_deterministic():
    first = SiblingIndex.build(five_docs())
    second = SiblingIndex.build(reversed(five_docs()))
    for doc in five_docs():
        assert doc.id not in _ids(first.query(doc))
        assert _ids(first.query(doc)) == _ids(second.query(doc))
    assert first.groups() == second.groups() == [["excerpt", "full", "reworded", "truncated"]]


def test_adding_a_document_with_the_same_id_replaces_it():
    index = SiblingIndex.build(five_docs())
    index.add(Document(article(*FERRY), id="truncated"))
    assert len(index) == 5
    assert "truncated" not in _ids(index.query(five_docs()[0]))


def test_thresholds_decide_what_counts_as_a_sibling():
    strict = SiblingIndex.build(five_docs(), SiblingOptions(min_jaccard=0.99, min_containment=0.99))
    assert sorted(_ids(strict.query(five_docs()[0]))) == ["excerpt", "truncated"]


def test_save_and_load_round_trip(tmp_path):
    index = SiblingIndex.build(five_docs())
    path = tmp_path / "corpus.idx"
    index.save(path)
    loaded = SiblingIndex.load(path)
    assert len(loaded) == len(index)
    assert loaded.options == index.options
    for doc in five_docs():
        assert _ids(loaded.query(doc)) == _ids(index.query(doc))
    assert [d.text for d in loaded.documents()] == [d.text for d in index.documents()]


def test_a_broken_index_file_is_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "bad.idx"
    SiblingIndex.build(five_docs()).save(path)
    data = path.read_bytes()
    (tmp_path / "cut.idx").write_bytes(data[:60])
    with pytest.raises(CorpusmendError, match=r"cut\.idx: sibling index is truncated"):
        SiblingIndex.load(tmp_path / "cut.idx")
    (tmp_path / "plain.idx").write_text("not an index")
    with pytest.raises(CorpusmendError, match=r"plain\.idx: not a corpusmend sibling index"):
        SiblingIndex.load(tmp_path / "plain.idx")
    # version 1 and 2 files are gzip JSON lines: a broken line is named
    lines = [
        json.dumps({"format": "corpusmend-sibling-index", "version": 2, "options": {}}),
        json.dumps({"key": "a", "id": "a", "path": None, "text": "one two three"}),
        '{"key": "b", "id"',
    ]
    (tmp_path / "old.idx").write_bytes(gzip.compress("\n".join(lines).encode()))
    with pytest.raises(CorpusmendError, match=r"old\.idx:3: bad JSON"):
        SiblingIndex.load(tmp_path / "old.idx")


def sibling_map(docs, reference=()):
    """Each document's siblings, as a run's corpus view gives them."""
    view = build_view({"siblings"}, [*reference, *docs], SiblingIndex)
    return {doc.id: list(view.context(doc).siblings) for doc in docs}


def test_the_corpus_view_gives_every_document_its_siblings():
    docs = five_docs()
    mapping = sibling_map(docs)
    assert list(mapping) == [d.id for d in docs]
    assert mapping["ferry"] == []
    assert "full" in [d.id for d in mapping["truncated"]]
    again = sibling_map(list(reversed(docs)))
    assert {k: [d.id for d in v] for k, v in again.items()} == {
        k: [d.id for d in v] for k, v in mapping.items()
    }


def test_a_reference_corpus_supplies_siblings():
    mapping = sibling_map([Document(article(*LIBRARY[:4]), id="mine")], reference=five_docs()[:1])
    assert [d.id for d in mapping["mine"]] == ["full"]


def _long_article() -> str:
    """LIBRARY followed by many more invented paragraphs: a long text a short excerpt of it
    shares few shingles with (a whole-text Jaccard far below what LSH pairs reliably)."""
    stalls = ["apples", "honey", "wool", "cheese", "bread", "candles", "rope", "lamps"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    extra = [
        f"Stall {n} in the grain market sold {3 * n + 7} crates of {stalls[n % 8]} on"
        f" {days[n % 6]}, and its keeper, who came from village number {n + 11}, said that"
        f" trade had been {'better' if n % 2 else 'slower'} than in week {n + 2}."
        for n in range(40)
    ]
    return article(*LIBRARY, *FERRY, *extra)


def test_a_short_excerpt_of_a_long_text_is_found_by_containment():
    full = Document(_long_article(), id="full")
    excerpt = Document(LIBRARY[4], id="excerpt")
    index = SiblingIndex.build([full, excerpt, Document(article(*FERRY[:2]), id="ferry-part")])
    found = index.query(excerpt)
    assert _ids(found) == ["full"]
    assert found[0].jaccard < 0.05 and found[0].containment == pytest.approx(1.0)
    assert "excerpt" in _ids(index.query(full))


def test_containment_candidates_survive_saving_and_loading(tmp_path):
    full = Document(_long_article(), id="full")
    excerpt = Document(LIBRARY[4], id="excerpt")
    SiblingIndex.build([full, excerpt]).save(tmp_path / "index.idx")
    loaded = SiblingIndex.load(tmp_path / "index.idx")
    assert _ids(loaded.query(excerpt)) == ["full"]
    # replacing a document drops its old samples: the excerpt no longer finds it
    loaded.add(Document(article(*FERRY), id="full"))
    assert _ids(loaded.query(excerpt)) == []
    # and saving the replaced index keeps only the new text
    loaded.save(tmp_path / "again.idx")
    again = SiblingIndex.load(tmp_path / "again.idx")
    assert sorted(d.text for d in again.documents()) == sorted([article(*FERRY), LIBRARY[4]])
    assert _ids(again.query(excerpt)) == []


def test_articles_sharing_only_site_furniture_are_partial_copies_that_repair_nothing(linter):
    furniture = (
        "Headline: Gold Coins Are Flying Off The Shelves Right Now!\n\n"
        "Delivered by The Valley Courier. We encourage you to share and republish our reports, "
        "analyses, breaking news and videos. Contributed by The Valley Courier of "
        "www.valleycourier.example, where readers send us their stories every single day.\n"
    )
    first = Document(
        "The lock keepers of the Marrow canal opened every gate on Sunday as the river rose "
        "past the old mark on the mill wall. Boats waited below the weir until the evening, "
        "when the water fell and the first barges went through.\n\n" + furniture,
        id="canal",
    )
    second = Document(
        "A bakery on Mill Street reopened under new owners, who kept the ovens and the old "
        "painted sign above the door. Queues formed before seven, and the rye loaves were "
        "gone within the hour, to the owners' surprise.\n\n" + furniture,
        id="bakery",
    )
    # about half of each text is the shared furniture, as on real sites
    # (found as partial copies, below the share a whole copy has)
    index = SiblingIndex.build([first, second])
    assert _ids(index.query(first)) == ["bakery"]
    assert index.query(first)[0].containment < WHOLE_COPY
    # but a partial copy is evidence only for a block it has whole: nothing is reported
    for doc, other in ((first, second), (second, first)):
        assert [f.code for f in linter.check(doc, siblings=[other]) if f.code[:3] == "SIB"] == []
