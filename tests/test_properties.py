"""Property tests: invariants of the document model, the fix applier and the built-in rules
on arbitrary text. Bounded example counts keep CI fast; run with
HYPOTHESIS_PROFILE=long for a longer search."""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpusmend import Linter
from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.fixes import apply_edits, flagged_region

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LINTER = Linter()

# Text that looks like scraped prose: words, punctuation, quotes, newlines, odd characters.
PIECES = st.sampled_from(
    [
        "The",
        "council",
        "said",
        "U.S.",
        "Dr.",
        "Jan.",
        "3.5",
        "date 2019-05-02",
        "Published:",
        ".",
        ",",
        "!",
        "?",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "—",
        "â€™",
        "Ã©",
        "\u00ad",
        "\u200b",
        "\ufffd",
        "&amp;",
        "<br>",
        "\udc92",
        "\x00",
        "\x85",
        "said. to the",
        "Presstv Reported.",
        "Read more",
        "Advertisement",
        "ا",
        "\u0301",
        "\t",
    ]
)
PROSE = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@given(PROSE)
def test_structure_spans_are_ordered_and_inside_the_text(text: str) -> None:
    doc = Document(text)
    for spans in (doc.paragraphs, doc.sentences):
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for q in doc.quotations:
        assert 0 <= q.start < q.end <= len(text)
    for s in doc.sentences:
        assert any(p.start <= s.start and s.end <= p.end for p in doc.paragraphs)


@given(PROSE)
def test_findings_lie_inside_the_text_and_no_rule_crashes(text: str) -> None:
    findings = LINTER.check(text)
    assert [f for f in findings if f.code == "ERR001"] == []
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert (f.line, f.column) == Document(text).position(f.start)
        if f.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits)


@given(PROSE)
def test_checking_is_deterministic(text: str) -> None:
    assert LINTER.check(text) == LINTER.check(text)


@given(PROSE, st.booleans())
def test_fixing_is_idempotent(text: str, unsafe: bool) -> None:
    once = LINTER.fix(text, unsafe=unsafe)
    twice = LINTER.fix(once.text, unsafe=unsafe)
    assert twice.text == once.text
    assert twice.applied == ()


@given(PROSE)
@example("\x85&amp;â€™")  # an entity that completes a mojibake run: the fix rewrites the run
def test_a_fix_edits_only_the_span_it_flags(text: str) -> None:
    for f in LINTER.check(text):
        if f.fix:
            lo, hi = flagged_region(text, f.start, f.end)
            assert all(lo <= e.start <= e.end <= hi for e in f.fix.edits), f


EDITS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.text(max_size=3)), max_size=5)


@given(st.text(max_size=40), EDITS)
def test_apply_edits_matches_a_slice_model(text: str, raw: list[tuple[int, int, str]]) -> None:
    edits, taken = [], []
    for start, length, content in raw:
        start = min(start, len(text))
        end = min(start + length, len(text))
        if all(end <= a or start >= b for a, b in taken) and (start, end) not in taken:
            if start == end and any(a <= start <= b for a, b in taken):
                continue
            taken.append((start, end))
            edits.append(Edit(start, end, content))
    expected = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        expected = expected[: e.start] + e.content + expected[e.end :]
    assert apply_edits(text, edits) == expected
