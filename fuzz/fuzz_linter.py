"""Coverage-guided fuzzing of the whole check-and-fix path with atheris.

    pip install atheris
    python fuzz/fuzz_linter.py -max_total_time=600 -rss_limit_mb=4096 fuzz/corpus

Input bytes are decoded the way files are (UTF-8, invalid bytes kept as lone surrogates), then
checked and fixed with every built-in rule. Any exception, a span outside the text, a fix edit
outside its finding (plus bordering whitespace), or a non-idempotent fix is a crash. A crash
found here gets a regression case in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from corpusmend import Linter
    from corpusmend.fixes import flagged_region
    from corpusmend.readers.text import decode

LINTER = Linter()


def check_invariants(text: str) -> None:
    findings = LINTER.check(text)
    for f in findings:
        if f.code == "ERR001":
            raise AssertionError(f.message)
        if not 0 <= f.start <= f.end <= len(text):
            raise AssertionError(f"span outside text: {f}")
        lo, hi = flagged_region(text, f.start, f.end)
        if f.fix and not all(lo <= e.start <= e.end <= hi for e in f.fix.edits):
            raise AssertionError(f"fix edits outside the finding: {f}")
    once = LINTER.fix(text, unsafe=True)
    if LINTER.fix(once.text, unsafe=True).text != once.text:
        raise AssertionError("fix is not idempotent")


def test_one_input(data: bytes) -> None:
    text, _ = decode(data)
    check_invariants(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
