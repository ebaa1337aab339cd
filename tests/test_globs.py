"""One glob matcher for --include / --exclude and the config (issue 14, item 8): gitignore-style,
as ruff does. The same table is checked through the matcher, the command line and the config."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest

from corpusmend.cli import main
from corpusmend.globs import glob_matches

CASES = [
    ("drafts", "news/drafts/a.txt", True),
    ("drafts", "news/drafts-old/a.txt", False),
    ("drafts/", "news/drafts/a.txt", True),  # a folder
    ("a.txt/", "news/a.txt", False),  # a trailing / matches folders only
    ("*.md", "news/notes/readme.md", True),
    ("news/*.txt", "news/a.txt", True),
    ("news/*.txt", "news/drafts/a.txt", False),  # * never crosses / (fnmatch's did)
    ("news/**/*.txt", "news/drafts/deep/a.txt", True),
    ("news/**/*.txt", "news/a.txt", True),  # ** is any number of folders, none included
    ("**/old/*.txt", "old/a.txt", True),
    ("**/old/*.txt", "x/y/old/a.txt", True),
    ("news/**", "news/drafts/a.txt", True),
    ("news/drafts", "news/drafts/2019/a.txt", True),  # a folder takes what is under it
    ("./news/drafts/", "news/drafts/a.txt", True),
    ("news/[ab].txt", "news/b.txt", True),
    ("news/[!ab].txt", "news/b.txt", False),
    ("new?/a.txt", "news/a.txt", True),
    ("a?txt", "news/a.txt", True),
    ("news?a.txt", "news/a.txt", False),  # ? never matches /
]


@pytest.mark.parametrize(("pattern", "path", "expected"), CASES)
def test_the_matcher(pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(PurePosixPath(path), pattern) is expected


def make_corpus(root: Path) -> list[str]:
    paths = sorted({path for _, path, _ in CASES})
    for rel in paths:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("The tide came in.\n", encoding="utf-8")
    return paths


def checked(capsys: pytest.CaptureFixture[str], argv: list[str]) -> set[str]:
    assert main(["check", "--no-cache", "--no-siblings", "--format", "json", *argv]) == 0
    report = json.loads(capsys.readouterr().out)
    return {d["path"].removeprefix("./") for d in report["documents"]}


@pytest.mark.parametrize(("pattern", "path", "expected"), CASES)
def test_the_command_line_and_the_config_agree(
    pattern: str,
    path: str,
    expected: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "empty.yaml").write_text("{}\n", encoding="utf-8")
    every = ["--include", "*.txt", "--include", "*.md", "."]
    by_flag = checked(capsys, ["--config", "cfg/empty.yaml", "--exclude", pattern, *every])
    assert (path not in by_flag) is expected, by_flag
    (tmp_path / ".corpusmend.yaml").write_text(
        f"exclude: [{json.dumps(pattern)}]\n", encoding="utf-8"
    )
    by_config = checked(capsys, every)
    assert by_flag == by_config
