"""`--format html`, rendered in headless Chromium (Debian's chromium, driven by Playwright).

The report of the sample corpus (with an invented corpus beside it: recurring furniture, a page
of hostile markup, an emoji) and of the two seeds is opened from disk; the tests read the live
page: its counts against `--format json`, every highlight against its finding's span, the moved
block in both columns of the side-by-side view, and markup that must stay inert.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from html_corpus import HOSTILE, HOSTILE_NAME, PROMPT, write_report_corpus

from bench.html_report import CHROMIUM as BROWSER
from bench.html_report import CHROMIUM_ARGS
from conftest import ROOT, run_cli, shared_path

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[all]')"
)

CHROMIUM = Path(BROWSER)
ARGS = list(CHROMIUM_ARGS)
# The text each finding's highlighted pieces spell, by finding index, in the document text.
HIGHLIGHTS = """(scope) => {
  const out = {};
  for (const m of document.querySelectorAll(scope + " mark[data-f]"))
    for (const i of m.dataset.f.split(" ")) out[i] = (out[i] || "") + m.textContent;
  return out;
}"""


class Report:
    def __init__(self, root: Path, html: Path, data: dict[str, Any]) -> None:
        self.root, self.html, self.data = root, html, data

    def text(self, k: int) -> str:
        with open(self.data["documents"][k]["path"], encoding="utf-8", newline="") as f:
            return f.read()

    def number(self, name: str) -> int:
        return next(k for k, d in enumerate(self.data["documents"]) if d["path"].endswith(name))


def make_report(root: Path, *paths: Path) -> Report:
    html = root / "report.html"
    inputs = [str(p) for p in paths]
    done = run_cli("check", *inputs, "--no-cache", "--format", "html", "-o", str(html))
    assert done.returncode == 1, done.stderr
    as_json = run_cli("check", *inputs, "--no-cache", "--format", "json")
    return Report(root, html, json.loads(as_json.stdout))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("html-report")
    corpus = write_report_corpus(root / "corpus")
    shutil.copytree(ROOT / "examples" / "corpus", corpus / "examples")
    return make_report(root, corpus)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return make_report(tmp_path_factory.mktemp("seeds-report"), shared_path("seeds"))


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Opens a report from disk in a fresh context; fails the test on any script error."""
    contexts, errors = [], []

    def opener(report: Report, doc: int | None = None):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(
            "request",
            lambda req: (
                errors.append(f"request: {req.url}") if not req.url.startswith("file:") else None
            ),
        )
        page.goto(report.html.as_uri())
        page.wait_for_selector("body[data-ready=true]")
        if doc is not None:
            show(page, doc)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == []


def show(page, k: int) -> None:
    page.evaluate("(k) => { location.hash = '#doc/' + k; }", k)
    page.wait_for_selector(f"#doc[data-shown='{k}']")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_the_counts_match_the_json_output(report: Report, open_page) -> None:
    page = open_page(report)
    docs, summary = report.data["documents"], report.data["summary"]

    def tile(name: str) -> int:
        return int(page.text_content(f"[data-count={name}] b").replace(",", ""))

    assert tile("documents") == summary["documents"] == len(docs)
    assert tile("with-findings") == sum(1 for d in docs if d["findings"])
    assert tile("findings") == summary["findings"]
    bars = {
        g.get_attribute("data-code"): int(
            g.query_selector("text.n").text_content().replace(",", "")
        )
        for g in page.query_selector_all("svg.chart g.bar")
    }
    assert bars == summary["by_code"]
    findings = [f for d in docs for f in d["findings"]]
    for kind in ("safe", "unsafe"):
        expected = sum(
            1
            for f in findings
            if f["fix"] and f["fix"]["edits"] and f["fix"]["applicability"] == kind
        )
        assert tile(f"fix-{kind}") == expected
    assert tile("fix-none") == sum(1 for f in findings if f["fix"] is None)
    shown = sum(1 for d in docs if d["findings"])
    assert page.text_content("#shown") == f"{shown} of {len(docs)} documents"


def test_every_highlight_spells_its_findings_span(report: Report, open_page) -> None:
    page = open_page(report)
    checked = 0
    for k, doc in enumerate(report.data["documents"]):
        if not doc["findings"]:
            continue
        show(page, k)
        text = report.text(k)
        marked = page.evaluate(HIGHLIGHTS, "#doc pre.text")
        assert marked == {
            str(i): text[f["start"] : f["end"]] for i, f in enumerate(doc["findings"])
        }, doc["path"]
        for i, f in enumerate(doc["findings"]):
            first = page.query_selector(f"#doc pre.text mark[data-f~='{i}']")
            assert f["message"] in first.get_attribute("data-msg")
            checked += 1
    assert checked == report.data["summary"]["findings"]


def side_by_side(page, k: int, code: str = "SIB001") -> tuple[str, str, str]:
    """The SIB finding's marked text in the document's column and in the sibling's."""
    cards = page.query_selector_all("#doc li.finding")
    (i,) = [c.get_attribute("data-f") for c in cards if c.text_content().startswith(code)]
    left = page.evaluate(HIGHLIGHTS, "#doc .sbs .cell.left")[i]
    right = page.evaluate(HIGHLIGHTS, "#doc .sbs .cell.right")[i]
    return i, left, right


