"""Gates are exact: a rule skipped because its gate found nothing would have found nothing.

Every built-in rule runs gated and ungated on generated texts (hypothesis, from pieces that
make each rule fire and the characters the gates' classes are written around) and on the real
corpora in ../shared (skipped when absent); the findings must be the same. The classes the gates
share are checked against every code point.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusmend import Linter
from corpusmend.document import Document
from corpusmend.gates import (
    CASE_TRAPS,
    FOLDS_TO_ASCII,
    MAYBE_LOWER,
    REGEX_SPACE,
    literal_prefix_gate,
)

GATED = Linter(ignore=["SIB"])
UNGATED = Linter(ignore=["SIB"], gated=False)
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

# Pieces that make the built-in rules fire, and characters at the edges of the gates' classes.
PIECES = [
    *["The mayor said", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2003"],
    *[". ", ".  ", "! ", "? ", "” ", "’ ", "“", '"', "'", ",", " to the river", " and the"],
    *["a.m. on", "U.S. officials", "Mr. smith", "she said. to the ", "Presstv Reported.", "Said"],
    *["According to Aljazeera", ", Deutsche Wele reported.", "Reuters Said.", "ſaid", "İ", "ı"],
    *["K", "ẞ", "ß", "ⓐ", "ª", "\u0345", "é", "É", "Ã©", "â€™", "Œ", "œ", "Â ", "\x85", "\x93"],
    *["\udc92", "\udce9", "\ufffd", "\x0b", "\x1b[0m", "\u200b", "\u00ad", "&amp;", "&#8217;"],
    *["<br>", "</p>", "Advertisement", "Read more", "Share this", "By Ann Lee", "date 2020-01-01"],
    *["Follow us on Twitter", "Copyright © 2020 Courier", "12 Comments", "https://x.org", "—"],
    *["the council voted", "Officials had promised the", "In Harwick", "x" * 30, "9"],
    *["• ", "| ", " · ", "Share on Facebook", "SHARE", "ſhare", "Pin it", "Email this", ":"],
    *["Filed under: Farms", "ﬁled under: x", "Related stories", "Tweet", "E-mail", "(c) 2020"],
    *["&", "AT&T", "Q&A ", "&#x2019;", "&#X41;", "&nbsp;", "&nbsp", "&bogus;", "&#", "&x1;"],
]


@pytest.fixture(autouse=True)
def _furniture_gates_from_the_first_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run builds its furniture gates only after 10,000 lines; here they run from the start."""
    from corpusmend.shapes import furniture

    monkeypatch.setattr(furniture, "GATE_AFTER_LINES", 0)


