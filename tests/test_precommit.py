"""The pre-commit hooks, run by the real pre-commit against this repository (try-repo).

pre-commit installs this package into its own environment (pip, so the first run needs the
package index or a pip cache), then runs the hooks of `.pre-commit-hooks.yaml` on a temporary
corpus repository: the check hook fails and names the findings, the fix hook repairs the files
and fails because it changed them, and a second run passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from furniture_site import write_site

from conftest import ROOT

pytestmark = pytest.mark.slow

FERRY = " date 2019-05-02 The harbour council met on Tuesday about the ferry timetable.\n"
FERRY_FIXED = "The harbour council met on Tuesday about the ferry timetable.\n"
LIGHTHOUSE = " date 2021-03-09 Volunteers repainted the lighthouse railings over a windy weekend.\n"
MARKET = "Rain kept most stalls closed at the Saturday market.\n\nTraders hope for sun.\n"


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the module: the hook environment is installed once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout (try-repo needs one)")
    return tmp_path_factory.mktemp("pre-commit-home")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "corpus-repo"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (repo / "articles" / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    (repo / "articles" / "market.txt").write_text(MARKET, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


def try_repo(
    repo: Path, home: Path, *hooks: str, all_files: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "XDG_CACHE_HOME": str(home / "xdg"),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            *hooks,
            *(["--all-files"] if all_files else []),
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_file_declares_check_and_fix_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"corpusmend", "corpusmend-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert "types" not in hook  # corpus file types by name, not every text file
        assert hook["files"] == r"\.(txt|text|jsonl|jsonl\.gz|csv)$"
        assert "--records-check-only" in hook["entry"]
    assert "--fix" in hooks["corpusmend-fix"]["entry"]
    assert "--fix" not in hooks["corpusmend"]["entry"]


def test_check_fails_fix_repairs_then_both_pass(corpus_repo: Path, pre_commit_home: Path) -> None:
    first = try_repo(corpus_repo, pre_commit_home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    check_part, _, fix_part = output.partition("corpusmend (fix)")
    assert "articles/ferry.txt:1:1: HDR001" in check_part
    assert "articles/lighthouse.txt:1:1: HDR001" in check_part
    assert "market.txt" not in check_part
    assert "files were modified by this hook" in fix_part
    assert "fixed articles/ferry.txt:1:1: HDR001" in fix_part
    assert (corpus_repo / "articles" / "ferry.txt").read_text(encoding="utf-8") == FERRY_FIXED
    assert (corpus_repo / "articles" / "market.txt").read_text(encoding="utf-8") == MARKET

    second = try_repo(corpus_repo, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2


def test_config_excludes_hold_for_files_pre_commit_passes(
    corpus_repo: Path, pre_commit_home: Path
) -> None:
    (corpus_repo / ".corpusmend.yaml").write_text("exclude: [lighthouse.txt]\n", encoding="utf-8")
    (corpus_repo / "articles" / "ferry.txt").write_text(FERRY_FIXED, encoding="utf-8")
    git(corpus_repo, "add", ".")
    result = try_repo(corpus_repo, pre_commit_home, "corpusmend")
    assert result.returncode == 0, result.stdout + result.stderr


NOTES = "Notes  on  the corpus:  aligned   columns stay.\n"
RECORD = '{"id": "r1", "text": " date 2022-06-01 The lock gates were repaired in June."}\n'


def test_hooks_take_corpus_files_only_and_check_records_without_rewriting(
    corpus_repo: Path, pre_commit_home: Path
) -> None:
    """Configs and notes are not articles; records are checked, not rewritten, with one line
    saying so; a JSONL or CSV file without the text field is skipped with a note."""
    (corpus_repo / "articles" / "ferry.txt").write_text(FERRY_FIXED, encoding="utf-8")
    (corpus_repo / "articles" / "lighthouse.txt").write_text(
        LIGHTHOUSE.removeprefix(" date 2021-03-09 "), encoding="utf-8"
    )
    (corpus_repo / "NOTES.md").write_text(NOTES, encoding="utf-8")
    (corpus_repo / "pyproject.toml").write_text(
        '[project]\nname  =  "corpus"   # aligned\n', encoding="utf-8"
    )
    (corpus_repo / "records.jsonl").write_text(RECORD, encoding="utf-8")
    (corpus_repo / "sources.csv").write_text("outlet,country\nHarbour Gazette,NZ\n")
    (corpus_repo / "manifest.jsonl").write_text('{"file": "records.jsonl", "rows": 1}\n')
    git(corpus_repo, "add", ".")

    result = try_repo(corpus_repo, pre_commit_home)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # the record's glued date is reported by both hooks
    check_part, _, fix_part = output.partition("corpusmend (fix)")
    assert "records.jsonl[r1]:1:1: HDR001" in check_part
    assert "NOTES.md" not in output and "pyproject.toml" not in output
    assert "note: sources.csv: skipped: no text column 'text'" in check_part
    assert "note: manifest.jsonl: skipped: no text field 'text'" in check_part
    assert "records of 1 file were checked, not fixed (--records-check-only)" in fix_part
    assert "--output-dir" not in check_part  # no advice a hook cannot follow
    assert "files were modified by this hook" not in fix_part
    assert (corpus_repo / "records.jsonl").read_text(encoding="utf-8") == RECORD
    assert (corpus_repo / "NOTES.md").read_text(encoding="utf-8") == NOTES


def test_check_hook_on_one_staged_file_learns_furniture_from_the_corpus_index(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    """pre-commit hands over only the staged file; the config's index brings the corpus, so
    the line every story of the site carries is reported as furniture (BPL003) in that file."""
    repo = tmp_path / "site-repo"
    write_site(repo / "site")
    subprocess.run(
        [sys.executable, "-m", "corpusmend", "index", "site", "-o", ".corpusmend/corpus.idx"],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    (repo / ".corpusmend.yaml").write_text("index: .corpusmend/corpus.idx\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "corpus")
    story = repo / "site" / "story2.txt"
    story.write_text(story.read_text(encoding="utf-8") + "\nThe bridge reopens in May.\n")
    git(repo, "add", "site/story2.txt")

    result = try_repo(repo, pre_commit_home, "corpusmend", all_files=False)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "site/story2.txt:3:1: BPL003" in output
    assert "story0.txt" not in output and "stale" not in output