def test_the_side_by_side_view_draws_the_moved_block_in_both_columns(report, open_page) -> None:
    k = report.number("library-rescrape.txt")
    page = open_page(report, k)
    doc = report.data["documents"][k]
    i, left, right = side_by_side(page, k)
    finding = doc["findings"][int(i)]
    block = report.text(k)[finding["start"] : finding["end"]]
    assert left == block
    assert words(right) == words(block) and right != block  # the sibling's own quotes
    assert page.get_attribute("#doc .sbs h3", "title") == str(
        report.root / "corpus/examples/library-wire.txt"
    )
    assert "similarity 0.96" in page.text_content("#doc li.finding:has(.code:text-is('SIB001'))")
    # every paragraph of both texts is in the view once, in its own order
    lefts = [c.text_content() for c in page.query_selector_all("#doc .sbs .cell.left:not(.none)")]
    assert "\n\n".join(lefts) == report.text(k).strip()
    (report.root / "shots").mkdir(exist_ok=True)
    shot = page.screenshot(path=report.root / "shots" / "library.png", full_page=True)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_seeds_report_shows_the_splice_against_the_other_seed(seeds_report, open_page):
    k = seeds_report.number("001_54844bae62cb43cd.txt")
    page = open_page(seeds_report, k)
    doc = seeds_report.data["documents"][k]
    i, left, right = side_by_side(page, k)
    finding = doc["findings"][int(i)]
    assert left == seeds_report.text(k)[finding["start"] : finding["end"]]
    assert words(right) == words(left)
    assert "000_e078c78a2c2bce74.txt" in page.text_content("#doc .sbs h3")
    assert page.evaluate(HIGHLIGHTS, "#doc pre.text") == {
        str(n): seeds_report.text(k)[f["start"] : f["end"]] for n, f in enumerate(doc["findings"])
    }
    tiles = page.text_content("[data-count=findings] b")
    assert int(tiles) == seeds_report.data["summary"]["findings"]


def test_hostile_markup_is_shown_as_text_and_never_runs(report: Report, open_page) -> None:
    k = report.number(HOSTILE_NAME)
    page = open_page(report, k)
    page.wait_for_timeout(300)  # an image error handler would have fired by now
    assert page.evaluate("window.pwned") is None
    assert page.text_content("#doc pre.text") == HOSTILE
    assert page.text_content("#doc h2").endswith(HOSTILE_NAME)
    # no element came from the document: only the page's own script and its two data blocks
    assert page.evaluate("document.querySelectorAll('#doc img, #doc script, #doc b').length") == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    # the file name is text in the overview (worst documents) and in the list too
    assert HOSTILE_NAME in page.text_content("#overview")
    assert HOSTILE_NAME in page.text_content("#list")


def test_recurring_furniture_lines_are_listed_with_their_spread(report, open_page) -> None:
    page = open_page(report)
    row = page.query_selector("table.lines tbody tr")
    cells = [c.text_content() for c in row.query_selector_all("td")]
    assert cells == [PROMPT, "4", "4", "2", "4"]  # documents, stories, sources, flagged here


def test_keyboard_search_and_filters(report: Report, open_page) -> None:
    page = open_page(report)
    page.keyboard.press("j")
    page.wait_for_selector("#doc[data-shown]")
    first = int(page.get_attribute("#doc", "data-shown"))
    page.keyboard.press("j")
    page.wait_for_selector(f"#doc[data-shown]:not([data-shown='{first}'])")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert not page.is_hidden("#tip")
    page.keyboard.press("/")
    page.keyboard.type("fleet")
    assert page.text_content("#shown").startswith("1 of")
    names = [b.text_content() for b in page.query_selector_all("#list .name")]
    assert [Path(n).name for n in names] == ["fleet.txt"]
    page.fill("#search", "")
    page.select_option("#rule", "ENC001")
    names = [b.get_attribute("title") for b in page.query_selector_all("#list .name")]
    assert names == [
        d["path"]
        for d in report.data["documents"]
        if any(f["code"] == "ENC001" for f in d["findings"])
    ]
    page.select_option("#rule", "")
    page.uncheck(".sev input[value=e]")
    page.uncheck(".sev input[value=w]")
    assert page.text_content("#shown").startswith("0 of")


def test_the_same_results_give_the_same_bytes(report: Report, tmp_path: Path) -> None:
    corpus = report.root / "corpus"
    again = tmp_path / "again.html"
    done = run_cli(
        "check", str(corpus), "--no-cache", "-j", "1", "--format", "html", "-o", str(again)
    )
    assert done.returncode == 1, done.stderr
    assert again.read_bytes() == report.html.read_bytes()


@pytest.mark.slow
def test_the_ray_engine_gives_the_same_page(report: Report, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="the Ray engine needs corpusmend[ray]")
    out = tmp_path / "ray.html"
    corpus = report.root / "corpus"
    done = run_cli("check", str(corpus), "--engine", "ray", "--format", "html", "-o", str(out))
    assert done.returncode == 1, done.stderr[-3000:]
    assert out.read_bytes() == report.html.read_bytes()