def _same(text: str) -> None:
    assert GATED.check(text) == UNGATED.check(text), repr(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_gated_and_ungated_find_the_same_on_generated_texts(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_gated_and_ungated_find_the_same_on_any_characters(text: str) -> None:
    _same(text)


def test_every_builtin_rule_case_fires_through_its_gate() -> None:
    """The rules' own test cases (each one fires where it should) agree gated and ungated."""
    for rule in GATED.rules:
        for case in rule.tests:
            _same(case.text)


@functools.cache
def _real_texts() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.corpora import real_corpora, with_mojibake

    texts = [t for c in real_corpora([], "text") for t in c.texts]
    return texts + with_mojibake(texts, every=3)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real corpora (../shared) are absent")
def test_gated_and_ungated_find_the_same_on_real_corpora() -> None:
    texts = _real_texts()
    assert texts
    for text in texts:
        _same(text)


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_the_gates_pass_tells_the_document_whether_it_holds_a_case_trap(text: str) -> None:
    doc = Document(text)
    GATED.runnable(doc)
    assert "case_traps" in doc._memo  # answered by the gates' pass, not searched again
    assert doc.case_traps() == (re.search(CASE_TRAPS, text) is not None)


def test_maybe_lower_holds_every_lower_case_letter() -> None:
    """What str.islower and regex's \\p{Ll} accept, whatever Unicode version each knows."""
    maybe = re.compile(MAYBE_LOWER)
    ll = regex.compile(r"\p{Ll}")
    for code in range(0x110000):
        char = chr(code)
        if char.islower() or ll.match(char):
            assert maybe.match(char), hex(code)


def test_white_space_of_regex_is_white_space_of_re() -> None:
    """The gates use re's \\s (str.isspace) for the kinds' regex \\s: it must hold it."""
    space = regex.compile(r"\s")
    for code in range(0x110000):
        if space.match(chr(code)):
            assert re.match(r"\s", chr(code)), hex(code)


def test_gate_of_a_pattern_is_read_off_its_start() -> None:
    assert literal_prefix_gate(r"(?<=\S) {2,}(?=\S)", plain=True) == re.escape("  ")
    assert literal_prefix_gate(r"foo\d+", plain=True) == "foo"
    assert literal_prefix_gate(r"[\ud800-\udfff]+", plain=True) == "[\\U0000d800-\\U0000dfff]"
    for undecidable in (r"\s+$", r"(?i)foo", r"[[:alpha:]]x", r"x*", r"(a|b)c", r"\p{L}"):
        assert literal_prefix_gate(undecidable, plain=True) is None, undecidable
    assert literal_prefix_gate("foo", plain=False) is None  # flags: not derived


def _pack(tmp_path: Path, params: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "pack: mine\nrules:\n  - code: ACME001\n    name: my-rule\n    kind: pattern\n"
        "    severity: warning\n    message: found '{match}'\n    description: a test rule\n"
        f"    params: {params}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.filterwarnings("ignore::corpusmend.errors.RulePackWarning")
def test_a_user_pattern_without_a_derivable_gate_runs_ungated(tmp_path: Path) -> None:
    linter = Linter(rules=[_pack(tmp_path, r"{pattern: '\w+ed\b', flags: [IGNORECASE]}")])
    rule = linter.rule("ACME001")
    assert rule is not None and rule.kind.gate() is None
    text = "The ferry SAILED on time."
    assert [f.code for f in linter.check(text) if f.code == "ACME001"] == ["ACME001"]


@pytest.mark.filterwarnings("ignore::corpusmend.errors.RulePackWarning")
def test_a_user_pattern_gets_a_derived_or_declared_gate(tmp_path: Path) -> None:
    derived = Linter(rules=[_pack(tmp_path, "{pattern: 'TODO: .*'}")]).rule("ACME001")
    assert derived is not None and derived.kind.gate().patterns == (re.escape("TODO: "),)
    declared = Linter(rules=[_pack(tmp_path, r"{pattern: '\w+!!', gate: '!!'}")])
    assert declared.rule("ACME001").kind.gate().patterns == ("!!",)
    assert [f.code for f in declared.check("Stop!! now") if f.code == "ACME001"] == ["ACME001"]
    assert not [f for f in declared.check("Stop now.") if f.code == "ACME001"]


def test_builtin_packs_are_valid_without_being_checked_at_every_start() -> None:
    """Loading skips the schema for the built-in packs (jsonschema is slow to import): this is
    where they are checked, pack and params."""
    import jsonschema

    from corpusmend.builtin_rules import builtin_rules_dir
    from corpusmend.kinds import get_kind
    from corpusmend.ruleset.schema import PACK_SCHEMA
    from corpusmend.ruleset.yaml_lines import load_yaml

    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        pack = load_yaml(path)
        jsonschema.validate(pack, PACK_SCHEMA, cls=jsonschema.Draft202012Validator)
        for rule in pack["rules"]:
            schema = get_kind(rule["kind"]).params_schema
            jsonschema.validate(rule.get("params", {}), schema)


def test_lower_case_is_what_case_insensitive_matching_sees_but_for_the_traps() -> None:
    """Gates search the lower-cased text for ASCII words: every character that regex or re
    matches with an ASCII letter case-insensitively lower-cases to it, keeps the text's length,
    and case-folds to ASCII only if it is ASCII, or else it is a trap (the gate then opens)."""
    traps = re.compile(CASE_TRAPS)
    folds = re.compile(FOLDS_TO_ASCII)
    letter = regex.compile(r"(?i)[a-z]")
    for code in range(0x80, 0x110000):
        char = chr(code)
        if traps.match(char):
            continue
        assert len(char.lower()) == 1, hex(code)
        if letter.match(char) or re.match(r"(?i)[a-z]", char):
            assert char.lower().isascii(), hex(code)
        if any(c.isascii() for c in char.casefold()):
            assert folds.match(char), hex(code)


def test_furniture_line_gates_are_derived_for_the_builtin_tables() -> None:
    for code in ("BPL001", "BPL002"):
        assert GATED.rule(code).kind.furniture.line_gate is not None, code


def test_builtin_packs_parsed_once_are_read_back_the_same(tmp_path: Path, monkeypatch) -> None:
    """Start-up keeps the parsed built-in packs in the user's cache: what comes back from it
    builds the same rules, down to their lines and test cases."""
    from corpusmend.ruleset import pack_cache
    from corpusmend.ruleset.loader import load_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pack_cache, "_memory", {})
    parsed = load_rules()
    assert list((tmp_path / "corpusmend").glob("builtin-packs-*.pickle"))
    monkeypatch.setattr(pack_cache, "_memory", {})
    cached = load_rules()
    assert pack_cache._memory  # read from the file
    assert [(r.code, r.line, r.params, r.tests) for r in cached] == [
        (r.code, r.line, r.params, r.tests) for r in parsed
    ]


def test_regex_space_is_regex_white_space() -> None:
    ours = re.compile(f"[{REGEX_SPACE}]")
    space = regex.compile(r"\s")
    for code in range(0x110000):
        assert bool(ours.match(chr(code))) == bool(space.match(chr(code))), hex(code)


@pytest.mark.filterwarnings("ignore::corpusmend.errors.RulePackWarning")
def test_test_rules_fails_a_gate_that_hides_a_finding(tmp_path: Path) -> None:
    from corpusmend.ruleset.loader import load_rules
    from corpusmend.ruleset.testing import run_rule_tests

    path = _pack(tmp_path, r"{pattern: '\w+!!', gate: '\?\?'}")
    path.write_text(
        path.read_text(encoding="utf-8")
        + "    tests:\n      - text: 'Stop!! now'\n        expect: [ACME001]\n"
        "      - text: 'Stop now.'\n        expect: none\n",
        encoding="utf-8",
    )
    rules = load_rules([path], builtin=False)
    [report] = run_rule_tests(rules, rules)
    assert any("gate hides ACME001" in f for f in report.failures), report.failures


def _every_paragraph_splices(doc, max_block: int = 4, min_words: int = 2) -> list:
    """find_splices as it was: every paragraph tried as the broken one."""
    from corpusmend.shapes import splices
    from corpusmend.shapes.broken_sentences import laid_out_in_lines

    paras = doc.paragraphs
    if not splices._may_splice(doc) or laid_out_in_lines(doc):
        return []
    found, i = [], 0
    while i < len(paras) - 1:
        splice = splices._splice_after(doc, i, max_block, min_words)
        if splice is None:
            i += 1
            continue
        found.append(splice)
        i = next(k for k, p in enumerate(paras) if p.end >= splice.continuation_end) + 1
    return found


SPLICE_PIECES = [
    *["Officials had promised the", "\n\n", "\n", "“We will rebuild,” the mayor said.", " "],
    *["to the residents of the lower town by Friday.", "The council met again.", ". to the "],
    *["said. and then", "In Harwick", "the vote", "Mr. Lee", "U.S. officials", "ⓐ", "\u1c8a"],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPLICE_PIECES), max_size=30).map("".join))
