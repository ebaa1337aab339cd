"""The corpus view: one index query per document serves its siblings, its group and its
cache key; line counts and groups are the same whoever asks first."""

from __future__ import annotations

from siblings_texts import FERRY, LIBRARY, article

from corpusmend.document import Document
from corpusmend.passes.build import view_of_index
from corpusmend.siblings.index import SiblingIndex


def _corpus() -> list[Document]:
    return [
        Document(article(*LIBRARY), id="full"),
        Document(article(*LIBRARY[:-1]), id="cut"),
        Document(article(*LIBRARY[1:]), id="headless"),
        Document(article(*FERRY), id="ferry"),
        Document(article(*FERRY[:-1]), id="ferry-cut"),
        Document("A note on nothing in particular.", id="alone"),
    ]


def test_each_document_is_queried_once_for_its_siblings_group_and_cache_key():
    docs = _corpus()
    index = SiblingIndex.build(docs)
    asked: list[str] = []
    query = index.query_more

    def counted(doc, *args, **kwargs):
        asked.append(doc.id)
        return query(doc, *args, **kwargs)

    index.query_more = counted  # type: ignore[method-assign]
    view = view_of_index({"line-stats"}, index)
    for doc in docs:
        key = view.context(doc).fingerprint()  # what the cache keys the document on
        assert view.context(doc).fingerprint() == key  # then what its check reads
    assert sorted(asked) == sorted(d.id for d in docs)
    assert view.group_of(docs[0]) == view.group_of(docs[1]) == view.group_of(docs[2])
    assert view.group_of(docs[3]) == view.group_of(docs[4]) != view.group_of(docs[0])
    assert view.group_of(docs[5]) == "alone"
    assert [d.id for d in view.context(docs[1]).siblings][:1] == ["full"]


def test_an_edited_document_is_queried_again_not_served_its_old_context():
    docs = _corpus()
    view = view_of_index({"siblings"}, SiblingIndex.build(docs))
    before = view.context(docs[0])
    edited = Document(article(*FERRY), id="full")  # same identity, another text
    assert [d.id for d in view.context(edited).siblings] != [d.id for d in before.siblings]


def test_each_context_gets_its_own_alignment_store():
    docs = _corpus()
    view = view_of_index({"siblings"}, SiblingIndex.build(docs))
    assert view.context(docs[0]).alignments is not view.context(docs[0]).alignments


def test_a_document_the_index_does_not_hold_gets_its_siblings_and_no_group():
    docs = _corpus()
    view = view_of_index({"siblings"}, SiblingIndex.build(docs[1:]))
    newcomer = docs[0]  # a file added since the index was built, or standard input
    assert {d.id for d in view.context(newcomer).siblings} == {"cut", "headless"}
    assert view.group_of(newcomer) == "full"  # its own: groups are of indexed documents
