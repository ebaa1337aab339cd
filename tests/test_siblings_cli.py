"""Siblings end to end through `corpusmend check` and `corpusmend index` (real processes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, run_cli, run_cli_process, shared_path

PAIR = FIXTURES / "siblings" / "pair"
PAIR_EXPECTED = FIXTURES / "siblings" / "pair-expected"


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    for f in dst.iterdir():
        f.chmod(0o644)
    return dst


def _findings(out: str) -> dict[str, list[dict]]:
    data = json.loads(out)
    return {Path(d["path"]).name: d["findings"] for d in data["documents"]}


def test_seeds_are_repaired_byte_for_byte_and_a_second_run_changes_nothing(tmp_path):
    seeds = _copy(shared_path("seeds"), tmp_path / "seeds")
    expected = shared_path("seeds-expected")
    run = run_cli("check", "--fix", "--unsafe-fixes", "--exit-zero", str(seeds))
    assert run.returncode == 0, run.stderr
    for f in sorted(seeds.iterdir()):
        want = (expected / f.name.replace(".txt", ".fixed.txt")).read_bytes()
        assert f.read_bytes() == want, f.name
    again = run_cli("check", "--fix", "--unsafe-fixes", "--diff", str(seeds))
    assert again.stdout == ""


def test_seed_001_against_000_gets_a_move_and_a_missing_tail_and_000_gets_nothing(tmp_path):
    seeds = shared_path("seeds")
    run = run_cli("check", "--format", "json", str(seeds))
    found = _findings(run.stdout)
    corrupted = {f["code"]: f for f in found["001_54844bae62cb43cd.txt"]}
    assert corrupted["SIB001"]["fix"]["applicability"] == "unsafe"
    assert corrupted["SIB001"]["fix"]["provenance"]["sibling"].endswith("000_e078c78a2c2bce74.txt")
    assert corrupted["SIB003"]["fix"]["applicability"] == "display"
    assert corrupted["SPL001"]["fix"] is None  # superseded by SIB001
    assert not [f for f in found["000_e078c78a2c2bce74.txt"] if f["code"].startswith("SIB")]


def test_own_pair_is_repaired_like_the_seeds(tmp_path):
    pair = _copy(PAIR, tmp_path / "pair")
    run = run_cli("check", "--fix", "--unsafe-fixes", str(pair))
    assert run.returncode == 1, run.stderr  # the missing tail stays reported
    assert "SIB003" in run.stdout and "corrupted.txt" in run.stdout
    assert (pair / "corrupted.txt").read_bytes() == (
        PAIR_EXPECTED / "corrupted.fixed.txt"
    ).read_bytes()
    assert (pair / "clean.txt").read_bytes() == (PAIR / "clean.txt").read_bytes()
    again = run_cli("check", "--fix", "--unsafe-fixes", "--diff", str(pair))
    assert again.stdout == ""


def test_no_siblings_turns_them_off_and_a_single_file_has_none(tmp_path):
    off = run_cli("check", "--format", "json", "--no-siblings", str(PAIR))
    alone = run_cli("check", "--format", "json", str(PAIR / "corrupted.txt"))
    for run in (off, alone):
        codes = [f["code"] for fs in _findings(run.stdout).values() for f in fs]
        assert codes and not [c for c in codes if c.startswith("SIB")]


def test_a_reference_corpus_gives_a_single_file_its_siblings():
    run = run_cli(
        "check",
        "--format",
        "json",
        "--siblings",
        str(PAIR / "clean.txt"),
        str(PAIR / "corrupted.txt"),
    )
    codes = {f["code"] for f in _findings(run.stdout)["corrupted.txt"]}
    assert {"SIB001", "SIB003", "HDR001"} <= codes
    assert "SIB002" not in codes  # it only corroborates HDR001 on the glued date


def test_an_index_lets_a_run_on_one_changed_file_see_the_whole_corpus(tmp_path):
    index = tmp_path / "corpus.idx"
    built = run_cli_process("index", str(PAIR), "-o", str(index))  # end to end: a real process
    assert built.returncode == 0, built.stderr
    assert "indexed 2 document(s)" in built.stderr
    run = run_cli("check", "--format", "json", "--index", str(index), str(PAIR / "corrupted.txt"))
    codes = {f["code"] for f in _findings(run.stdout)["corrupted.txt"]}
    assert {"SIB001", "SIB003"} <= codes
    strict = run_cli(
        "check",
        "--format",
        "json",
        "--index",
        str(index),
        "--sibling-jaccard",
        "1",
        "--sibling-containment",
        "1",
        str(PAIR / "corrupted.txt"),
    )
    codes = {f["code"] for f in _findings(strict.stdout)["corrupted.txt"]}
    assert not [c for c in codes if c.startswith("SIB")]


def test_a_bad_index_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.idx"
    bad.write_text("nope")
    run = run_cli("check", "--index", str(bad), str(PAIR))
    assert run.returncode == 2
    assert "bad.idx" in run.stderr


def test_a_changed_sibling_changes_the_findings_of_an_unchanged_document(tmp_path):
    """No stale findings: the cache must never answer for a document whose siblings changed
    (a cache key without the siblings' texts would replay the old SIB findings)."""
    pair = _copy(PAIR, tmp_path / "pair")
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "CORPUSMEND_CACHE_DIR": str(tmp_path / "c")}

    def sib_codes() -> set[str]:
        run = run_cli("check", "--format", "json", "--exit-zero", str(pair), env=env)
        assert run.returncode == 0, run.stderr
        return {f["code"] for f in _findings(run.stdout)["corrupted.txt"]} & {
            "SIB001",
            "SIB003",
        }

    assert sib_codes() == {"SIB001", "SIB003"}
    # the sibling becomes an unrelated article: corrupted.txt, unchanged, has no sibling now
    (pair / "clean.txt").write_text((FIXTURES / "siblings" / "ferry.txt").read_text("utf-8"))
    assert sib_codes() == set()


