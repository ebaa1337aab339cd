"""The evaluation's output: a text table for people, a JSON object for tools."""

from __future__ import annotations

from typing import Any

from corpusmend.evaluation.evaluate import ERROR_TARGET_PER_1000, EvalResult
from corpusmend.evaluation.metrics import FamilyScore, Tally, per_1000


def _rate(value: float | None, target: float | None = None) -> str:
    if value is None:
        return "-"
    miss = "*" if target is not None and value < target else " "
    return f"{value:.2f}{miss}"


def _repair(score: FamilyScore) -> str:
    if not score.repairable:
        return "n/a"
    return _rate(score.total.repair_rate, score.repair_target)


def to_text(result: EvalResult) -> str:
    n = result.untouched
    lines = [
        f"corpusmend eval: {n} clean documents, seed {result.seed}",
        "",
        f"{'family':<19}{'codes':<26}{'injected':>9}{'recall':>8}{'false/1k':>10}"
        f"{'exact repair':>14}",
    ]
    for s in result.families:
        codes = ",".join(s.codes)
        if s.skipped:
            lines.append(f"{s.family:<19}{codes:<26}  skipped: {s.skipped}")
            continue
        false = per_1000(s.false_findings, n)
        unsafe = " (unsafe)" if s.unsafe and s.repairable else ""
        lines.append(
            f"{s.family:<19}{codes:<26}{s.total.injected:>9}"
            f"{_rate(s.total.recall, s.recall_target):>8}"
            f"{'-' if false is None else f'{false:.1f}':>10}"
            f"{_repair(s):>14}{unsafe}"
        )
    lines.append("")
    lines.append("* below target: recall 0.95; exact repair 0.90 where a target is set")
    errors = per_1000(result.false_errors, n)
    mark = "" if errors is None or errors < ERROR_TARGET_PER_1000 else "  * target < 1"
    lines.append(
        f"error-level findings on clean documents: {result.false_errors} "
        f"({'-' if errors is None else f'{errors:.1f}'} per 1,000){mark}"
    )
    if result.false_by_code:
        shown = ", ".join(f"{code} {count}" for code, count in sorted(result.false_by_code.items()))
        lines.append(f"all findings on clean documents by code: {shown}")
    if result.crashes:
        lines.append(f"rule crashes (ERR001): {result.crashes}")
    missed = [
        (s.family, shape, t)
        for s in result.families
        for shape, t in sorted(s.shapes.items())
        if t.injected and t.found < t.injected
    ]
    if missed:
        lines += ["", "missed shapes (found/injected, one missed example, artifact in [ ]):"]
        for family, shape, t in missed:
            lines.append(f"  {family}: {shape}  {t.found}/{t.injected}")
            for example in t.examples[:1]:
                lines.append(f"      {example}")
    return "\n".join(lines) + "\n"


def _tally(t: Tally) -> dict[str, Any]:
    return {
        "injected": t.injected,
        "found": t.found,
        "repaired": t.repaired,
        "recall": t.recall,
        "exact_repair": t.repair_rate,
        "missed_examples": t.examples,
    }


def to_json(result: EvalResult) -> dict[str, Any]:
    n = result.untouched
    return {
        "seed": result.seed,
        "untouched_documents": n,
        "families": [
            {
                "family": s.family,
                "codes": list(s.codes),
                "skipped": s.skipped,
                "repairable": s.repairable,
                "unsafe_fixes": s.unsafe,
                "recall_target": s.recall_target,
                "exact_repair_target": s.repair_target,
                **_tally(s.total),
                "exact_repair": s.total.repair_rate if s.repairable else None,
                "false_findings": s.false_findings,
                "false_per_1000": per_1000(s.false_findings, n),
                "shapes": {shape: _tally(t) for shape, t in sorted(s.shapes.items())},
            }
            for s in result.families
        ],
        "clean_findings_by_code": dict(sorted(result.false_by_code.items())),
        "clean_error_findings": result.false_errors,
        "clean_error_findings_per_1000": per_1000(result.false_errors, n),
        "crashes": result.crashes,
    }
