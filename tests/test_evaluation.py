"""The evaluation: its corruptions carry exact ground truth, its metrics count what they claim,
and `corpusmend eval` runs end to end on a small invented corpus."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli, run_cli_process
from corpusmend import Linter
from corpusmend.document import Document
from corpusmend.evaluation.corruptions import Corruption, apply_edits, restore
from corpusmend.evaluation.evaluate import evaluate
from corpusmend.evaluation.families import FAMILIES, Family, family
from corpusmend.evaluation.metrics import FamilyScore, detected, overlaps, per_1000
from corpusmend.evaluation.report import to_json, to_text
from corpusmend.findings import Edit, Finding
from corpusmend.segmentation import paragraphs


def _load_bench_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_corpus = _load_bench_corpus()
CLEAN = bench_corpus.documents(40, seed=11) + [
    p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "clean").glob("*.txt"))
]


def corruptions(name: str) -> list[tuple[str, Corruption]]:
    fam = family(name)
    out = []
    for i, clean in enumerate(CLEAN):
        c = fam.corrupt(clean, random.Random(f"t:{i}:{name}"))
        if c is not None:
            out.append((clean, c))
    return out


@pytest.mark.parametrize("name", [f.name for f in FAMILIES])
def test_each_corruption_is_undone_exactly_by_its_ground_truth(name: str) -> None:
    pairs = corruptions(name)
    assert len(pairs) >= 20, f"{name} found a place in only {len(pairs)} documents"
    for clean, c in pairs:
        assert c.family == name
        assert c.text != clean
        assert restore(c) == clean
        start, end = c.span
        assert 0 <= start <= end <= len(c.text)
        edit = c.repair[0]
        assert edit.start <= end and start <= edit.end, "the span lies where the text changed"


@pytest.mark.parametrize("name", [f.name for f in FAMILIES])
def test_corruptions_are_deterministic_and_varied(name: str) -> None:
    fam = family(name)
    first = [fam.corrupt(t, random.Random(f"d:{i}")) for i, t in enumerate(CLEAN)]
    again = [fam.corrupt(t, random.Random(f"d:{i}")) for i, t in enumerate(CLEAN)]
    assert first == again
    shapes = {c.shape for c in first if c is not None}
    assert len(shapes) >= 2


def test_glued_headers_are_glued_before_the_text_in_many_shapes() -> None:
    pairs = corruptions("header")
    for clean, c in pairs:
        assert c.span[0] == 0
        assert c.text[c.span[1] :] == clean
        assert any(ch.isdigit() for ch in c.text[: c.span[1]])
    assert len({c.shape for _, c in pairs}) >= 8


def test_a_spliced_quotation_sits_inside_a_sentence_that_resumes_in_lower_case() -> None:
    for clean, c in corruptions("splice"):
        start, end = c.span
        block = c.text[start:end]
        assert block.startswith("\n\n“")
        assert c.text[end - 1].islower(), "the broken sentence resumes in lower case"
        assert c.text[start - 1] not in ".!?", "the paragraph stops mid-sentence"
        quote = block.strip().split("\n\n")[0].rstrip(" " + c.text[end - 1])
        assert quote.rstrip() in clean, "the quotation is a paragraph of the clean text"


def test_sentence_breaks_are_paragraph_breaks_never_hard_wraps() -> None:
    for _, c in corruptions("sentence-break"):
        gap = c.text[c.span[0] : c.span[1]]
        assert gap in ("\n\n", "\n\n\n")
        assert c.text[c.span[1]].islower()


def test_mojibake_is_utf8_read_as_another_code_page() -> None:
    pairs = corruptions("mojibake")
    layers = {c.shape.split(",")[0] for _, c in pairs}
    assert {"cp1252", "latin-1", "MacRoman"} <= {s.split(" then ")[0] for s in layers}
    assert any(" then " in s for s in layers), "double layers are generated"
    for clean, c in pairs:
        start, end = c.span
        garbled = c.text[start:end]
        expected = clean[start : len(clean) - (len(c.text) - end)]
        assert garbled != expected
        if c.shape.startswith("cp1252,"):
            assert garbled.encode("sloppy-windows-1252").decode("utf-8") == expected


def test_stray_bytes_are_lone_surrogates_as_the_text_reader_makes_them(tmp_path: Path) -> None:
    from corpusmend.readers.text import read_text_document

    for clean, c in corruptions("stray-bytes")[:10]:
        assert any("\udc80" <= ch <= "\udcff" for ch in c.text)
        raw = c.text.encode("utf-8", errors="surrogateescape")
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        path = tmp_path / "stray.txt"
        path.write_bytes(raw)
        assert read_text_document(path).text == c.text
        decoded = "".join(
            bytes([ord(ch) - 0xDC00]).decode("cp1252") if "\udc80" <= ch <= "\udcff" else ch
            for ch in c.text
        )
        assert decoded == clean, "decoding each stray byte as Windows-1252 restores the text"


def test_truncated_documents_are_prefixes_of_the_clean_text() -> None:
    for clean, c in corruptions("truncation"):
        assert clean.startswith(c.text.rstrip())
        assert c.text.endswith("\n")
        assert c.span[1] == len(c.text)


def test_sibling_families_carry_a_clean_sibling() -> None:
    for fam in (f for f in FAMILIES if f.siblings):
        for clean, c in corruptions(fam.name)[:5]:
            assert len(c.siblings) == 1
            sibling = c.siblings[0]
            assert len(paragraphs(sibling)) == len(paragraphs(clean))


def test_apply_edits_applies_in_offset_order() -> None:
    edits = (Edit(6, 11, "there"), Edit(0, 5, "Hi"))
    assert apply_edits("Hello world!", edits) == "Hi there!"


# --- metrics --------------------------------------------------------------------------------


def _finding(code: str, start: int, end: int, severity: str = "error") -> Finding:
    return Finding(code, "n", severity, "m", start, end, 1, 1, 1, 1)  # type: ignore[arg-type]


def test_overlap_counts_shared_characters_and_zero_width_findings_inside() -> None:
    assert overlaps(_finding("X", 5, 10), (9, 12))
    assert not overlaps(_finding("X", 5, 10), (10, 12))  # touching is not overlapping
    assert overlaps(_finding("X", 12, 12), (10, 12))  # a zero-width finding at the end
    assert not overlaps(_finding("X", 13, 13), (10, 12))
    assert overlaps(_finding("X", 0, 20), (10, 10))  # a zero-width span inside a finding


def test_detected_needs_the_family_code_at_the_place() -> None:
    findings = [_finding("HDR001", 0, 10), _finding("ENC001", 40, 50)]
    assert detected(findings, (2, 4), ("HDR",))
    assert not detected(findings, (2, 4), ("ENC",))  # right place, wrong family
    assert not detected(findings, (20, 30), ("HDR", "ENC"))  # right family, wrong place


def test_family_score_tallies_recall_and_repair_per_shape() -> None:
    score = FamilyScore("f", ("X",), True, False, 0.95, 0.9)
    score.add("a", found=True, repaired=True)
    score.add("a", found=False, repaired=False, example="ex1")
    score.add("b", found=True, repaired=False)
    score.add("b", found=True, repaired=True)
    assert score.total.recall == 0.75
    assert score.total.repair_rate == 0.5
    assert score.shapes["a"].recall == 0.5
    assert score.shapes["a"].examples == ["ex1"]
    assert score.shapes["b"].recall == 1.0
    assert score.false_per_1000(0) is None
    score.false_findings = 3
    assert score.false_per_1000(200) == 15.0
    assert per_1000(1, 4) == 250.0


PACK = """\
rules:
  - code: BPL990
    name: xyzzy-line
    kind: pattern
    severity: error
    message: "furniture line"
    description: A test rule for the evaluation's own test.
    params:
      scope: document
      pattern: '\\n\\n(?:XYZZY|PLUGH)(?=\\n\\n)'
      replace: ''
    fix:
      message: delete the line
      applicability: safe
    tests:
      - text: "One.\n\nXYZZY\n\nTwo."
        expect: [BPL990]
        fixed: "One.\n\nTwo."
      - text: "One XYZZY two."
        expect: none
