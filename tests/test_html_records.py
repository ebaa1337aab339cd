"""The HTML report's data, without a browser: offsets the page can slice, aligned paragraphs."""

from __future__ import annotations

import base64
import json
import shutil
import zlib
from pathlib import Path

from conftest import ROOT, run_cli
from corpusmend import Document, Linter
from corpusmend.formatters.html.page import pack
from corpusmend.formatters.html.records import common_folder, display_text, utf16_offsets
from corpusmend.formatters.html.sibling_view import counterpart, paragraph_rows, sibling_views
from corpusmend.siblings.align import align

MOVED = "A quay will open in spring after two years of building work."
STORY = [
    "The harbour board met on Monday to plan the new season of ferry crossings.",
    "Ships waited outside the breakwater for most of the morning while the tide turned.",
    MOVED,
    "Pilots said the channel had silted up again and would need dredging by the summer.",
    "Fishermen asked for more berths on the inner wall before the herring arrive.",
]


def js_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) gives (UTF-16 code units)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def test_offsets_are_utf16_code_units_past_astral_characters() -> None:
    text = "Boats 🎣 came home; 🌊 rose. Advertisement"
    at = utf16_offsets(text)
    start = text.index("Advertisement")
    assert js_slice(text, at(start), at(len(text))) == "Advertisement"
    assert at(text.index("came")) == text.index("came") + 1
    assert utf16_offsets("plain")(3) == 3


def test_bytes_that_were_not_utf8_show_as_one_replacement_character_each() -> None:
    raw = b"caf\xe9 au lait".decode("utf-8", "surrogateescape")
    shown = display_text(raw)
    assert shown == "caf\ufffd au lait" and len(shown) == len(raw)
    record = json.loads(zlib.decompress(base64.b64decode(pack({"text": raw}))))
    assert record == {"text": shown}


def test_packing_is_deterministic_with_sorted_keys() -> None:
    assert pack({"b": 1, "a": [2, "é"]}) == pack({"a": [2, "é"], "b": 1})


def test_lists_name_documents_after_their_common_folder() -> None:
    assert common_folder(["/c/news/a.txt", "/c/news/b/x.txt"]) == "/c/news/"
    assert common_folder(["/c/newsroom/a.txt", "/c/news/b.txt"]) == "/c/"
    assert common_folder(["news.jsonl[1]", "news.jsonl[2]"]) == ""


def test_a_moved_paragraph_stands_at_its_place_in_each_text() -> None:
    doc = "\n\n".join(STORY)
    sibling = "\n\n".join([STORY[0], STORY[1], STORY[3], STORY[4], MOVED])
    al = align(doc, sibling)
    rows = paragraph_rows(al)
    left = [doc[a[0] : a[1]] for a, _ in rows if a]
    right = [sibling[b[0] : b[1]] for _, b in rows if b]
    assert left == STORY and right == sibling.split("\n\n")  # every paragraph once, in order
    moved_rows = [k for k, (a, b) in enumerate(rows) if MOVED in (doc[a[0] : a[1]] if a else "")]
    there = [k for k, (a, b) in enumerate(rows) if b and sibling[b[0] : b[1]] == MOVED]
    assert moved_rows != there  # drawn at both places, on different rows
    start = doc.index(MOVED)
    span = counterpart(al, start, start + len(MOVED))
    assert span is not None and sibling[span[0] : span[1]] == MOVED


def test_a_sib_finding_without_a_fix_still_names_its_sibling() -> None:
    story = "\n\n".join(STORY)
    doc = "Image 3 of 9\n\n" + story
    wire = Document(story, id="wire", path="wire.txt")
    other = Document(story.replace("new season", "season"), id="other", path="other.txt")
    findings = Linter().check(doc, siblings=[wire, other])
    (edge,) = [f for f in findings if f.code == "SIB002"]
    assert edge.fix is None and edge.data["provenance"]["sibling"] == "wire"
    (view,) = sibling_views(doc, findings, [other, wire])
    assert view["label"] == "wire.txt"
    (mark,) = view["marks"]
    assert doc[mark[1] : mark[2]] == "Image 3 of 9" and mark[3:] == [None, None]


def test_with_fix_the_overview_counts_what_the_run_fixed(tmp_path: Path) -> None:
    for name in ("html", "json"):
        shutil.copytree(ROOT / "examples" / "corpus", tmp_path / name)
    run_cli("check", str(tmp_path / "html"), "--fix", "--no-cache", "--format", "html", "-o",
            str(tmp_path / "r.html"))  # fmt: skip
    done = run_cli("check", str(tmp_path / "json"), "--fix", "--no-cache", "--format", "json")
    summary = json.loads(done.stdout)["summary"]
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'data-count="fixed"><b>{summary["fixed"]}</b>' in page
    assert f'data-count="findings"><b>{summary["findings"]}</b>' in page