def test_record_siblings_are_named_by_file_and_id(tmp_path):
    records = tmp_path / "pair.jsonl"
    lines = [
        json.dumps({"id": name, "text": (PAIR / f"{name}.txt").read_text(encoding="utf-8")})
        for name in ("clean", "corrupted")
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_cli("check", "--select", "SIB003", str(records))
    assert f"{records}[corrupted]:" in run.stdout
    assert f"{records}[clean] goes on at the end" in run.stdout


def test_a_fix_that_cannot_be_written_keeps_the_findings_made_with_siblings(tmp_path):
    # the fixed copy's place is taken by a folder: the fix is not written, and the file's
    # findings are those of its text as it stays, computed with its sibling (SIB001 too)
    pair = _copy(PAIR, tmp_path / "pair")
    out = tmp_path / "out"
    (out / "corrupted.txt").mkdir(parents=True)
    checked = run_cli("check", "--format", "json", "--no-cache", str(pair))
    fixing = run_cli(
        "check", "--fix", "--unsafe-fixes", "--format", "json", "--output-dir", str(out), str(pair)
    )
    assert "not written" in fixing.stderr, fixing.stderr
    assert _findings(fixing.stdout)["corrupted.txt"] == _findings(checked.stdout)["corrupted.txt"]
    assert "SIB001" in [f["code"] for f in _findings(fixing.stdout)["corrupted.txt"]]


def test_standard_input_is_matched_against_the_reference_corpus_only():
    text = (PAIR / "corrupted.txt").read_text(encoding="utf-8")
    note = "standard input is matched only against --siblings and --index"
    run = run_cli(
        "check", "--format", "json", "--siblings", str(PAIR / "clean.txt"), "-", stdin=text
    )
    assert run.stderr.count(note) == 1
    assert {"SIB001", "SIB003"} <= _stdin_codes(run.stdout)
    off = run_cli("check", "--format", "json", "--no-siblings", "-", stdin=text)
    assert note not in off.stderr
    assert "HDR001" in _stdin_codes(off.stdout)
    assert not {c for c in _stdin_codes(off.stdout) if c.startswith("SIB")}


def _stdin_codes(out: str) -> set[str]:
    (doc,) = json.loads(out)["documents"]
    return {f["code"] for f in doc["findings"]}
