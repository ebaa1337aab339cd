"""Every subcommand that writes a file creates its missing parent folder, and no traceback
ever reaches the user (issue 14, item 2). Driven through `corpusmend.cli.main`, in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmend.cli import main
from corpusmend.commands import COMMANDS

ARTICLE = " date 2020-01-01 The tide came in early and the harbour flooded.\n"
RECORD = '{"id": "r1", "text": " date 2020-01-01 The tide came in early."}\n'

# For every subcommand: the command lines that write a file under a folder that does not exist
# (`{out}`), and the files they must have written. A subcommand that writes no file has [].
WRITES: dict[str, list[tuple[list[str], list[str]]]] = {
    "check": [
        (["check", "--exit-zero", "corpus", "-o", "{out}/report.txt"], ["report.txt"]),
        (
            ["check", "--exit-zero", "corpus", "--findings-sidecar", "{out}/side.jsonl"],
            ["side.jsonl"],
        ),
        (
            ["check", "corpus", "--fix", "--output-dir", "{out}/fixed"],
            ["fixed/a.txt", "fixed/r.jsonl"],
        ),
        (
            ["check", "--exit-zero", "--no-siblings", "corpus", "--cache-dir", "{out}/cache"],
            ["cache/CACHEDIR.TAG"],
        ),
    ],
    "baseline": [(["baseline", "corpus", "-o", "{out}/baseline.json"], ["baseline.json"])],
    "index": [
        (["index", "corpus", "-o", "{out}/.corpusmend/siblings.idx"], [".corpusmend/siblings.idx"])
    ],
    "rules": [],
    "explain": [],
    "test-rules": [],
    "validate-rules": [],
    "schema": [],
    "eval": [],
}


def test_the_table_names_every_subcommand() -> None:
    assert set(WRITES) == set(COMMANDS)


CASES = [case for cases in WRITES.values() for case in cases]


@pytest.mark.parametrize(
    ("argv", "expected"), CASES, ids=[" ".join(argv[:1] + argv[-2:-1]) for argv, _ in CASES]
)
def test_a_missing_parent_folder_is_created(
    argv: list[str],
    expected: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus" / "r.jsonl").write_text(RECORD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "not" / "yet"
    code = main([a.format(out=out) for a in argv])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Traceback" not in err
    for name in expected:
        assert (out / name).is_file(), name


def test_an_unwritable_target_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["index", "corpus", "-o", "blocker/siblings.idx"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith("corpusmend: error: ") and "blocker" in err
