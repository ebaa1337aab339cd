"""Apply fixes: pick non-overlapping edits, apply them, repeat to a fixed point.

Edits are offsets into the text they were found in. Overlapping fixes wait for the next pass, in
which every rule runs again on the new text. A fix whose result gains a new error-level finding
is rejected and its finding stays reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from corpusmend.findings import Edit, Finding, FixResult

MAX_PASSES = 50


def flagged_region(text: str, start: int, end: int) -> tuple[int, int]:
    """A finding's span plus the whitespace bordering it: all a fix may change (deleting a
    line takes its line break along)."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return start, end


def applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    return fix.applicability == "safe" or (unsafe and fix.applicability == "unsafe")


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True  # the replaced ranges share text
    if (
        a.start == a.end
        and b.start <= a.start <= b.end
        and (b.start < a.start < b.end or b.start == b.end)
    ):
        return True  # an insertion inside (or at the same point as) another edit
    return b.start == b.end and a.start < b.start < a.end


def choose(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """The fixable findings whose edits overlap no earlier chosen fix, in document order."""
    taken: list[Edit] = []
    chosen = []
    for f in sorted(findings, key=Finding.sort_key):
        if not applicable(f, unsafe):
            continue
        edits = f.fix.edits  # type: ignore[union-attr]
        if any(_conflict(e, t) for e in edits for t in taken) or any(
            _conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        ):
            continue
        taken.extend(edits)
        chosen.append(f)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets into `text`)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _errors(text: str, findings: Sequence[Finding]) -> Counter[tuple[str, str]]:
    """Error findings by code and text, spacing normalized: a fix that only shortens a run of
    blank lines another error spans does not gain that error."""
    return Counter(
        (f.code, " ".join(text[f.start : f.end].split())) for f in findings if f.severity == "error"
    )


def _gains_error(before: Counter, text: str, after: Sequence[Finding]) -> bool:
    return bool(_errors(text, after) - before)


def fix_text(text: str, check: Callable[[str], list[Finding]], unsafe: bool = False) -> FixResult:
    """Fix `text` to a fixed point. `check(text)` returns the findings for a text."""
    applied: list[Finding] = []
    rejected: set[tuple[str, int, int]] = set()  # (code, start, end) in the current text
    findings = original = check(text)
    retried = False  # rejected fixes get one more try once the text has settled
    for _ in range(MAX_PASSES):
        candidates = [f for f in choose(findings, unsafe) if _key(f) not in rejected]
        if not candidates:
            if rejected and not retried:
                rejected, retried = set(), True
                continue
            break
        before = _errors(text, findings)
        new_text = apply_edits(text, [e for f in candidates for e in f.fix.edits])  # type: ignore[union-attr]
        new_findings = check(new_text)
        if _gains_error(before, new_text, new_findings):
            new_text, new_findings, candidates = _one_by_one(
                text, findings, candidates, check, rejected
            )
        if new_text == text:
            break
        rejected = _shift(rejected, [e for f in candidates for e in f.fix.edits])  # type: ignore[union-attr]
        retried = False
        applied.extend(candidates)
        text, findings = new_text, new_findings
    return FixResult(text, tuple(applied), tuple(findings), original=tuple(original))


def _key(f: Finding) -> tuple[str, int, int]:
    return (f.code, f.start, f.end)


def _shift(rejected: set[tuple[str, int, int]], edits: list[Edit]) -> set[tuple[str, int, int]]:
    """Carry rejected findings' spans over applied edits; one an edit touched is forgotten."""
    out = set()
    for code, start, end in rejected:
        delta = 0
        for e in edits:
            if e.end <= start:
                delta += len(e.content) - (e.end - e.start)
            elif e.start < end:
                break
        else:
            out.add((code, start + delta, end + delta))
    return out


def _one_by_one(
    text: str,
    findings: list[Finding],
    candidates: list[Finding],
    check: Callable[[str], list[Finding]],
    rejected: set[tuple[str, int, int]],
) -> tuple[str, list[Finding], list[Finding]]:
    """Add candidates one at a time (they do not overlap); reject each whose addition gains an
    error-level finding and keep the others."""
    before = _errors(text, findings)
    kept: list[Finding] = []
    best_text, best_findings = text, findings
    for f in candidates:
        edits = [e for g in (*kept, f) for e in g.fix.edits]  # type: ignore[union-attr]
        new_text = apply_edits(text, edits)
        new_findings = check(new_text)
        if _gains_error(before, new_text, new_findings):
            rejected.add(_key(f))
        else:
            kept.append(f)
            best_text, best_findings = new_text, new_findings
    return best_text, best_findings, kept
