"""Walking directories: suffixes, include/exclude globs, hidden, binary and broken files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli
from corpusmend.document import Document
from corpusmend.readers import ReadOptions, ReadProblem, read_documents


def make_tree(root: Path) -> None:
    (root / "news" / "drafts").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "news" / "a.txt").write_text("A story.\n", encoding="utf-8")
    (root / "news" / "b.md").write_text("B story.\n", encoding="utf-8")
    (root / "news" / "drafts" / "c.txt").write_text("C draft.\n", encoding="utf-8")
    (root / "news" / "d.jsonl").write_text('{"id": "d1", "text": "D."}\n', encoding="utf-8")
    (root / "news" / "e.csv").write_text("id,text\ne1,E.\n", encoding="utf-8")
    (root / "news" / "f.html").write_text("<p>F</p>\n", encoding="utf-8")
    (root / ".git" / "g.txt").write_text("hidden\n", encoding="utf-8")
    (root / "news" / "z.txt").write_bytes(b"binary\x00data")
    os.symlink(root / "nowhere.txt", root / "news" / "broken.txt")


def names(root: Path, **options: object) -> list[str]:
    out = []
    for item in read_documents([str(root)], ReadOptions(**options)):  # type: ignore[arg-type]
        if isinstance(item, Document):
            out.append(item.id if item.id.startswith(("d", "e")) else Path(item.id).name)
        else:
            out.append(f"{Path(item.path).name}: {item.message}")
    return out


def test_default_walk(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert names(tmp_path) == [  # no b.md: Markdown is not in the default file set
        "a.txt",
        "broken.txt: broken symlink, skipped",
        "d1",
        "c.txt",
        "e1",
        "z.txt: binary file (NUL bytes), skipped",
    ]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert names(tmp_path, include=("*.html", "news/*.md")) == ["b.md", "f.html"]
    assert names(tmp_path, exclude=("drafts", "*.csv", "z.txt", "broken.txt")) == [
        "a.txt",
        "d1",
    ]
    assert names(tmp_path, exclude=("news/drafts/*",), include=("*.txt",))[:2] == [
        "a.txt",
        "broken.txt: broken symlink, skipped",
    ]


def test_cli_globs_and_explicit_files_still_excluded(tmp_path: Path) -> None:
    make_tree(tmp_path)
    result = run_cli(
        "check", "--exclude", "drafts", "--include", "*.txt", "--format", "json", str(tmp_path)
    )
    assert "c.txt" not in result.stdout and "a.txt" in result.stdout
    assert "broken.txt" in result.stderr and "binary file" in result.stderr
    assert result.returncode == 2
    explicit = run_cli("check", "--exclude", "a.txt", str(tmp_path / "news" / "a.txt"))
    assert explicit.returncode == 0 and "0 findings in 0 documents" in explicit.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    make_tree(tmp_path)
    locked = tmp_path / "news" / "drafts"
    locked.chmod(0)
    try:
        items = list(read_documents([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(i, ReadProblem) and "cannot read folder" in i.message for i in items)
