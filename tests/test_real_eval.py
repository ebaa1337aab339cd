"""The real-corpus evaluation: reference groups, the repair measure fix(corrupted) ==
fix(original), other documents changed, and the shortcut that re-runs only affected documents,
on an invented corpus of stories with copies (tests/eval_corpus.py)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import eval_corpus as ec
import pytest

from conftest import run_cli, shared_path
from corpusmend import Linter
from corpusmend.document import Document
from corpusmend.evaluation import reference_groups
from corpusmend.evaluation.corpus_runs import CorpusRun, build_index
from corpusmend.evaluation.corruptions import Corruption, repair_edits, restore
from corpusmend.evaluation.discovery import discovery
from corpusmend.evaluation.families import Family
from corpusmend.evaluation.quotation_splice import quotation_into_last_sentence
from corpusmend.evaluation.real_evaluate import evaluate_real, held_by_copy
from corpusmend.evaluation.real_families import REAL_FAMILIES
from corpusmend.evaluation.real_report import errors_text, mismatches_text, to_text
from corpusmend.evaluation.verify import disagreements
from corpusmend.passes.corpus import CorpusInputs
from corpusmend.readers import read_documents
from corpusmend.siblings.options import SiblingOptions


def corpus(tmp_path: Path, replace: dict[str, str] | None = None) -> list[Document]:
    path = ec.write_jsonl(tmp_path / "corpus.jsonl", replace=replace)
    return [d for d in read_documents([str(path)]) if isinstance(d, Document)]


def corpus_run(docs: list[Document], linter: Linter | None = None) -> CorpusRun:
    return CorpusRun(linter or Linter(), docs, build_index(docs, SiblingOptions()))


def no_groups(docs: list[Document]) -> reference_groups.ReferenceGroups:
    return reference_groups.ReferenceGroups(tuple(d.id for d in docs), (), ())


def sibling_inputs() -> CorpusInputs:
    return CorpusInputs(paths=())  # full runs put the corpus's files in


# --- reference groups ---------------------------------------------------------------------------


def test_reference_groups_pair_each_story_with_its_copy_and_nothing_else(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    groups = reference_groups.compute(docs)
    found = {tuple(sorted((docs[p.a].id, docs[p.b].id))) for p in groups.pairs}
    assert found == {tuple(sorted(pair)) for pair in ec.STORIES}
    assert len(groups.groups) == 3
    assert all(0.4 <= p.containment < 1.0 for p in groups.pairs)


def test_reference_groups_are_cached_for_the_same_documents_only(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    cache = tmp_path / "report" / "reference-groups.json"
    first = reference_groups.load_or_compute(docs, cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["pairs"] = data["pairs"][:1]  # a cache the next call must read, not recompute
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert len(reference_groups.load_or_compute(docs, cache).pairs) == 1
    changed = [docs[0].with_text(docs[0].text + "One more sentence.\n"), *docs[1:]]
    again = reference_groups.load_or_compute(changed, cache)
    assert len(again.pairs) == len(first.pairs) == 3


def test_word_shingles_ignore_case_and_punctuation() -> None:
    a = reference_groups.word_shingles("The Harbour, “reopened” on Monday after repairs.")
    b = reference_groups.word_shingles("the harbour reopened on monday after repairs")
    assert a == b and len(a) == 3
    assert reference_groups.word_shingles("Too short") == {("too", "short")}


# --- the injection ------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", ["“", '"'])
def test_a_quotation_is_spliced_into_the_last_sentence_before_a_lower_case_word(
    quote: str,
) -> None:
    paras = [p.replace("“", quote).replace("”", quote) for p in ec.TUNNEL]
    clean = ec.text(paras)
    seen = set()
    for seed in range(30):
        c = quotation_into_last_sentence(clean, random.Random(seed))
        assert c is not None
        assert restore(c) == clean
        start, end = c.span
        assert c.text[start : start + 3] == "\n\n" + quote
        assert c.text[end - 1].islower() or c.text[end - 1] == " "
        broken = c.text[:start].rsplit("\n\n", 1)[-1]
        last_sentence = broken.rsplit(". ", 1)[-1]
        assert len(last_sentence.split()) >= 4, "the break is in the last sentence, words in"
        seen.add(c.shape)
    assert len(seen) >= 3


def test_no_quotation_paragraph_no_splice() -> None:
    clean = ec.text([p for p in ec.TUNNEL if not p.startswith("“")])
    assert quotation_into_last_sentence(clean, random.Random(1)) is None


# --- the measure --------------------------------------------------------------------------------

MARKER_PACK = """
rules:
  - code: FMT951
    name: marker
    kind: pattern
    severity: error
    message: "marker"
    description: A marker the test family injects.
    params:
      scope: document
      pattern: ' ZQX'
      replace: '{replace}'
    fix:
      message: remove the marker
      applicability: safe
    tests:
      - text: "The harbour ZQX reopened."
        expect: [FMT951]
      - text: "The harbour reopened."
        expect: none
