"""Summaries that say what happened (issue 14, item 5) and the severity gate (item 6), driven
through `corpusmend.cli.main` in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusmend.cli import main

GLUED = " date 2020-01-01 The tide came in early and the harbour road flooded.\n"
TRAILING = "The ferry ran late.   \nThe market opened at nine.\n"
# an unsafe fix (SPL001): a quotation paragraph spliced into the middle of a sentence
SPLICED = (
    "The council said the new timetable would start in May and that the ferry\n\n"
    "“We have waited long enough for this,” the harbour master said.\n\n"
    "would call at the island twice a day.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--no-siblings", "--no-cache", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_wrong_text_field_is_said_once_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.jsonl"
    body = "The tide came in early and flooded the lower harbour road again."
    with path.open("w", encoding="utf-8") as f:
        for i in range(1000):
            f.write(json.dumps({"id": str(i), "content": body}) + "\n")
    code, out, err = run(capsys, str(path))
    assert code == 2
    (line,) = err.splitlines()
    assert line == (
        f"corpusmend: {path}: line 1 and 999 more records: no text field 'text' "
        "(fields: 'id', 'content'); did you mean --text-field content?"
    )
    assert out == "Found 0 findings in 0 documents. 1 read error (see above).\n"


def test_a_path_that_does_not_exist_is_an_error_not_a_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in err
    assert "in 1 document" not in out and "in 0 documents" in out


def test_statistics_marks_safe_and_unsafe_fixes_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GLUED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPLICED, encoding="utf-8")
    code, out, _ = run(capsys, "--statistics", "--select", "HDR001,SPL001", str(tmp_path))
    assert code == 1
    assert out.splitlines() == [
        "1  HDR001  [*]  glued-date-header",
        "1  SPL001  [**] spliced-block",
    ]
    code, out, _ = run(
        capsys, "--statistics", "--format", "json", "--select", "SPL001", str(tmp_path)
    )
    (row,) = json.loads(out)
    assert row["fixable"] is False and row["unsafe_fixable"] is True


def test_the_summary_counts_fixable_findings_and_drops_the_legend_when_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GLUED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPLICED, encoding="utf-8")
    _, out, _ = run(capsys, "--select", "HDR001,SPL001", str(tmp_path))
    assert out.splitlines()[-2:] == [
        "Found 2 findings in 2 documents.",
        "[*] 1 fixable with --fix; [**] 1 more with --fix --unsafe-fixes.",
    ]
    _, out, _ = run(capsys, "--select", "HDR001", str(tmp_path / "b.txt"))
    assert out == "Found 0 findings in 1 document.\n"  # no legend when nothing is fixable


def test_severity_is_shown_and_info_does_not_fail_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TRAILING, encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert f"{path}:1:20: FMT001 [*] info: trailing whitespace" in out
    assert code == 0  # info findings are shown, not failed on
    assert run(capsys, "--fail-on", "info", str(path))[0] == 1
    path.write_text(GLUED, encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1 and "HDR001 [*] error: date header" in out
    assert run(capsys, "--fail-on", "error", str(path))[0] == 1
    (tmp_path / "byline.txt").write_text(
        "By Ann Lee\nThe council met on Tuesday to talk about the ferry timetable.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--select", "HDR002", "--fail-on", "error", str(tmp_path))
    assert "warning:" in out and code == 0  # a warning does not fail --fail-on error


def test_fail_on_from_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".corpusmend.yaml").write_text("fail-on: info\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(TRAILING, encoding="utf-8")
    code = main(["check", "--no-cache", str(path)])
    capsys.readouterr()
    assert code == 1
    assert main(["check", "--no-cache", "--fail-on", "warning", str(path)]) == 0
