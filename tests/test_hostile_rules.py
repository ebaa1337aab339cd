"""A careless user rule must not hang or crash a run."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

BACKTRACKING = """\
rules:
  - code: BPL950
    name: backtracking-rule
    kind: pattern
    severity: warning
    message: never finishes
    description: A pattern with catastrophic backtracking.
    params:
      pattern: '(x+x+)+y'
      timeout: 0.5
    tests:
      - {text: 'xxy', expect: [BPL950]}
      - {text: 'abc', expect: none}
"""


def test_catastrophic_regex_is_stopped_reported_and_the_run_continues(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(BACKTRACKING, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-hostile.txt").write_text("x" * 5000, encoding="utf-8")
    (corpus / "b-normal.txt").write_text(" date 2020-02-02 Ordinary text.", encoding="utf-8")
    result = run_cli("check", "--rules", str(pack), str(corpus))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "a-hostile.txt:1:1: ERR001" in result.stdout
    assert "BPL950" in result.stdout and "took over 0.5s" in result.stdout
    assert "b-normal.txt:1:1: HDR001" in result.stdout