"""


def marker(clean: str, rng: random.Random) -> Corruption | None:
    at = clean.find(" ", clean.find("\n\n") + 2)
    text = clean[:at] + " ZQX" + clean[at:]
    return Corruption(
        "marker", "after the first word", text, (at, at + 4), repair_edits(clean, text)
    )


MARKER = Family("marker", marker, ("FMT951",))


def test_a_wrong_repair_is_counted_as_a_mismatch_and_a_right_one_is_not(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    rates = {}
    for name, replace in (("right", ""), ("wrong", "Z")):
        pack = tmp_path / f"{name}.yaml"
        pack.write_text(MARKER_PACK.replace("{replace}", replace), encoding="utf-8")
        run = corpus_run(docs, Linter(rules=[pack], builtin=False))
        result = evaluate_real(run, no_groups(docs), [MARKER], max_per_family=5)
        score = result.families[0].score
        assert score.total.injected == 5 and score.total.recall == 1.0
        rates[name] = score.total.repair_rate
        listed = mismatches_text(result)
        if name == "wrong":
            assert listed.count("=== marker") == 5
            changed = [line for line in listed.splitlines() if line.startswith(("+", "-"))]
            assert any(line.startswith("+") and not line.startswith("+++") for line in changed)
        else:
            assert "===" not in listed
    assert rates == {"right": 1.0, "wrong": 0.0}


def cut_tunnel(clean: str, rng: random.Random) -> Corruption | None:
    """Truncate the first tunnel story before its second quotation (no other document)."""
    if not clean.startswith(ec.TUNNEL[0]):
        return None
    text = ec.text(ec.TUNNEL[:6])
    return Corruption("cut", "before a quotation", text, (len(text) - 1, len(text)), ())


def spliced_tunnel_copy() -> str:
    """The tunnel copy with its traders' quotation spliced into an earlier paragraph."""
    c = ec.TUNNEL_COPY
    head, tail = c[4].split(" before the winter")
    return ec.text([*c[:4], head + "\n\n" + c[9] + " before the winter" + tail, *c[5:9], c[10]])


def test_other_documents_fixed_differently_are_counted_and_listed(tmp_path: Path) -> None:
    """The copy's splice is repaired from its sibling; cutting the sibling short changes that
    repair: an other document fixed differently."""
    docs = corpus(tmp_path, replace={"tunnel-b": spliced_tunnel_copy()})
    run = corpus_run(docs)
    family = Family("cut", cut_tunnel, ("TRN",), repairable=False)
    result = evaluate_real(run, no_groups(docs), [family], max_per_family=10)
    scored = result.families[0]
    assert scored.score.total.injected == 1
    assert scored.others_changed == 1
    assert "OTHER document tunnel-b changed because tunnel-a was corrupted" in mismatches_text(
        result
    )
    # and the shortcut agrees with a full check over the corrupted corpus on disk
    assert disagreements(result, scored.injections[0], run.linter, sibling_inputs()) == []


