from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from corpusmend.errors import RulePackError
from corpusmend.ruleset.loader import load_packs
from corpusmend.ruleset.schema import schema_json

GOOD_RULE = """\
rules:
  - code: BPL901
    name: my-rule
    kind: pattern
    severity: warning
    message: "found {match}"
    description: A test rule.
    params:
      pattern: 'Click here'
    tests:
      - text: "Click here"
        expect: [BPL901]
      - text: "nothing"
        expect: none
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_pack_loads(tmp_path: Path) -> None:
    (rule,) = load_packs([write(tmp_path, GOOD_RULE)])
    assert (rule.code, rule.name, rule.kind_name, rule.severity) == (
        "BPL901",
        "my-rule",
        "pattern",
        "warning",
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    severity: warning\n", "    severity: warning\n    colour: red\n", 6, "unknown key"),
        (
            "      pattern: 'Click here'",
            "      pattern: 'Click (here'",
            9,
            "bad regular expression",
        ),
        ("    kind: pattern", "    kind: telepathy", 4, "unknown kind"),
        ('    message: "found {match}"\n', "", 2, "'message' is missing"),
        (
            "    params:\n      pattern: 'Click here'",
            "    params:\n      patern: 'x'",
            9,
            "unknown key",
        ),
        ("  - code: BPL901", "  - code: ERR901", 2, "ERR is reserved"),
        ("  - code: BPL901", "  - code: Xy901", 2, "2 to 5 capital letters then 3 digits"),
        ('    message: "found {match}"', '    message: "found {matched}"', 6, "{matched}"),
    ],
)
def test_bad_pack_names_file_line_and_rule(tmp_path, old, new, line, words) -> None:
    path = write(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(RulePackError) as err:
        load_packs([path])
    message = str(err.value)
    assert str(path) in message
    assert err.value.line == line, message
    assert words in message
    assert "BPL901" in message or "ERR901" in message or "Xy901" in message


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE.replace("    kind: pattern", "    kind: [pattern"))
    with pytest.raises(RulePackError) as err:
        load_packs([path])
    assert "YAML syntax error" in str(err.value) and err.value.line is not None


def test_include_loop_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "include: [b.yaml]\nrules: []\n", "a.yaml")
    write(tmp_path, "include: [a.yaml]\nrules: []\n", "b.yaml")
    with pytest.raises(RulePackError, match="include loop"):
        load_packs([tmp_path / "a.yaml"])


def test_duplicate_code_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE, "a.yaml")
    write(tmp_path, GOOD_RULE.replace("my-rule", "other-rule"), "b.yaml")
    with pytest.raises(RulePackError, match="already defined"):
        load_packs([tmp_path])


@pytest.mark.parametrize("breakage", ["    colour: red\n", "    kind: [x\n"])
def test_cli_exits_2_on_a_bad_pack(tmp_path: Path, breakage: str) -> None:
    path = write(
        tmp_path, GOOD_RULE.replace("    severity: warning\n", "    severity: warning\n" + breakage)
    )
    text = write(tmp_path, "Some text.", "doc.txt")
    result = run_cli("check", "--rules", str(path), str(text))
    assert result.returncode == 2
    assert str(path) in result.stderr and ":" in result.stderr
    assert result.stdout == ""


def test_published_schema_is_current() -> None:
    published = (ROOT / "rules" / "rule-pack.schema.json").read_text(encoding="utf-8")
    assert published == schema_json(), (
        "regenerate with: corpusmend schema > rules/rule-pack.schema.json"
    )
    assert json.loads(published)["$defs"]["rule"]["properties"]["kind"]["enum"]


def test_user_pack_data_tables_merge(tmp_path: Path) -> None:
    write(tmp_path, "data: {words: [a]}\nrules: []\n", "a.yaml")
    write(tmp_path, "data: {words: [b]}\n" + GOOD_RULE, "b.yaml")
    (rule,) = load_packs([tmp_path])
    assert rule.kind.data["words"] == ["a", "b"]


ABBREVIATION_PACK = """\
data:
  abbreviations: [qy]
rules:
  - code: FMT901
    name: sentence-starts
    kind: pattern
    severity: info
    message: "a sentence starts"
    description: Marks the first word of every sentence.
    params:
      scope: sentence
      pattern: '\\A\\w+'
    tests:
      - text: "The ship docked at Harbour Qy. Brennick in May. Crews left."
        expect: [{code: FMT901, match: The}, {code: FMT901, match: Crews}]
"""


def test_a_user_pack_extends_the_abbreviations_sentences_are_split_with(tmp_path: Path) -> None:
    from corpusmend import Linter

    text = "The ship docked at Harbour Qy. Brennick in May. Crews left."
    pack = write(tmp_path, ABBREVIATION_PACK)
    extended = Linter(rules=[pack], select=["FMT901"])
    assert [text[f.start : f.end] for f in extended.check(text)] == ["The", "Crews"]
    assert "mr" in extended.abbreviations.words  # the built-in table is extended, not replaced
    alone = Linter(rules=[write(tmp_path, ABBREVIATION_PACK.replace("[qy]", "[]"), "b.yaml")])
    found = [text[f.start : f.end] for f in alone.check(text) if f.code == "FMT901"]
    assert found == ["The", "Brennick", "Crews"]


def test_an_abbreviation_table_that_is_not_a_list_of_words_names_its_file_and_line(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "data:\n  abbreviations: qy\nrules: []\n")
    with pytest.raises(RulePackError, match="data/abbreviations") as err:
        load_packs([path])
    assert err.value.line == 2
