"""BPL003 end to end: furniture learned from the corpus, through the command users run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from furniture_site import STORIES, write_site

from conftest import run_cli
from corpusmend.cli import main


def findings(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", *argv, "--format", "json", "--no-cache"])
    payload = json.loads(capsys.readouterr().out)
    return code, [
        f | {"path": d["path"], "id": d.get("id")}
        for d in payload["documents"]
        for f in d["findings"]
    ]


def test_a_line_every_story_of_a_site_carries_is_reported_once_per_document(
    tmp_path: Path, capsys
) -> None:
    site = write_site(tmp_path / "site")
    code, found = findings(capsys, str(site))
    assert code == 1
    furniture = [f for f in found if f["code"] == "BPL003"]
    assert len(furniture) == 6
    assert all(
        f["message"].endswith("6 documents of 6 unrelated stories from 1 source") for f in furniture
    )
    assert all(f["fix"]["applicability"] == "safe" for f in furniture)


def test_fixing_deletes_the_line_and_its_blank_line_and_nothing_else(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    done = run_cli("check", str(site), "--fix", "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    for i, story in enumerate(STORIES):
        assert (site / f"story{i}.txt").read_text("utf-8") == story + "\n"
    again = run_cli("check", str(site), "--no-cache")
    assert again.returncode == 0 and "BPL003" not in again.stdout


def test_copies_of_one_story_do_not_make_their_sentences_furniture(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    body = STORIES[0] + "\n\nThe keeper said the lamp itself was last replaced in 1987."
    for outlet in ("courier", "gazette", "herald", "post", "times"):
        (folder / f"{outlet}.txt").write_text(
            f"From the {outlet.title()} desk\n\n{body}\n", "utf-8"
        )
    _, found = findings(capsys, str(folder))
    assert not [f for f in found if f["code"] == "BPL003"]


def test_a_run_without_corpus_rules_builds_no_corpus_pass(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    probe = (
        "import sys, contextlib, io\n"
        "from corpusmend.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(site)!r}, '--select', 'HDR,FMT', '--no-cache'])\n"
        "print([m for m in sys.modules if m.startswith(('corpusmend.siblings.index',"
        " 'corpusmend.passes.build', 'datasketch'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_records_count_per_source_from_a_source_field(tmp_path: Path, capsys) -> None:
    """A line on a fifth of one site's (ten) articles is that site's furniture, even in two
    stories only; elsewhere the same two-story line is not reported."""
    lines = []
    extra = [
        f"Item {i}: the allotment society met about plot {i} and the water butts."
        f"\n\nMembers voted on the rota for spring number {i}."
        for i in range(8)
    ]
    for i, story in enumerate([*STORIES[:2], *extra]):
        text = story + ("\n\nCorrections? Write to the desk" if i < 2 else "")
        lines.append({"id": f"a{i}", "url": f"https://www.valley.example/{i}", "text": text})
    for i, story in enumerate(STORIES[2:4]):
        text = story + "\n\nOur tip line is open all night"
        lines.append({"id": f"b{i}", "url": f"https://other{i}.example/x", "text": text})
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    _, found = findings(capsys, str(path), "--source-field", "url")
    ids = sorted(f["id"] for f in found if f["code"] == "BPL003")
    assert ids == ["a0", "a1"]


def test_one_file_checked_against_an_index_of_the_corpus(tmp_path: Path, capsys) -> None:
    """A pre-commit run hands over only the changed files; the index brings the corpus."""
    site = write_site(tmp_path / "site")
    index = tmp_path / ".corpusmend" / "corpus.idx"
    assert main(["index", str(site), "-o", str(index), "--isolated"]) == 0
    capsys.readouterr()
    _, found = findings(capsys, str(site / "story2.txt"), "--index", str(index), "--isolated")
    assert [f["code"] for f in found] == ["BPL003"]
    assert found[0]["message"].endswith("6 documents of 6 unrelated stories from 1 source")