"""


def _furniture(clean: str, rng: random.Random) -> Corruption | None:
    pars = paragraphs(clean)
    if len(pars) < 2:
        return None
    at = pars[0][1]
    word, shape = rng.choice((("XYZZY", "found"), ("FROTZ", "missed")))
    text = clean[:at] + "\n\n" + word + clean[at:]
    return Corruption("furniture", shape, text, (at + 2, at + 7), (Edit(at, at + 7, ""),))


def test_evaluate_computes_recall_false_findings_and_repair_with_a_known_rule(
    tmp_path: Path,
) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    linter = Linter(rules=[pack], builtin=False)
    clean = [Document(t, id=str(i)) for i, t in enumerate(CLEAN[:20])]
    # one untouched document holds a line the rule flags: a false finding
    clean.append(Document("First paragraph.\n\nPLUGH\n\nLast paragraph.\n", id="odd"))
    fam = Family("furniture", _furniture, ("BPL",), repair_target=0.9)
    result = evaluate(linter, clean, seed=1, families=[fam])
    score = result.families[0]
    found, missed = score.shapes["found"], score.shapes["missed"]
    assert found.injected + missed.injected == 21
    assert found.recall == 1.0 and found.repair_rate == 1.0
    assert missed.recall == 0.0 and missed.repair_rate == 0.0
    assert missed.examples and "[FROTZ]" in missed.examples[0]
    assert score.total.recall == found.injected / 21
    assert score.false_findings == 1
    assert result.false_errors == 1 and result.false_errors_by_code == {"BPL990": 1}
    report = to_text(result)
    assert "furniture" in report and "missed shapes" in report and "FROTZ" in report
    data = to_json(result)
    assert data["families"][0]["false_per_1000"] == pytest.approx(1000 / 21)
    assert data["clean_error_findings"] == 1


def test_sibling_families_are_skipped_without_sibling_rules(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    linter = Linter(rules=[pack], builtin=False)
    sib = [f for f in FAMILIES if f.siblings][:1]
    result = evaluate(linter, [Document(CLEAN[0])], families=sib)
    assert result.families[0].skipped
    assert result.families[0].total.injected == 0


# --- the command ------------------------------------------------------------------------------


def test_eval_command_runs_end_to_end_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "clean"
    bench_corpus.write_corpus(corpus, 5, seed=4)
    proc = run_cli("eval", "--synthetic-siblings", str(corpus), "--seed", "3", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["untouched_documents"] == 5
    assert data["crashes"] == 0
    names = [f["family"] for f in data["families"]]
    assert names == [f.name for f in FAMILIES]
    for fam in data["families"]:
        if fam["skipped"]:
            continue
        assert fam["injected"] >= 3, fam["family"]
        assert 0.0 <= fam["recall"] <= 1.0
        assert sum(s["injected"] for s in fam["shapes"].values()) == fam["injected"]
    again = run_cli("eval", "--synthetic-siblings", str(corpus), "--seed", "3", "--format", "json")
    assert json.loads(again.stdout) == data, "the same seed gives the same figures"

    text = run_cli(
        "eval", "--synthetic-siblings", str(corpus), "--family", "header", "--max-docs", "2"
    )
    assert text.returncode == 0, text.stderr
    assert "corpusmend eval: 2 clean documents" in text.stdout
    assert "header" in text.stdout and "mojibake" not in text.stdout


def test_eval_command_reports_an_empty_corpus_as_an_error(tmp_path: Path) -> None:
    proc = run_cli_process("eval", str(tmp_path))  # end to end: a real process
    assert proc.returncode == 2
    assert "no documents" in proc.stderr
