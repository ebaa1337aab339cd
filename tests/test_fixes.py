from __future__ import annotations

from corpusmend.findings import Edit, Finding, Fix
from corpusmend.fixes import apply_edits, choose, fix_text


def finding(
    start: int, end: int, content: str, code: str = "FMT001", applicability="safe", severity="info"
) -> Finding:
    fix = Fix(applicability, "fix", (Edit(start, end, content),))
    return Finding(code, "x", severity, "m", start, end, 1, start + 1, 1, end + 1, fix)


def test_apply_edits_by_offset() -> None:
    assert apply_edits("hello world", [Edit(6, 11, "there"), Edit(0, 0, ">")]) == ">hello there"


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    a, b, c = finding(0, 5, "A"), finding(3, 8, "B"), finding(8, 9, "C")
    assert choose([b, c, a], unsafe=False) == [a, c]


def test_unsafe_and_display_fixes_need_permission() -> None:
    safe, unsafe, display = (
        finding(0, 1, "x"),
        finding(2, 3, "y", applicability="unsafe"),
        finding(4, 5, "z", applicability="display"),
    )
    assert choose([safe, unsafe, display], unsafe=False) == [safe]
    assert choose([safe, unsafe, display], unsafe=True) == [safe, unsafe]


def _double_space_check(text: str) -> list[Finding]:
    i = text.find("  ")
    return [finding(i, i + 2, " ")] if i >= 0 else []


def test_fix_reaches_a_fixed_point_and_is_idempotent() -> None:
    result = fix_text("a      b", _double_space_check)
    assert result.text == "a b"
    assert fix_text(result.text, _double_space_check).applied == ()


def test_fix_that_creates_a_new_error_is_rejected() -> None:
    def check(text: str) -> list[Finding]:
        out = []
        if "bad" in text:
            i = text.index("bad")
            out.append(finding(i, i + 3, "evil"))
        if "evil" in text:
            i = text.index("evil")
            out.append(Finding("HDR999", "e", "error", "m", i, i + 4, 1, 1, 1, 1))
        return out

    result = fix_text("a bad b", check)
    assert result.text == "a bad b"
    assert [f.code for f in result.remaining] == ["FMT001"]


def test_rejecting_one_fix_does_not_block_identical_fixes_elsewhere() -> None:
    # Deleting the first "#" would expose "HDR" at the start (an error); the other "#"s are fine.
    def check(text: str) -> list[Finding]:
        out = [finding(i, i + 1, "") for i, c in enumerate(text) if c == "#"]
        if text.startswith("HDR"):
            out.append(Finding("HDR999", "e", "error", "m", 0, 3, 1, 1, 1, 4))
        return out

    result = fix_text("#HDR a#b#c#d", check)
    assert result.text == "#HDR abcd"
    assert fix_text(result.text, check).text == result.text
