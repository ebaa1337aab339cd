"""SPL001 (block spliced into a sentence) and SPL002 (sentence broken by a paragraph break),
end to end on invented articles: findings, spans, values for the sibling rules, and fixes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from corpusmend import Linter
from corpusmend.shapes.splice_place import speaker

SPLICES = FIXTURES / "splices"


@pytest.fixture(scope="module")
def spl_att() -> Linter:
    return Linter(select=["SPL", "ATT"])


def read(name: str) -> str:
    return (SPLICES / name).read_text(encoding="utf-8")


def test_spliced_quotation_with_glued_rest_is_found_with_its_offsets(spl_att: Linter) -> None:
    text = read("ferry-spliced.txt")
    findings = spl_att.check(text)
    assert [f.code for f in findings] == ["SPL001", "ATT002"]
    splice, dangling = findings
    block = text[splice.data["block_start"] : splice.data["block_end"]]
    assert block.startswith("“Both ramps were tested")
    assert block.endswith("the harbour master said.")
    assert text[: splice.data["break_at"]].endswith("repair invoices")
    rest = text[splice.data["continuation_start"] : splice.data["continuation_end"]]
    assert rest.startswith("to the maritime safety agency")
    assert rest.endswith("before the first crossing.")
    # the finding covers the block and the resumed end of the broken sentence
    assert splice.start == splice.data["block_start"]
    assert splice.end == splice.data["continuation_end"]
    assert splice.severity == dangling.severity == "error"
    assert splice.fix is not None and splice.fix.applicability == "unsafe"
    assert text[dangling.start : dangling.end] == "the harbour master said. to"
    assert dangling.fix is None  # the splice's fix repairs it: no double fix


def test_unsafe_fix_rejoins_the_sentence_and_moves_the_block_after_it(tmp_path: Path) -> None:
    target = tmp_path / "ferry.txt"
    shutil.copy(SPLICES / "ferry-spliced.txt", target)
    result = run_cli("check", "--select", "SPL,ATT", "--fix", "--unsafe-fixes", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == read("ferry-spliced.fixed.txt")


def test_safe_fix_leaves_a_splice_alone(tmp_path: Path) -> None:
    target = tmp_path / "ferry.txt"
    shutil.copy(SPLICES / "ferry-spliced.txt", target)
    result = run_cli("check", "--select", "SPL,ATT", "--fix", "--format", "json", str(target))
    assert result.returncode == 1
    codes = [f["code"] for f in json.loads(result.stdout)["documents"][0]["findings"]]
    assert codes == ["SPL001", "ATT002"]
    assert target.read_text(encoding="utf-8") == read("ferry-spliced.txt")


def test_broken_paragraph_is_joined_by_the_unsafe_fix(tmp_path: Path) -> None:
    target = tmp_path / "library.txt"
    shutil.copy(SPLICES / "library-broken.txt", target)
    result = run_cli("check", "--select", "SPL,ATT", str(target))
    assert result.returncode == 1
    assert (
        "SPL002 [**] error: sentence broken by a paragraph break: 'annual' / 'budget'"
        in result.stdout
    )
    result = run_cli("check", "--select", "SPL,ATT", "--fix", str(target))
    assert target.read_text(encoding="utf-8") == read("library-broken.txt")  # not safe
    result = run_cli("check", "--select", "SPL,ATT", "--fix", "--unsafe-fixes", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == read("library-broken.fixed.txt")


def test_lists_verse_bylines_and_abbreviations_are_not_splices(spl_att: Linter) -> None:
    assert spl_att.check(read("layout-clean.txt")) == []


@pytest.mark.parametrize(
    "text",
    [
        # hard-wrapped text breaks every line mid-sentence on purpose
        "The survey of the northern valleys began in April\nand covered eleven villages along\n"
        "the river, from the lake down to\nthe sea, in less than two months\nof steady work.\n",
        # a heading, then a paragraph; then a caption-like line in lower case
        "Bridge Repairs Begin in the Spring\n\nWork starts in April.\n\nphoto: city archive\n",
        # a lead-in ending with a colon
        "The mayor listed the three projects the city would fund this year:\n\n"
        "a new footbridge, a cycle lane and a playground.\n",
        # an unpunctuated name list inside a sentence
        "The prize went to three of the\n\nLindqvist Brothers\n\nHolm Sisters\n\n"
        "were not invited this time.\n",
        # lower case after an abbreviation is not the rest of a broken sentence
        "The hearing was adjourned until the spring and\n\nIt resumed at 9 a.m. on Monday, "
        "after the judge returned.\n\nvs. the prior schedule it was early.\n",
    ],
)
def test_deliberate_layouts_are_left_alone(spl_att: Linter, text: str) -> None:
    assert [f.code for f in spl_att.check(text)] == []


def test_own_paragraph_continuation_and_values(spl_att: Linter) -> None:
    text = (
        "Volunteers from the sailing club counted the seals on the sandbank, which took\n\n"
        "The count is held every year. It began in 1987.\n\n"
        "“We saw more pups than ever,” one counter said.\n\n"
        "most of the afternoon and part of the evening.\n\n"
        "The results go to the university."
    )
    (splice,) = spl_att.check(text)
    assert splice.code == "SPL001"
    assert text[splice.start : splice.end].startswith("The count is held")
    assert text[splice.start : splice.end].endswith("part of the evening.")
    fixed = spl_att.fix(text, unsafe=True).text
    assert fixed == (
        "Volunteers from the sailing club counted the seals on the sandbank, which took most of"
        " the afternoon and part of the evening.\n\nThe count is held every year. It began in"
        " 1987.\n\n“We saw more pups than ever,” one counter said.\n\nThe results go to the"
        " university."
    )
    assert spl_att.fix(fixed, unsafe=True).text == fixed


SPL001_ONLY = Linter(select=["SPL001"])
BEFORE = "The ferry to Quillon ran late all week while the harbour board argued about the pier."
DREDGING = (
    "The board also voted to pay for dredging the channel, which has silted up since the"
    " spring storms."
)
LEAD = "The harbour board of Quillon voted on Monday to close the north pier for repairs."


def _repaired(*paras: str) -> str:
    return SPL001_ONLY.fix("\n\n".join(paras), unsafe=True).text


SPLICED = "The closure will last until the end of September, the board said on Monday."


def _interrupted(quote: str) -> list[str]:
    """SPLICED with `quote` spliced in before "until the end", as paragraphs."""
    head, tail = SPLICED.split(" until the end")
    return [head, quote, "until the end" + tail]


def test_a_quotation_by_surname_goes_after_the_paragraph_that_names_the_speaker() -> None:
    # nothing before the rejoined sentence names Vail; the quotation goes after the paragraph
    # that introduces him in full, not right after the sentence it interrupted
    vail = "Oren Vail, an engineer who has studied the pier for a decade, backed the decision."
    quote = "“The pilings are rotten below the waterline and cannot wait,” Vail said."
    clean = "\n\n".join([LEAD, SPLICED, DREDGING, vail, quote, BEFORE])
    assert _repaired(LEAD, *_interrupted(quote), DREDGING, vail, BEFORE) == clean
    # named before the sentence it interrupted: the quotation stays right after the sentence
    named = "\n\n".join([vail, LEAD, SPLICED, quote, DREDGING, BEFORE])
    assert _repaired(vail, LEAD, *_interrupted(quote), DREDGING, BEFORE) == named


def test_a_quotation_goes_where_a_later_line_announces_one() -> None:
    # "...wrote on Saturday:" and no quotation after it: the missing quotation is this one;
    # a heading with a colon ("Related Stories:") announces none
    intro = "The harbour master wrote to the town's fishers on Saturday:"
    quote = "“Please move your boats to the south quay before the first of the month.”"
    clean = "\n\n".join([LEAD, SPLICED, DREDGING, intro, quote, BEFORE])
    assert _repaired(LEAD, *_interrupted(quote), DREDGING, intro, BEFORE) == clean
    related = [LEAD, *_interrupted(quote), DREDGING, "Related Stories:", BEFORE]
    expected = [LEAD, SPLICED, quote, DREDGING, "Related Stories:", BEFORE]
    assert _repaired(*related) == "\n\n".join(expected)


@pytest.mark.parametrize(
    ("block", "name"),
    [
        ("“The pilings are rotten,” Vail said.", "Vail"),
        ("“The pilings are rotten,” said Oren Vail, an engineer.", "Vail"),
        ("“The pilings are rotten,” said Sen. Ada Brask, who chairs the board.", "Brask"),
        ("“The pilings are rotten,” Dr. Vail told the board.", "Vail"),
        ("“The pilings are rotten,” he said.", None),
        ("“The pilings are rotten.”", None),
    ],
)
def test_the_speaker_a_quotation_names(block: str, name: str | None) -> None:
    assert speaker(block) == name
