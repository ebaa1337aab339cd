"""Shingle hashes: the words are the regex's `\\w+` runs of the case-folded text, whatever path
(the folding table, or `str.casefold` first) a text takes; equal words hash equally."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusmend.siblings.shingles import shingle_hashes, word_spans, words

_WORD = re.compile(r"\w+")

TEXTS = [
    "The ferry to Wren Island sails at 7:40, weather permitting.",
    "STRASSE and Straße: the folding of ß is two letters long.",
    "Ligatures ﬁle and ﬂow fold to two letters too; ΣΟΦΙΑ and σοφια are one word.",
    "An emoji 🚢 between words, and 𝐛𝐨𝐥𝐝 mathematical letters outside the BMP.",
    "snake_case_words, 42nd Street, ½ a mile, Ⅻ o'clock, ٣ in Arabic digits.",
    "Ｆｕｌｌｗｉｄｔｈ letters, İstanbul with a dotted capital, ǅ as a titlecase digraph.",
    "A lone surrogate \ud800 inside a scraped page.",
    "",
    "   \n\t ",
    "one",
]


def _expected_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text.casefold())]


def _spans(text: str) -> list[tuple[int, int]]:
    _, starts, ends = word_spans(text)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def test_words_are_the_regex_words_of_the_case_folded_text():
    for text in TEXTS:
        assert _spans(text) == _expected_spans(text), text


def test_every_basic_plane_character_is_classed_as_the_regex_classes_it():
    chars = "".join(chr(c) for c in range(0x10000))
    for at in range(0, len(chars), 4096):
        text = " ".join(chars[at : at + 4096])  # each character alone between spaces
        assert _spans(text) == _expected_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_words_match_the_regex_on_any_text(text):
    assert _spans(text) == _expected_spans(text)


def test_equal_words_hash_equally_and_case_and_punctuation_do_not_count():
    a = shingle_hashes("The harbour, “reopened” on Monday after repairs.", 3)
    b = shingle_hashes("the HARBOUR reopened on monday -- after repairs", 3)
    assert np.array_equal(a, b)
    hashes, _, _ = word_spans("rain Rain RAIN rains")
    assert hashes[0] == hashes[1] == hashes[2] != hashes[3]
    assert len(shingle_hashes("rain in spain stays mainly in the plain", 5)) == 4  # 8 words


def test_distinct_words_get_distinct_hashes():
    vocabulary = sorted({w for text in TEXTS for w in words(text)} | {f"w{i}" for i in range(5000)})
    hashes = np.concatenate([word_spans(w)[0] for w in vocabulary])
    assert len(hashes) == len(vocabulary)
    assert len(np.unique(hashes)) == len(vocabulary)


def test_few_words_give_one_shingle_and_no_words_none():
    assert len(shingle_hashes("just two", 5)) == 1
    assert len(shingle_hashes("... --- !!!", 5)) == 0
    assert shingle_hashes("", 5).dtype == np.uint32


def test_a_text_longer_than_the_kept_powers_hashes_its_words_as_a_short_one_does(monkeypatch):
    from corpusmend.siblings import shingles

    monkeypatch.setattr(shingles, "_KEPT_POWERS", 1 << 14)
    monkeypatch.setattr(shingles, "_POWERS", (np.ones(1, np.uint64), np.ones(1, np.uint64)))
    line = "The night ferry to Wren Island leaves at ten past eleven. "
    long_text = line * 2000  # 118,000 characters, past the kept powers
    hashes, _, _ = word_spans(long_text)
    short, _, _ = word_spans(line)
    assert np.array_equal(hashes[: len(short)], short)
    assert np.array_equal(hashes[-len(short) :], short)
    assert len(shingles._POWERS[0]) <= 1 << 14  # not kept
