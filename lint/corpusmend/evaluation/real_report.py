"""The real-corpus evaluation's output: a table for people, JSON for tools, and two files to read:
every repair mismatch with a short diff, and every error-level finding on untouched documents."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from corpusmend.document import Document
from corpusmend.evaluation.discovery import Discovery
from corpusmend.evaluation.evaluate import ERROR_TARGET_PER_1000
from corpusmend.evaluation.metrics import per_1000
from corpusmend.evaluation.output_files import write_text
from corpusmend.evaluation.real_evaluate import (
    HELD_SHARE,
    Injection,
    RealEvalResult,
    RealFamilyScore,
)
from corpusmend.findings import Finding

MISMATCHES_FILE = "mismatches.txt"
ERRORS_FILE = "error-findings.txt"
GROUPS_FILE = "reference-groups.json"
SUMMARY_FILE = "summary.json"


def _rate(value: float | None, target: float | None = None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}{'*' if target is not None and value < target else ' '}"


def _row(s: RealFamilyScore, n: int) -> str:
    score = s.score
    codes = ",".join(score.codes)
    if score.skipped:
        return f"{score.family:<19}{codes:<26}{'n/a':>9}  ({score.skipped})"
    t = score.total
    if not t.injected:
        return f"{score.family:<19}{codes:<26}{0:>9}  (no place for this artifact in the corpus)"
    repair = _rate(t.repair_rate, score.repair_target) if score.repairable else "n/a"
    false = per_1000(score.false_findings, n)
    return (
        f"{score.family:<19}{codes:<26}{t.injected:>9}{_rate(t.recall, score.recall_target):>8}"
        f"{repair:>8}{s.others_changed:>8}{'-' if false is None else f'{false:.1f}':>14}"
    )


def to_text(result: RealEvalResult, found: Discovery, report_dir: Path | None) -> str:
    n = len(result.documents)
    groups = result.groups
    grouped = sum(len(g) for g in groups.groups)
    lines = [
        f"corpusmend eval: {n} documents, seed {result.seed}; fix = check --fix --unsafe-fixes"
        " with siblings",
        f"reference siblings: {len(groups.pairs)} pairs in {len(groups.groups)} groups"
        f" ({grouped} documents), 5-word shingle containment >= {groups.min_containment}"
        f" and >= {groups.min_shared} shared",
    ]
    if found.reference_pairs:
        lines.append(
            f"sibling index discovery: {found.found}/{found.reference_pairs} reference pairs"
            f" ({found.recall:.2f}); in the lists check uses: {found.within_limit}"
            f" ({found.recall_within_limit:.2f}); pairs only the index has: {found.index_only}"
        )
    lines += [
        "",
        f"{'family':<19}{'codes':<26}{'injected':>9}{'recall':>8}{'repair':>8}{'others':>8}"
        f"{'untouched/1k':>14}",
    ]
    lines += [_row(s, n) for s in result.families]
    lines += [
        "",
        "repair: fix(corrupted) == fix(original) for the corrupted document; others: documents",
        "fixed differently because the corrupted copy was in the corpus (want 0); untouched/1k:",
        "the family's findings per 1,000 untouched documents (real artifacts and false ones: read",
        "the error file); * below target (recall 0.95, repair as set)",
    ]
    lines += _held_lines(result)
    errors = sum(result.errors_by_code.values())
    rate = per_1000(errors, n)
    mark = (
        ""
        if rate is None or rate < ERROR_TARGET_PER_1000
        else " (target: < 1 a reader judges wrong)"
    )
    by_code = ", ".join(f"{c} {k}" for c, k in sorted(result.errors_by_code.items()))
    lines.append(
        f"error-level findings on untouched documents: {errors}"
        f" ({'-' if rate is None else f'{rate:.1f}'} per 1,000){mark}"
        + (f": {by_code}" if by_code else "")
    )
    mismatches = sum(
        (not i.repaired and s.score.repairable) + len(i.others_changed)
        for s in result.families
        for i in s.injections
    )
    if report_dir is not None:
        lines.append(
            f"files: {report_dir / MISMATCHES_FILE} ({mismatches} mismatches),"
            f" {report_dir / ERRORS_FILE} ({errors} findings), {report_dir / GROUPS_FILE}"
        )
    return "\n".join(lines) + "\n"


def _held_lines(result: RealEvalResult) -> list[str]:
    """Per move family, the repair where another copy of the story holds the block and where
    none does (no sibling can show the block's place there)."""
    out = []
    for s in result.families:
        split = s.held_split()
        if split is None:
            continue
        (held, held_ok), (rest, rest_ok) = split
        out.append(
            f"{s.score.family}: another copy holds the moved block in {held} of {held + rest}"
            f" (>= {HELD_SHARE:.0%} of its 5-word shingles): repair"
            f" {_rate(held_ok / held if held else None, s.score.repair_target)}; where none does:"
            f" {rest}, repair {_rate(rest_ok / rest if rest else None)}"
        )
    return out


def to_json(result: RealEvalResult, found: Discovery) -> dict[str, Any]:
    n = len(result.documents)
    return {
        "documents": n,
        "seed": result.seed,
        "reference_pairs": len(result.groups.pairs),
        "reference_groups": len(result.groups.groups),
        "index_discovery": {
            "found": found.found,
            "within_limit": found.within_limit,
            "recall": found.recall,
            "recall_within_limit": found.recall_within_limit,
            "index_only_pairs": found.index_only,
        },
        "families": [
            {
                "family": s.score.family,
                "codes": list(s.score.codes),
                "skipped": s.score.skipped,
                "injected": s.score.total.injected,
                "recall": s.score.total.recall,
                "repair": s.score.total.repair_rate if s.score.repairable else None,
                "others_changed": s.others_changed,
                "held_by_copy": _held_json(s),
                "untouched_findings_per_1000": per_1000(s.score.false_findings, n),
                "shapes": {
                    shape: {"injected": t.injected, "found": t.found, "repaired": t.repaired}
                    for shape, t in sorted(s.score.shapes.items())
                },
            }
            for s in result.families
        ],
        "error_findings": sum(result.errors_by_code.values()),
        "error_findings_per_1000": per_1000(sum(result.errors_by_code.values()), n),
        "error_findings_by_code": dict(sorted(result.errors_by_code.items())),
    }


def _held_json(s: RealFamilyScore) -> dict[str, Any] | None:
    split = s.held_split()
    if split is None:
        return None
    (held, held_ok), (rest, rest_ok) = split
    return {
        "held": {"injected": held, "repaired": held_ok},
        "not_held": {"injected": rest, "repaired": rest_ok},
    }


def _shorten(line: str, width: int = 320) -> str:
    line = line.rstrip("\n")
    if len(line) <= width:
        return line
    return line[: width // 2] + " … " + line[-width // 2 :]


def short_diff(expected: str, got: str, name: str, max_lines: int = 40) -> str:
    """A unified diff by line (a paragraph is a line), long lines shortened."""
    diff = difflib.unified_diff(
        expected.splitlines(),
        got.splitlines(),
        fromfile=f"{name} fix(original)",
        tofile=f"{name} fix(corrupted)",
        n=1,
        lineterm="",
    )
    lines = [_shorten(line) for line in diff]
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... {len(lines) - max_lines} more diff lines"]
    return "\n".join(lines) + "\n"


def _describe(result: RealEvalResult, i: Injection, repairable: bool) -> list[str]:
    docs = result.documents
    doc = docs[i.position]
    out = []
    if repairable and not i.repaired:
        out += [
            f"=== {i.family} | {i.shape} | {doc.id} | found: {'yes' if i.found else 'no'}"
            f" | siblings: {', '.join(i.siblings) or 'none'}"
            + ("" if i.held is None else f" | block in another copy: {'yes' if i.held else 'no'}"),
            short_diff(i.fixed_original, i.fixed_corrupted, doc.id),
        ]
    for other, fixed in sorted(i.others_changed.items()):
        out += [
            f"=== {i.family} | {i.shape} | OTHER document {docs[other].id} changed because"
            f" {doc.id} was corrupted",
            short_diff(result.run.outcomes[other].fixed, fixed, docs[other].id),
        ]
    return out


def mismatches_text(result: RealEvalResult) -> str:
    lines = [
        "Repairs that did not give fix(original) back, and other documents fixed differently.",
        "Each diff goes from fix(original) (-) to fix(corrupted) (+); a line is a paragraph.",
        "",
    ]
    for s in result.families:
        for i in s.injections:
            if (not i.repaired and s.score.repairable) or i.others_changed:
                lines += _describe(result, i, s.score.repairable)
    return "\n".join(lines) + "\n"


def context(doc: Document, f: Finding, width: int = 70) -> str:
    text = doc.text
    flagged = text[f.start : f.end]
    if len(flagged) > 2 * width:
        flagged = flagged[:width] + " … " + flagged[-width:]
    left = text[max(0, f.start - width) : f.start]
    right = text[f.end : f.end + width]
    return (left + "[" + flagged + "]" + right).replace("\n", "⏎")


def errors_text(result: RealEvalResult) -> str:
    findings = result.error_findings()
    lines = [
        f"Error-level findings on the {len(result.documents)} untouched documents"
        f" ({len(findings)}). Read each: is it an artifact? ([ ] marks the flagged text)",
        "",
    ]
    for doc, f in findings:
        lines += [
            f"{doc.id}\t{f.code}\t{f.line}:{f.column}\t{f.message}",
            f"    {context(doc, f)}",
        ]
    return "\n".join(lines) + "\n"


def write_files(result: RealEvalResult, report_dir: Path) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    write_text(report_dir / MISMATCHES_FILE, mismatches_text(result))
    write_text(report_dir / ERRORS_FILE, errors_text(result))