def test_splices_are_looked_for_only_where_they_can_resume(text: str) -> None:
    from corpusmend.document import Document
    from corpusmend.shapes.splices import _find_splices

    assert _find_splices(Document(text), 4, 2) == _every_paragraph_splices(Document(text))
    assert _find_splices(Document(text), 1, 4) == _every_paragraph_splices(Document(text), 1, 4)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real corpora (../shared) are absent")
def test_splices_on_real_corpora_are_those_every_paragraph_gives() -> None:
    from corpusmend.document import Document
    from corpusmend.shapes.splices import _find_splices

    for text in _real_texts():
        assert _find_splices(Document(text), 4, 2) == _every_paragraph_splices(Document(text))


class _Always:
    def may_match(self, lowered: str) -> bool:
        return True


def _top_matter_everywhere(texts: list[str]) -> None:
    """HDR002 calls every line pattern where its precheck would have spared the call."""
    rule = GATED.rule("HDR002")
    only = Linter.from_rules([rule], GATED.all_rules)
    fast = [only.check(t) for t in texts]
    kept = rule.kind._prechecks
    rule.kind.__dict__["_prechecks"] = [_Always()] * len(kept)
    try:
        assert [only.check(t) for t in texts] == fast
    finally:
        rule.kind.__dict__["_prechecks"] = kept


