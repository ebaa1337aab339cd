"""Corpus passes read the documents `check` sees: the same input options and config excludes."""

from __future__ import annotations

import json
from pathlib import Path

from furniture_site import FURNITURE, write_site

from conftest import run_cli


def test_index_reads_records_through_the_input_options(tmp_path: Path) -> None:
    records = tmp_path / "news.jsonl"
    rows = [
        {"key": f"n{i}", "body": f"Story {i} about the harbour and its ferries."} for i in range(3)
    ]
    records.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    done = run_cli(
        "index", str(records), "-o", str(tmp_path / "x.idx"), "--text-field", "body",
        "--id-field", "key", "--isolated",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "indexed 3 document(s)" in done.stderr


def test_config_excludes_apply_to_the_index_and_to_the_corpus_passes(tmp_path: Path) -> None:
    site = write_site(tmp_path / "corpus")
    drafts = site / "drafts"
    drafts.mkdir()
    for i in range(3):
        (drafts / f"draft{i}.txt").write_text(f"Draft {i} of a note.\n\n{FURNITURE}\n", "utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpusmend]\nexclude = ["drafts/"]\n', encoding="utf-8"
    )
    done = run_cli("index", "corpus", "-o", "corpus.idx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "indexed 6 document(s)" in done.stderr
    report = run_cli("check", "corpus", "--format", "json", "--no-cache", cwd=tmp_path)
    messages = [f["message"] for d in json.loads(report.stdout)["documents"] for f in d["findings"]]
    # six stories carry the line; the three excluded drafts are not counted
    assert messages and all(
        m.endswith("6 documents of 6 unrelated stories from 1 source") for m in messages
    )


def test_a_stale_index_is_reported_with_the_command_to_rebuild_it(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    done = run_cli("index", "site", "-o", "corpus.idx", "--isolated", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fresh = run_cli("check", "site/story0.txt", "--index", "corpus.idx", "--isolated", cwd=tmp_path)
    assert "stale" not in fresh.stderr
    # the file being checked may change: that is what a pre-commit run is for
    (site / "story0.txt").write_text("A new first story.\n", "utf-8")
    edited = run_cli(
        "check", "site/story0.txt", "--index", "corpus.idx", "--isolated", cwd=tmp_path
    )
    assert "stale" not in edited.stderr
    # another indexed file changed, and one is gone
    (site / "story3.txt").write_text("Rewritten.\n", "utf-8")
    (site / "story4.txt").unlink()
    stale = run_cli("check", "site/story0.txt", "--index", "corpus.idx", "--isolated", cwd=tmp_path)
    assert "the index corpus.idx is stale: 1 indexed file(s) changed and 1 no longer exist" in (
        stale.stderr
    )
    assert "site/story3.txt" in stale.stderr and "site/story4.txt" in stale.stderr
    assert "Rebuild it with: corpusmend index site -o corpus.idx" in stale.stderr
