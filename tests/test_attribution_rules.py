"""ATT001 (mangled attribution) and ATT002 (dangling attribution), end to end: outlets are data
that user packs extend, the fix is safe only when one canonical name fits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from corpusmend import Linter

SPLICES = FIXTURES / "splices"


def user_pack(tmp_path: Path, outlets: str) -> Path:
    pack = tmp_path / "outlets.yaml"
    pack.write_text(f"pack: my-outlets\ndata:\n  outlets:\n{outlets}rules: []\n", encoding="utf-8")
    return pack


def test_tacked_on_attribution_is_repaired_by_the_safe_fix(tmp_path: Path) -> None:
    target = tmp_path / "wetland.txt"
    shutil.copy(SPLICES / "wetland-attribution.txt", target)
    result = run_cli("check", str(target))
    assert result.returncode == 1
    assert (
        "1:88: ATT001 [*] error: mangled attribution 'Presstv Reported' "
        "(should be 'Press TV reported')" in result.stdout
    )
    result = run_cli("check", "--fix", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    expected = (SPLICES / "wetland-attribution.fixed.txt").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == expected


def test_user_pack_extends_the_outlet_table(tmp_path: Path) -> None:
    pack = user_pack(tmp_path, "    Harbour Gazette: [Harbor Gazette]\n")
    text = "The toll will rise in May, Harbor Gazette reported. Drivers were not surprised."
    assert Linter(select=["ATT"]).check(text) == []
    linter = Linter(rules=[pack], select=["ATT"])
    (finding,) = linter.check(text)
    assert finding.code == "ATT001"
    assert linter.fix(text).text == text.replace("Harbor Gazette", "Harbour Gazette")
    # a run-together multi-word name is a variant without being listed
    run_together = "The toll will rise in May, HarbourGazette Reported. Drivers shrugged."
    assert linter.fix(run_together).text == (
        "The toll will rise in May, Harbour Gazette reported. Drivers shrugged."
    )


def test_ambiguous_variant_gets_a_display_fix_only(tmp_path: Path) -> None:
    pack = user_pack(tmp_path, "    Press TV Weekly: [Presstv]\n")
    linter = Linter(rules=[pack], select=["ATT"])
    text = "The port will stay shut until June, Presstv Reported. Ships wait offshore."
    (finding,) = linter.check(text)
    assert finding.fix is not None and finding.fix.applicability == "display"
    assert "Press TV or Press TV Weekly" in finding.message
    assert linter.fix(text, unsafe=True).text == text


def test_bad_outlet_table_is_a_clear_error(tmp_path: Path) -> None:
    pack = user_pack(tmp_path, "    Harbour Gazette: just-a-string\n")
    result = run_cli("check", "--rules", str(pack), str(SPLICES / "wetland-attribution.txt"))
    assert result.returncode == 2
    assert "ATT001" in result.stderr and "outlets" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Press TV reports: the port reopened on Monday after three weeks.",
        "The port reopened on Monday, Al Jazeera reported, citing officials.",
        "According to the Associated Press, the port reopened on Monday.",
        "Port Reopens After Three Weeks, Reuters Reports\n\nThe port reopened.",
        "CNN Reports\n\nThe port reopened on Monday after three weeks.",
        "The deal was signed, the minister said, and the port will reopen.",
        "The minister told Reuters the port would reopen. She gave no date.",
        "The boy's guardian said the school had not been told about the move.",
        "The first sputnik reported its position by radio every few seconds.",
    ],
)
def test_correct_attributions_and_headlines_are_left_alone(text: str) -> None:
    assert Linter(select=["ATT"]).check(text) == []


def test_dangling_attribution_outside_a_splice_has_no_fix() -> None:
    text = (
        "The vote was held on Tuesday.\n\n"
        "“We will keep the library open,” the mayor said. to the surprise of the council, "
        "which had expected cuts.\n"
    )
    linter = Linter(select=["SPL", "ATT"])
    (finding,) = linter.check(text)
    assert finding.code == "ATT002"
    assert text[finding.start : finding.end] == "the mayor said. to"
    assert finding.fix is None


def test_dangling_attribution_goes_away_with_the_splice_fix() -> None:
    text = (SPLICES / "ferry-spliced.txt").read_text(encoding="utf-8")
    linter = Linter(select=["SPL", "ATT"])
    assert [f.code for f in linter.check(text)] == ["SPL001", "ATT002"]
    result = linter.fix(text, unsafe=True)
    assert [f.code for f in result.applied] == ["SPL001"]
    assert result.remaining == ()
