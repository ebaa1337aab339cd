from __future__ import annotations

import pytest

from corpusmend.document import Document
from corpusmend.segmentation import Abbreviations, builtin_abbreviations


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [s.slice(text) for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ann Lee spoke. She left.", ["Dr. Ann Lee spoke.", "She left."]),
        ("The U.S. Senate met. It voted.", ["The U.S. Senate met.", "It voted."]),
        ("Growth was 3.5 percent. Rates fell.", ["Growth was 3.5 percent.", "Rates fell."]),
        (
            "It opened on Jan. 5 in town. Crowds came.",
            ["It opened on Jan. 5 in town.", "Crowds came."],
        ),
        (
            "J. R. Okafor chaired it. Nobody objected.",
            ["J. R. Okafor chaired it.", "Nobody objected."],
        ),
        (
            "MOSCOW, Sept. 14 (Wire) - Talks began. They ended.",
            ["MOSCOW, Sept. 14 (Wire) - Talks began.", "They ended."],
        ),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ('"Go home," she said. "Now!" He went.', ['"Go home," she said.', '"Now!"', "He went."]),
        ("It was said. to the council", ["It was said. to the council"]),
        ("See No. 5 for details. Then stop.", ["See No. 5 for details.", "Then stop."]),
    ],
)
def test_sentence_splitting_survives_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_split_on_blank_lines_and_trim() -> None:
    text = "  First para\nstill first.\n\n\n  Second.  \n \nThird."
    doc = Document(text)
    assert [p.slice(text) for p in doc.paragraphs] == [
        "First para\nstill first.",
        "Second.",
        "Third.",
    ]


def test_paragraphs_are_lines_when_no_blank_line() -> None:
    text = "One line.\nAnother line.\n"
    assert [p.slice(text) for p in Document(text).paragraphs] == ["One line.", "Another line."]


def test_quotations_curly_straight_nested_and_multi_paragraph() -> None:
    text = (
        'She said “it is ‘finished’ now.” He said "no."\n\n'
        "“First part of a long quote.\n\n“Second part.” The end. Don’t split here."
    )
    quotes = [q.slice(text) for q in Document(text).quotations]
    assert "“it is ‘finished’ now.”" in quotes
    assert "‘finished’" in quotes
    assert '"no."' in quotes
    assert any(q.startswith("“First part") and q.endswith("Second part.”") for q in quotes)
    assert not any("Don’t" in q and not q.startswith("“First") for q in quotes)


def test_line_index_maps_offsets_to_one_based_positions() -> None:
    doc = Document("ab\ncd\n\nef")
    assert doc.position(0) == (1, 1)
    assert doc.position(3) == (2, 1)
    assert doc.position(4) == (2, 2)
    assert doc.position(7) == (4, 1)
    assert doc.position(9) == (4, 3)


def test_structure_is_computed_once() -> None:
    doc = Document("A. B.")
    assert doc.sentences is doc.sentences


def test_line_spans_cut_where_split_on_line_feeds_does() -> None:
    for text in ("", "one", "one\ntwo", "one\r\n\ntwo\n", "\n\n", "a\n b \n"):
        doc = Document(text)
        assert [s.slice(text) for s in doc.line_spans] == text.split("\n")


def test_abbreviations_are_data_a_document_can_be_given() -> None:
    text = "The ship docked at Harbour Qy. Brennick in May. Crews left."
    builtin = Document(text)
    assert builtin.sentences[0].slice(text) == "The ship docked at Harbour Qy."
    tables = Abbreviations.from_data({"abbreviations": [*builtin_abbreviations().words, "Qy."]})
    assert "qy" in tables.words and "mr" in tables.words
    extended = builtin.with_abbreviations(tables)
    assert [s.slice(text) for s in extended.sentences] == [
        "The ship docked at Harbour Qy. Brennick in May.",
        "Crews left.",
    ]
    assert extended.abbreviation_before(text.index("Qy.") + 2)
    assert not builtin.abbreviation_before(text.index("May.") + 3)
    assert builtin.with_abbreviations(builtin_abbreviations()) is builtin  # caches kept


def test_abbreviation_tables_without_data_are_the_builtin_ones() -> None:
    assert Abbreviations.from_data({}) is builtin_abbreviations()
    assert Abbreviations.from_data({"outlets": {}}) is builtin_abbreviations()
    with pytest.raises(ValueError, match=r"data\.sentence_starters"):
        Abbreviations.from_data({"sentence_starters": "the"})
