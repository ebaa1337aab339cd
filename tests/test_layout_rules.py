"""FMT001-FMT004: fixes touch only the whitespace they flag, keep every word, and are idempotent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from corpusmend import Linter

LAYOUT = Linter(select=["FMT"])

# Texts made of words, spaces, tabs and the three line-ending styles.
pieces = st.lists(
    st.sampled_from(["harbour", "quay.", "Ann", "  ", " ", "\t", "\n", "\r\n", "\n\n\n", " \n"]),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(pieces)
def test_fixes_keep_the_words_and_are_idempotent(parts: list[str]) -> None:
    text = "".join(parts)
    result = LAYOUT.fix(text)
    assert result.text.split() == text.split()  # only whitespace changed
    assert LAYOUT.fix(result.text).text == result.text
    for finding in LAYOUT.check(text):
        flagged = text[finding.start : finding.end]
        assert flagged.strip() == "", (finding.code, flagged)
        for edit in finding.fix.edits:
            assert text[edit.start : edit.end].strip() == ""


def test_each_rule_on_one_text() -> None:
    text = "Ferry  crews will strike. \n\n\n\nThe union said so.\r\nTalks go on.\n"
    found = {(f.code, text[f.start : f.end]) for f in LAYOUT.check(text)}
    assert found == {
        ("FMT003", "  "),
        ("FMT001", " "),
        ("FMT002", "\n\n\n\n"),
        ("FMT004", "\r\n"),
    }
    assert all(f.severity == "info" for f in LAYOUT.check(text))
    assert LAYOUT.fix(text).text == "Ferry crews will strike.\n\nThe union said so.\nTalks go on.\n"


def test_cli_fix_rewrites_minority_line_endings_in_the_file(tmp_path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One line.\r\nTwo lines.\r\nThree lines.\nFour lines.\r\n")
    proc = run_cli("check", "--select", "FMT", "--fix", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_bytes() == b"One line.\r\nTwo lines.\r\nThree lines.\r\nFour lines.\r\n"
