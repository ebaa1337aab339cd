"""The findings cache: unchanged files are not checked again; anything that changes misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

GLUED = " date 2019-05-02 The harbour council met on Tuesday about the ferry timetable.\n"
OTHER = "Rain kept most stalls closed at the Saturday market.\n\nTraders hope for sun.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.corpusmend]\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(GLUED, encoding="utf-8")
    (corpus / "market.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def entries(cache_root: Path) -> list[Path]:
    return sorted(cache_root.glob("*/*/*.json"))


def check(project: Path, *args: str, env: dict | None = None):
    """A check without siblings: with them a document's findings depend on the others."""
    return run_cli(
        "check", "--format", "json", "--no-siblings", *args, "corpus", cwd=project, env=env
    )


def messages(result) -> list[str]:
    data = json.loads(result.stdout)
    return [f["message"] for d in data["documents"] for f in d["findings"]]


def tamper(entry: Path, message: str) -> None:
    """Change a cached finding's message: a later run that prints it read the cache."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    for f in data["findings"]:
        f["message"] = message
    entry.write_text(json.dumps(data), encoding="utf-8")


def ferry_entry(cache_root: Path) -> Path:
    (entry,) = [e for e in entries(cache_root) if "ferry.txt" in e.read_text(encoding="utf-8")]
    return entry


def test_unchanged_files_come_from_the_cache(project: Path) -> None:
    first = check(project)
    assert first.returncode == 1
    cache_root = project / ".corpusmend_cache"
    assert len(entries(cache_root)) == 2
    assert (cache_root / "CACHEDIR.TAG").is_file() and (cache_root / ".gitignore").is_file()
    second = check(project)
    assert second.stdout == first.stdout  # identical output from cached findings
    tamper(ferry_entry(cache_root), "served from the cache")
    assert messages(check(project)) == ["served from the cache"]
    # --no-cache checks again
    assert messages(check(project, "--no-cache")) == messages(first)
    # an edited file misses, and its entry is replaced
    (project / "corpus" / "ferry.txt").write_text(GLUED.replace("Tuesday", "Monday"))
    assert messages(check(project)) == messages(first)
    assert len(entries(cache_root)) == 2


def test_rules_and_config_are_part_of_the_key(project: Path) -> None:
    check(project)
    cache_root = project / ".corpusmend_cache"
    tamper(ferry_entry(cache_root), "served from the cache")
    # other rules selected: another key, checked again
    assert messages(check(project, "--select", "HDR")) != ["served from the cache"]
    # config changed: another key
    (project / "pyproject.toml").write_text('[tool.corpusmend]\nignore = ["BPL"]\n')
    result = check(project)
    assert "served from the cache" not in result.stdout
    assert len({e.parent.parent for e in entries(cache_root)}) == 3


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"content": 1}', b"\xff\xfe\x00"])
def test_a_corrupt_entry_is_a_miss_and_is_replaced(project: Path, garbage: bytes) -> None:
    first = check(project)
    entry = ferry_entry(project / ".corpusmend_cache")
    entry.write_bytes(garbage)
    result = check(project)
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout == first.stdout
    assert json.loads(entry.read_text(encoding="utf-8"))["findings"]


def test_a_cached_finding_of_wrong_shape_is_a_miss(project: Path) -> None:
    first = check(project)
    entry = ferry_entry(project / ".corpusmend_cache")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["surprise"] = 1
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert check(project).stdout == first.stdout


def test_fix_runs_neither_read_nor_write_the_cache(project: Path) -> None:
    result = run_cli("check", "--fix", "corpus", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / ".corpusmend_cache").exists()
    assert (project / "corpus" / "ferry.txt").read_text(encoding="utf-8").startswith("The harbour")


def test_records_are_not_cached(project: Path) -> None:
    rows = [{"id": "a", "text": GLUED}, {"id": "b", "text": OTHER}]
    (project / "corpus" / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    for p in ("ferry.txt", "market.txt"):
        (project / "corpus" / p).unlink()
    assert check(project).returncode == 1
    assert entries(project / ".corpusmend_cache") == []


def test_cache_location_without_a_config(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(GLUED, encoding="utf-8")
    xdg = tmp_path / "xdg"
    result = run_cli("check", "corpus", cwd=tmp_path, env={"XDG_CACHE_HOME": str(xdg)})
    # one document: no siblings to find, so the cache is used
    assert result.returncode == 1
    if (tmp_path / ".corpusmend_cache").exists():  # a config above the temporary directory
        pytest.skip("a corpusmend config above the temporary directory")
    assert len(entries(xdg / "corpusmend")) == 1
    chosen = tmp_path / "chosen"
    run_cli("check", "--cache-dir", str(chosen), "corpus", cwd=tmp_path)
    assert len(entries(chosen)) == 1
    env_dir = tmp_path / "from-env"
    run_cli("check", "corpus", cwd=tmp_path, env={"CORPUSMEND_CACHE_DIR": str(env_dir)})
    assert len(entries(env_dir)) == 1


def test_parallel_and_serial_runs_share_the_cache(project: Path) -> None:
    for i in range(40):
        (project / "corpus" / f"note-{i:02}.txt").write_text(
            f" date 2020-01-{i % 28 + 1:02} Note {i} about item {i * 7} in the ledger.\n"
        )
    serial = check(project, "--jobs", "1", "--no-cache")
    first = check(project, "--jobs", "2")
    assert first.stdout == serial.stdout
    assert len(entries(project / ".corpusmend_cache")) == 42
    (project / "corpus" / "note-07.txt").write_text("Changed note.\n")
    (project / "corpus" / "note-31.txt").write_text(" date 2020-02-02 Another note.\n")
    again = check(project, "--jobs", "2")
    fresh = check(project, "--jobs", "1", "--no-cache")
    assert again.stdout == fresh.stdout


def test_corpus_runs_are_cached_on_what_each_document_read(tmp_path: Path) -> None:
    """With corpus passes a document's entry records its siblings and its own lines' counts:
    an edit re-checks the edited file and the documents whose view of the corpus changed."""
    from furniture_site import FURNITURE, write_site

    (tmp_path / "pyproject.toml").write_text("[tool.corpusmend]\n", encoding="utf-8")
    site = write_site(tmp_path / "corpus")
    first = run_cli("check", "--format", "json", "corpus", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    cache_root = tmp_path / ".corpusmend_cache"
    assert len(entries(cache_root)) == 6
    for entry in entries(cache_root):
        tamper(entry, "served from the cache")
    assert set(messages(run_cli("check", "--format", "json", "corpus", cwd=tmp_path))) == {
        "served from the cache"
    }
    # an edit that changes no other document's view: only that file is checked again
    story0 = site / "story0.txt"
    story0.write_text(story0.read_text("utf-8").replace("May", "June"), "utf-8")
    after_edit = messages(run_cli("check", "--format", "json", "corpus", cwd=tmp_path))
    assert after_edit.count("served from the cache") == 5
    # removing the furniture line from one story changes every other story's counts
    story1 = site / "story1.txt"
    story1.write_text(story1.read_text("utf-8").replace(FURNITURE + "\n\n", ""), "utf-8")
    after_removal = messages(run_cli("check", "--format", "json", "corpus", cwd=tmp_path))
    assert "served from the cache" not in after_removal
    assert len(after_removal) == 5 and all("5 documents" in m for m in after_removal)
