"""Baselines: record today's findings; check --baseline reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLICK_HERE_PACK, run_cli, run_cli_process
from corpusmend.baseline import fingerprint
from corpusmend.findings import Finding

PACK = CLICK_HERE_PACK

ORCHARD = (
    "The orchard opened early this year after a mild spring.\n"
    "Click here to read more\n"
    "Pickers came from three valleys to help with the first apples.\n"
)
BAKERY = "The village bakery won a regional prize for its rye loaf.\nClick here to read more\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "furniture.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".corpusmend.yaml").write_text(
        "rules: [packs/furniture.yaml]\nselect: [BPL901]\n", encoding="utf-8"
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    (corpus / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    return tmp_path


def baseline(project: Path, *paths: str, out: str = "baseline.json", run=run_cli) -> dict:
    result = run("baseline", *paths, "-o", out, cwd=project)
    assert result.returncode == 0, result.stderr
    return json.loads((project / out).read_text(encoding="utf-8"))


def check(project: Path, *args: str, cwd: Path | None = None):
    return run_cli("check", "--no-cache", "--format", "json", *args, cwd=cwd or project)


def new_findings(result) -> dict[str, list[int]]:
    data = json.loads(result.stdout)
    return {
        Path(d["path"]).name: [f["line"] for f in d["findings"]]
        for d in data["documents"]
        if d["findings"]
    }


def test_baseline_records_findings_and_check_reports_only_new_ones(project: Path) -> None:
    data = baseline(project, "corpus", run=run_cli_process)  # end to end: a real process
    assert data["corpusmend_baseline"] == 1
    assert [(e["document"], e["code"], e["line"]) for e in data["entries"]] == [
        ("corpus/bakery.txt", "BPL901", 2),
        ("corpus/orchard.txt", "BPL901", 2),
    ]
    result = check(project, "--baseline", "baseline.json", "corpus")
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == {}
    assert "no longer match" not in result.stderr
    # a new finding in a baselined file is reported, the old one is not
    orchard = project / "corpus" / "orchard.txt"
    orchard.write_text(ORCHARD + "The harvest ends in October.\nClick here to read more.\n")
    result = check(project, "--baseline", "baseline.json", "corpus")
    assert result.returncode == 1
    assert new_findings(result) == {"orchard.txt": [5]}


def test_entries_still_match_when_other_text_moves(project: Path) -> None:
    baseline(project, "corpus")
    orchard = project / "corpus" / "orchard.txt"
    moved = "A new opening paragraph about the weather.\n\nAnd a second one, longer.\n\n" + ORCHARD
    orchard.write_text(moved, encoding="utf-8")
    result = check(project, "--baseline", "baseline.json", "corpus")
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == {}


def test_fixed_findings_are_listed_as_no_longer_matching(project: Path) -> None:
    baseline(project, "corpus")
    (project / "corpus" / "bakery.txt").write_text("The bakery story, cleaned.\n")
    result = check(project, "--baseline", "baseline.json", "corpus")
    assert result.returncode == 0
    assert "1 baseline entry in baseline.json no longer match" in result.stderr
    assert "corpus/bakery.txt:2: BPL901" in result.stderr
    # a document this run did not check is not reported stale (pre-commit passes a few files)
    result = check(project, "--baseline", "baseline.json", "corpus/orchard.txt")
    assert result.returncode == 0 and "no longer match" not in result.stderr


def test_identical_findings_need_one_entry_each(project: Path) -> None:
    doubled = "Story one.\nClick here to read more\nStory two.\nClick here to read more\n"
    (project / "corpus" / "orchard.txt").write_text(doubled, encoding="utf-8")
    data = baseline(project, "corpus/orchard.txt")
    assert len(data["entries"]) == 2
    assert data["entries"][0]["fingerprint"] != data["entries"][1]["fingerprint"]
    tripled = doubled + "Story two.\nClick here to read more\n"
    (project / "corpus" / "orchard.txt").write_text(tripled, encoding="utf-8")
    result = check(project, "--baseline", "baseline.json", "corpus/orchard.txt")
    assert len(new_findings(result)["orchard.txt"]) == 1


def test_paths_are_relative_to_the_baseline_file(project: Path) -> None:
    baseline(project, "corpus", out="meta/baseline.json")
    entries = json.loads((project / "meta" / "baseline.json").read_text())["entries"]
    assert {e["document"] for e in entries} == {"../corpus/bakery.txt", "../corpus/orchard.txt"}
    corpus = project / "corpus"
    result = check(project, "--baseline", "../meta/baseline.json", ".", cwd=corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    assert new_findings(result) == {}


def test_records_are_keyed_by_their_id(project: Path) -> None:
    rows = [
        {"id": "farm-1", "text": ORCHARD},
        {"id": "bake-2", "text": BAKERY},
    ]
    jsonl = project / "corpus" / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    data = baseline(project, "corpus/pages.jsonl")
    assert {(e["document"], e.get("record")) for e in data["entries"]} == {
        ("corpus/pages.jsonl", "farm-1"),
        ("corpus/pages.jsonl", "bake-2"),
    }
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)), encoding="utf-8")
    result = check(project, "--baseline", "baseline.json", "corpus/pages.jsonl")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"entries": []}', "not a corpusmend baseline"),
        ('{"corpusmend_baseline": 1, "entries": [{"document": 3}]}', "entry 1: 'document'"),
    ],
)
def test_bad_baseline_file_is_an_error(project: Path, content: str, message: str) -> None:
    (project / "bad.json").write_text(content, encoding="utf-8")
    result = check(project, "--baseline", "bad.json", "corpus")
    assert result.returncode == 2
    assert "bad.json" in result.stderr and message in result.stderr
    result = check(project, "--baseline", "missing.json", "corpus")
    assert result.returncode == 2 and "missing.json" in result.stderr


def test_fingerprint_depends_on_text_and_context_not_offsets() -> None:
    def at(text: str, start: int, end: int) -> Finding:
        return Finding("BPL901", "x", "warning", "m", start, end, 1, 1, 1, 1)

    text = "Alpha beta, gamma delta epsilon zeta.\nClick here\nGamma and more words after."
    start = text.index("Click")
    moved = "Preface.\n\n" + text
    mstart = moved.index("Click")
    same = fingerprint(moved, at(moved, mstart, mstart + 10))
    assert fingerprint(text, at(text, start, start + 10)) == same
    reflowed = text.replace("epsilon zeta.\n", "epsilon\n   zeta.\n")
    rstart = reflowed.index("Click")
    assert fingerprint(reflowed, at(reflowed, rstart, rstart + 10)) == same
    other = text.replace("Gamma", "Delta")
    assert fingerprint(other, at(other, start, start + 10)) != same


def test_baseline_drops_findings_a_worker_already_encoded(project: Path) -> None:
    """With --jobs 2 the workers encode each document's findings for the JSON report; the
    baseline filters them afterwards in the main process, so the report must not reuse them."""
    baseline(project, "corpus")
    orchard = project / "corpus" / "orchard.txt"
    orchard.write_text(ORCHARD + "The harvest ends in October.\nClick here to read more.\n")
    one = check(project, "--baseline", "baseline.json", "--jobs", "1", "corpus")
    two = check(project, "--baseline", "baseline.json", "--jobs", "2", "corpus")
    assert one.stdout == two.stdout
    assert new_findings(two) == {"orchard.txt": [5]}
