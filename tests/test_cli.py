from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, copy_writable, run_cli, run_cli_process, shared_path


def copy_fixtures(tmp_path: Path) -> Path:
    """The clean fixtures plus a dated copy of orchard (its sibling: tests that are about
    single-document rules pass --no-siblings; test_siblings_cli.py covers siblings)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "clean", target)
    shutil.copy(FIXTURES / "glued" / "orchard-dated.txt", target)
    return target


# End to end (a real process): check, stdin piped in, and the rule commands. The other CLI
# tests run in this process (conftest.run_cli), which reads the same.


def test_check_reports_glued_header_at_line_1_column_1(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    result = run_cli_process("check", "--no-siblings", str(corpus))
    assert result.returncode == 1, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ": " in ln and ln.startswith(str(corpus))]
    message = "HDR001 [*] error: date header glued before the text: ' date 2019-05-02 '"
    assert lines == [f"{corpus}/orchard-dated.txt:1:1: {message}"]


def test_diff_shows_fix_and_writes_nothing(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    before = (corpus / "orchard-dated.txt").read_bytes()
    result = run_cli("check", "--diff", str(corpus))
    assert "- date 2019-05-02 Apple growers" in result.stdout
    assert "+Apple growers" in result.stdout
    assert (corpus / "orchard-dated.txt").read_bytes() == before
    assert result.returncode == 1


def test_fix_then_fix_again_changes_nothing(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    clean_before = {
        p.name: p.read_bytes() for p in corpus.iterdir() if p.name != "orchard-dated.txt"
    }
    first = run_cli("check", "--no-siblings", "--fix", str(corpus))
    assert first.returncode == 0, first.stdout + first.stderr
    fixed = (corpus / "orchard-dated.txt").read_text(encoding="utf-8")
    assert fixed.startswith("Apple growers in the Tamsin Valley")
    assert fixed.endswith("similar losses.\n")
    second = run_cli("check", "--no-siblings", "--fix", "--format", "json", str(corpus))
    assert json.loads(second.stdout)["summary"]["fixed"] == 0
    assert (corpus / "orchard-dated.txt").read_text(encoding="utf-8") == fixed
    assert {
        p.name: p.read_bytes() for p in corpus.iterdir() if p.name != "orchard-dated.txt"
    } == clean_before


def test_json_contract(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    result = run_cli("check", "--no-siblings", "--format", "json", str(corpus))
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "documents", "summary"}
    count = len(list(corpus.iterdir()))
    assert len(payload["documents"]) == count  # documents without findings are listed too
    docs = {Path(d["path"]).name: d for d in payload["documents"]}
    (finding,) = docs["orchard-dated.txt"]["findings"]
    assert set(finding) == {
        "code",
        "name",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }
    assert (
        finding["code"],
        finding["start"],
        finding["end"],
        finding["line"],
        finding["column"],
    ) == ("HDR001", 0, 17, 1, 1)
    assert finding["fix"] == {
        "applicability": "safe",
        "message": "remove the header (date 2019-05-02)",
        "edits": [{"start": 0, "end": 17, "content": ""}],
        "metadata": {"date": "2019-05-02"},  # what a metadata move would store
    }
    assert payload["summary"] == {
        "documents": count,
        "findings": 1,
        "by_code": {"HDR001": 1},
        "fixed": 0,
    }


def test_stdin_and_exit_zero() -> None:
    result = run_cli_process("check", "--exit-zero", "-", stdin=" date 2020-01-01 Text here.")
    assert result.returncode == 0
    assert "-:1:1: HDR001" in result.stdout


def test_select_and_ignore(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    assert run_cli("check", "--no-siblings", "--ignore", "HDR", str(corpus)).returncode == 0
    assert run_cli("check", "--select", "glued-date-header", str(corpus)).returncode == 1
    bad = run_cli("check", "--select", "NOPE", str(corpus))
    assert bad.returncode == 2 and "NOPE" in bad.stderr


def test_missing_path_is_reported_and_others_checked(tmp_path: Path) -> None:
    corpus = copy_fixtures(tmp_path)
    result = run_cli("check", str(tmp_path / "missing.txt"), str(corpus / "orchard-dated.txt"))
    assert result.returncode == 2
    assert "missing.txt" in result.stderr
    assert "HDR001" in result.stdout


def test_rules_explain_and_test_rules() -> None:
    listing = run_cli_process("rules")
    assert (
        listing.returncode == 0
        and "HDR001" in listing.stdout
        and "glued-date-header" in listing.stdout
    )
    explain = run_cli_process("explain", "HDR001")
    assert explain.returncode == 0 and "Fix (safe)" in explain.stdout
    assert run_cli("explain", "ZZZ999").returncode == 2
    tested = run_cli_process("test-rules")
    assert tested.returncode == 0, tested.stdout
    assert "0 rules failing" in tested.stdout


def test_test_rules_fails_a_rule_without_negative_case(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n  - code: BPL900\n    name: only-positive\n    kind: pattern\n    severity: info\n"
        "    message: m\n    description: d\n    params: {pattern: 'x'}\n"
        "    tests:\n      - {text: 'x', expect: [BPL900]}\n",
        encoding="utf-8",
    )
    result = run_cli("test-rules", str(pack))
    assert result.returncode == 1
    assert "must not fire" in result.stdout


def test_seeds_get_the_header_finding(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    target = tmp_path / "seeds"
    copy_writable(seeds, target)
    result = run_cli("check", "--select", "HDR001", "--format", "json", str(target))
    docs = {Path(d["path"]).name: d["findings"] for d in json.loads(result.stdout)["documents"]}
    assert [(f["code"], f["line"], f["column"]) for f in docs["001_54844bae62cb43cd.txt"]] == [
        ("HDR001", 1, 1)
    ]
    assert docs["000_e078c78a2c2bce74.txt"] == []
    run_cli("check", "--select", "HDR001", "--fix", str(target))
    assert (
        (target / "001_54844bae62cb43cd.txt")
        .read_text(encoding="utf-8")
        .startswith("Russian President")
    )
    again = run_cli("check", "--select", "HDR001", "--fix", "--format", "json", str(target))
    assert json.loads(again.stdout)["summary"]["fixed"] == 0


def test_a_ray_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A short text.\n", encoding="utf-8")
    run = run_cli("check", str(tmp_path / "a.txt"), "--ray-address", "auto", "--isolated")
    assert run.returncode == 2
    assert "--ray-address needs --engine ray" in run.stderr
