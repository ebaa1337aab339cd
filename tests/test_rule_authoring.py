"""Writing a rule from the README, `explain` and `schema` alone (issue 14, item 9), driven
through `corpusmend.cli.main` in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusmend.cli import main
from corpusmend.kinds import KINDS
from corpusmend.linter import Linter
from corpusmend.ruleset.loader import builtin_rules_dir, load_rules

ACME = """\
rules:
  - code: ACME001
    name: subscribe-line
    kind: pattern
    severity: warning
    message: "subscription prompt: '{match}'"
    description: A prompt to subscribe, copied from the page.
    params:
      scope: line
      pattern: '^\\s*Subscribe now\\.?\\s*$'
      replace: ''
    fix:
      message: delete the line
      applicability: safe
"""
TESTS = """\
    tests:
      - text: "The tide came in.\\nSubscribe now.\\nIt rained."
        expect: [ACME001]
        fixed: "The tide came in.\\nIt rained."
"""
NEGATIVE = """\
      - text: "Subscribe now to the harbour newsletter, the mayor said."
        expect: none
"""


def pack(tmp_path: Path, text: str) -> str:
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_untested_user_rule_loads_with_a_warning_and_its_own_family(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = pack(tmp_path, ACME)
    story = tmp_path / "story.txt"
    story.write_text("The tide came in.\nSubscribe now.\nIt rained.\n", encoding="utf-8")
    code = main(
        ["check", "--isolated", "--no-cache", "--rules", rules, "--select", "ACME", str(story)]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{story}:2:1: ACME001 [*] warning: subscription prompt: 'Subscribe now.'" in out
    assert f"corpusmend: warning: {rules}:2: rule ACME001 has no tests: cases" in err
    # scope: line with replace: '' deletes the line and its line break
    assert main(["check", "--isolated", "--no-cache", "--rules", rules, "--fix", str(story)]) == 0
    assert story.read_text(encoding="utf-8") == "The tide came in.\nIt rained.\n"


def test_validate_rules_runs_what_loading_and_testing_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    untested = pack(tmp_path, ACME)
    assert main(["validate-rules", untested]) == 0
    assert main(["validate-rules", "--strict", untested]) == 1
    assert "no tests: cases (--strict)" in capsys.readouterr().out
    # a missing must-not-fire case: test-rules rejects it, so validate-rules does too
    positive_only = pack(tmp_path, ACME + TESTS)
    assert main(["validate-rules", positive_only]) == 1
    assert "must not fire" in capsys.readouterr().out
    assert main(["test-rules", positive_only]) == 1
    capsys.readouterr()
    whole = pack(tmp_path, ACME + TESTS + NEGATIVE)
    assert main(["validate-rules", "--strict", whole]) == 0
    assert capsys.readouterr().out == f"ok: 1 rules in {whole}\n"
    # a code that clashes with a built-in: check rejects it, so validate-rules does too
    clash = pack(tmp_path, (ACME + TESTS + NEGATIVE).replace("ACME001", "HDR001"))
    assert main(["validate-rules", clash]) == 2
    assert "HDR001 is already defined" in capsys.readouterr().err


def test_an_unknown_placeholder_is_an_error_at_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = pack(tmp_path, ACME.replace("'{match}'", "'{matched}'"))
    assert main(["validate-rules", bad]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:6: rule ACME001: message: unknown placeholder {{matched}}" in err
    assert "the pattern kind gives {match}" in err


def test_explain_kind_and_the_schema_describe_each_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--kind", "pattern"]) == 0
    out = capsys.readouterr().out
    assert "scope: one of" in out and "deletes the line with its line break" in out
    assert "message values: {match} and the pattern's named groups" in out
    assert main(["explain", "--kind"]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in KINDS)
    assert main(["explain", "--kind", "telepathy"]) == 2
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    described = {
        branch["if"]["properties"]["kind"]["const"]: branch["then"]["description"]
        for branch in schema["$defs"]["rule"]["allOf"]
    }
    assert set(described) == set(KINDS)
    assert described["pattern"].startswith("kind pattern: a regular expression")


def test_declared_message_values_are_what_the_kinds_give() -> None:
    """Each kind that declares its message values gives no others on the built-in cases."""
    rules = load_rules([builtin_rules_dir()])
    for rule in rules:
        known = rule.kind.provided_values()
        if known is None:
            continue
        linter = Linter.from_rules([rule], rules)
        for case in rule.tests:
            for finding in linter.check(case.text, list(case.siblings)):
                assert set(finding.data) <= known, (rule.code, set(finding.data) - known)


def test_the_readme_example_pack_passes_validate_rules_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Writing a rule") :]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = pack(tmp_path, example)
    assert main(["validate-rules", "--strict", path]) == 0, capsys.readouterr().out


def test_the_built_in_packs_pass_validate_rules_strict(capsys: pytest.CaptureFixture[str]) -> None:
    """CI holds the built-in packs to the strict bar: every rule has cases, and they pass."""
    assert main(["validate-rules", "--strict", str(builtin_rules_dir())]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