def test_re_running_only_affected_documents_agrees_with_full_runs(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    run = corpus_run(docs)
    groups = reference_groups.compute(docs)
    families = [f for f in REAL_FAMILIES if f.name in ("sib-splice", "sib-header", "splice")]
    result = evaluate_real(run, groups, families, max_per_family=2)
    injections = [i for s in result.families for i in s.injections]
    assert len(injections) >= 7
    assert {i.family for i in injections} == {"sib-splice", "sib-header", "splice"}
    for injection in injections:
        assert disagreements(result, injection, run.linter, sibling_inputs()) == []


def test_sibling_families_inject_into_one_copy_of_a_group_and_keep_the_others(
    tmp_path: Path,
) -> None:
    docs = corpus(tmp_path)
    run = corpus_run(docs)
    groups = reference_groups.compute(docs)
    sib = [f for f in REAL_FAMILIES if f.name == "sib-splice"]
    result = evaluate_real(run, groups, sib, per_group=1)
    injections = result.families[0].injections
    members = {docs[p].id for g in groups.groups for p in g}
    assert len(injections) == 3
    assert {docs[i.position].id for i in injections} <= members
    for i in injections:
        assert i.siblings, "the corrupted copy keeps its real sibling"
        (sibling,) = i.siblings
        assert {sibling, docs[i.position].id} in [set(p) for p in ec.STORIES]


def test_the_moved_block_is_asked_for_in_the_other_copies(tmp_path: Path) -> None:
    lead = "The council voted on Tuesday to close the old bridge for repairs until spring."
    quote = "“We looked at every other choice first and none of them was safe,” the mayor said."
    copies = [
        Document(id="a", text=f"{lead}\n\n{quote}"),
        Document(id="b", text=f"{lead}\n\nDrivers will use the ferry in the meantime."),
        Document(id="c", text=f"{lead}\n\n{quote.replace('every other', 'each')}"),
    ]
    assert held_by_copy(copies, (0, 1, 2), 1, quote), "a holds it word for word"
    assert not held_by_copy(copies, (0, 1), 0, quote), "its own text is not another copy"
    assert not held_by_copy(copies, (0, 2), 0, quote), "c rewords it: under 80% of its shingles"
    docs = corpus(tmp_path)
    groups = reference_groups.compute(docs)
    run = corpus_run(docs)
    sib = [f for f in REAL_FAMILIES if f.name == "sib-splice"]
    result = evaluate_real(run, groups, sib, per_group=1)
    score = result.families[0]
    assert all(i.held is not None for i in score.injections)
    split = score.held_split()
    assert split is not None
    (held, held_ok), (rest, rest_ok) = split
    assert held + rest == len(score.injections)
    assert held_ok + rest_ok == sum(i.repaired for i in score.injections)
    assert "another copy holds the moved block in" in to_text(result, discovery(run, groups), None)


def test_error_findings_on_untouched_documents_are_listed_with_their_context(
    tmp_path: Path,
) -> None:
    docs = corpus(tmp_path, replace={"tunnel-b": spliced_tunnel_copy()})
    result = evaluate_real(corpus_run(docs), no_groups(docs), [])
    listed = errors_text(result)
    assert result.errors_by_code["SIB001"] == 1
    assert "tunnel-b\tSIB001\t" in listed
    assert "[" in listed.split("tunnel-b\tSIB001", 1)[1]


# --- the command --------------------------------------------------------------------------------


def test_eval_command_reads_any_field_and_says_na_without_siblings(tmp_path: Path) -> None:
    path = ec.write_jsonl(
        tmp_path / "alone.jsonl", ids=["market", "choir"], text_field="body", id_field="key"
    )
    report = tmp_path / "report"
    proc = run_cli(
        "eval", str(path), "--text-field", "body", "--id-field", "key", "--report-dir",
        str(report), "--family", "splice", "--family", "sib-splice", "--isolated",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    rows = {line.split()[0]: line for line in proc.stdout.splitlines() if line[:1].isalpha()}
    assert "n/a" in rows["sib-splice"] and "no sibling groups" in rows["sib-splice"]
    assert rows["splice"].split()[2] == "2", "both documents get a splice"
    assert "reference siblings: 0 pairs in 0 groups" in proc.stdout
    assert (report / "mismatches.txt").is_file() and (report / "error-findings.txt").is_file()
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    assert [f["family"] for f in summary["families"]] == ["splice", "sib-splice"]
    assert summary["families"][1]["skipped"] and summary["families"][0]["injected"] == 2


def test_eval_command_on_copies_verifies_itself_against_full_runs(tmp_path: Path) -> None:
    path = ec.write_jsonl(tmp_path / "corpus.jsonl")
    proc = run_cli(
        "eval", str(path), "--report-dir", str(tmp_path / "r"), "--family", "sib-splice",
        "--verify", "2", "--isolated",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "reference siblings: 3 pairs in 3 groups (6 documents)" in proc.stdout
    assert "sibling index discovery: 3/3 reference pairs (1.00)" in proc.stdout
    assert "verified against full runs: 2 injections x 8 documents, 0 disagreements" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if line.startswith("sib-splice"))
    assert row.split()[2] == "3", "one injection per reference group"


def test_eval_on_the_shared_real_copies(tmp_path: Path) -> None:
    """The census and Spotify stories of ../shared/corpora/article-comparisons (68 real pages):
    real reference groups, and the measure agrees with a full run."""
    folder = shared_path("corpora", "article-comparisons")
    paths = [str(folder / "census.jsonl"), str(folder / "spotify.jsonl")]
    proc = run_cli(
        "eval", *paths, "--report-dir", str(tmp_path / "r"), "--family", "sib-splice",
        "--verify", "1", "--isolated", "--format", "text",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    groups = int(proc.stdout.split(" pairs in ")[1].split()[0])
    assert groups >= 5, proc.stdout
    assert ", 0 disagreements" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if line.startswith("sib-splice"))
    assert int(row.split()[2]) >= 3


def test_real_families_keep_the_registry_codes_and_need_no_synthetic_sibling() -> None:
    from corpusmend.evaluation.families import FAMILIES

    assert [f.name for f in REAL_FAMILIES] == [f.name for f in FAMILIES]
    for real, invented in zip(REAL_FAMILIES, FAMILIES, strict=True):
        assert real.codes == invented.codes and real.siblings == invented.siblings
        c = real.corrupt(ec.text(ec.TUNNEL), random.Random(2))
        if c is not None:
            assert c.siblings == (), real.name
    assert all(f.unsafe for f in REAL_FAMILIES), "the measure runs --fix --unsafe-fixes"
