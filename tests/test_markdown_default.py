"""Markdown is not in the default file set (issue 14, item 3): its code blocks, tables and
front matter are not prose. `--include '*.md'` opts in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusmend.cli import main

README = """# Tide tables

```
high   06:12   3.4 m
low    12:30   0.8 m
```

| port    | depth  |
|---------|--------|
| north   | 4  m   |
"""


def test_markdown_is_left_out_unless_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "story.txt").write_text("The tide came in.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--isolated", "--no-cache", "--format", "json", "."]
    assert main(argv) == 0
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]]
    assert paths == ["story.txt"]
    main([*argv, "--include", "*.md", "--fail-on", "info"])
    docs = {d["path"]: d["findings"] for d in json.loads(capsys.readouterr().out)["documents"]}
    assert "FMT003" in {f["code"] for f in docs["README.md"]}  # why it is not a default
