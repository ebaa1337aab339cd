"""BPL001 and BPL002 on an invented page with furniture: whole lines only, deleted cleanly,
and the phrase tables are data a user pack extends."""

from __future__ import annotations

from conftest import FIXTURES, run_cli
from corpusmend import Linter

PAGE = (FIXTURES / "furniture" / "market-report.txt").read_text(encoding="utf-8")
FURNITURE = {
    ("BPL002", "Subscribe to The Valley Courier for FREE"),
    ("BPL001", "% of readers think this story is Fact. Add your two cents."),
    ("BPL001", "Advertisement"),
    ("BPL002", "Headline: Silver Coins Are Flying Off The Shelves!"),
    ("BPL001", "Story continues below"),
    ("BPL001", "Share this:"),
    ("BPL002", "Follow us on Twitter and Facebook"),
}
ARTICLE = (
    "Prices at the Tamsin wholesale market rose for a fourth week, traders said on Friday.\n\n"
    'Apples were up 18 percent on the month. "Read more about the frost in our archive," one '
    "trader joked, pointing at an empty crate.\n\n"
    "Pears held steady. Follow the river road north and you reach the packing sheds, where work "
    "has slowed.\nGrowers hope for help from the regional fund before spring.\n"
)


def test_every_furniture_line_and_nothing_else_is_flagged() -> None:
    found = Linter(select=["BPL"]).check(PAGE)
    assert {(f.code, PAGE[f.start : f.end]) for f in found} == FURNITURE
    assert len(found) == len(FURNITURE)


def test_fix_deletes_the_lines_and_closes_the_gaps() -> None:
    result = Linter(select=["BPL"]).fix(PAGE)
    assert result.text == ARTICLE
    assert result.remaining == ()
    assert Linter().check(result.text) == []  # no blank-line runs or other leftovers


def test_cli_fix_writes_the_cleaned_file(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    proc = run_cli("check", "--select", "BPL", "--fix", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_a_user_pack_extends_the_phrase_table(tmp_path) -> None:
    pack = tmp_path / "more-furniture.yaml"
    pack.write_text("data:\n  boilerplate_lines:\n    - Tap to read the full story\nrules: []\n")
    text = "The orchard sold out.\n\nTap to read the full story\n\nPrices rose."
    assert Linter(select=["BPL"]).check(text) == []
    (finding,) = Linter(rules=[pack], select=["BPL"]).check(text)
    assert (finding.code, text[finding.start : finding.end]) == (
        "BPL001",
        "Tap to read the full story",
    )