HEADER_PIECES = [
    *["By Ann Lee", "BY ANN LEE", "by: Mira Vantreck", "Written by Ann Lee", "Posted on ", "by "],
    *["Jun 14, 2008", "14 June 2008", "2008-06-14", " — ", " - ", "Posted by admin", "\n", "\n\n"],
    *["Authored by Ann Lee via Courier", "Story By Ann", "The council voted.", "İ", "ſ", ", "],
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(HEADER_PIECES), max_size=12).map("".join), max_size=6))
def test_top_matter_prechecks_spare_only_calls_that_cannot_match(texts: list[str]) -> None:
    _top_matter_everywhere(texts)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real corpora (../shared) are absent")
def test_top_matter_prechecks_on_real_corpora() -> None:
    _top_matter_everywhere(_real_texts())


def _furniture_everywhere(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """BPL001 and BPL002 on the lines their gate finds find what they find on every line, and
    TRN001, which asks the gate before it skips a last line of furniture, what it finds without."""
    from corpusmend.kinds import phrase_lines
    from corpusmend.shapes.furniture import FurnitureLines

    codes = ("BPL001", "BPL002", "TRN001")
    only = Linter.from_rules([GATED.rule(c) for c in codes], GATED.all_rules)
    fast = [only.check(t) for t in texts]
    with monkeypatch.context() as patch:
        patch.setattr(phrase_lines, "gated_lines", lambda gate, doc: None)
        patch.setattr(FurnitureLines, "matches_line", FurnitureLines.matches)
        assert [only.check(t) for t in texts] == fast


FURNITURE_PIECES = [
    *PIECES,
    *["Advertisement", "Read More @ Courier.com", "Share this: Reddit", "Facebook | Twitter"],
    *["• Share", "Sign up for our daily briefing", "Copyright © 2019 Courier.", "Spread the word!"],
    *["3 Comments »", "(To support us Click Here)", "Like this: Like Loading...", "  Related  "],
    *["“Read more”", "Continue reading →", "READ MORE:", "Share\u00a0this", "Read  more"],
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FURNITURE_PIECES), max_size=25).map("".join), max_size=6))
def test_furniture_is_looked_for_only_on_gated_lines(texts: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _furniture_everywhere(texts, monkeypatch)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real corpora (../shared) are absent")
def test_furniture_on_real_corpora_is_looked_for_only_on_gated_lines(monkeypatch) -> None:
    _furniture_everywhere(_real_texts(), monkeypatch)


@pytest.mark.filterwarnings("ignore::corpusmend.errors.RulePackWarning")
def test_a_declared_gate_with_flags_is_searched_on_its_own(tmp_path: Path) -> None:
    linter = Linter(rules=[_pack(tmp_path, "{pattern: 'Q+', gate: '(?i)q'}")])
    assert [f.code for f in linter.check("It says QQ.") if f.code == "ACME001"] == ["ACME001"]


def test_a_workers_copy_of_the_linter_keeps_its_gates() -> None:
    # workers and Ray tasks get the linter pickled (engines/base.py LinterSpec): the copy must
    # skip the rules whose gate did not open, as the original does, not run them all
    import pickle

    linter = Linter()
    copy = pickle.loads(pickle.dumps(linter))
    doc = Document(
        id="clean",
        text="The library opens at nine on weekdays.\n\nIts new reading room has forty seats.\n",
    )
    runnable = [r.code for r in linter.runnable(doc)]
    assert len(runnable) < len(linter.rules), "a clean page opens only some gates"
    assert [r.code for r in copy.runnable(doc)] == runnable


def test_a_short_run_builds_no_furniture_gate_and_a_long_one_does() -> None:
    from corpusmend.shapes import furniture

    furniture.GATE_AFTER_LINES = 50  # the fixture restores it
    linter = Linter(select=["BPL001"])
    lines = linter.rule("BPL001").kind.furniture
    page = "The ferry left at noon.\nAdvertisement\nIt reached the island by two.\n"
    first = linter.check(page)
    assert [f.code for f in first] == ["BPL001"]
    assert "line_gate" not in vars(lines)  # three lines looked at: no gate built
    for _ in range(20):
        assert linter.check(page) == first
    assert vars(lines)["line_gate"] is not None  # built once 50 lines were looked at
