"""The built-in single-document rules (every rule but SIB, through `Linter.check`) against
`ftfy.fix_text`, on each corpus as it is and with one document in ten made mojibake."""

from __future__ import annotations

from typing import Any

import ftfy

from bench.corpora import Corpus, with_mojibake
from bench.measure import best_time, mb
from corpusmend import Linter

TARGETS = {"clean": 10.0, "mojibake_1_in_10": 2.0}


def run(linter: Linter, corpora: list[Corpus], repeats: int) -> dict[str, Any]:
    out: dict[str, Any] = {"targets": TARGETS, "rows": []}
    for corpus in corpora:
        for variant, texts in (
            ("clean", corpus.texts),
            ("mojibake_1_in_10", with_mojibake(corpus.texts)),
        ):
            size = mb(texts)
            # interleaved so both tools see the same machine load
            check = ftfy_s = float("inf")
            for _ in range(repeats):
                check = min(check, best_time(lambda t=texts: [linter.check(x) for x in t], 1))
                ftfy_s = min(ftfy_s, best_time(lambda t=texts: [ftfy.fix_text(x) for x in t], 1))
            out["rows"].append(
                {
                    "corpus": corpus.name,
                    "real": corpus.real,
                    "variant": variant,
                    "documents": len(texts),
                    "mb": round(size, 3),
                    "check_mb_per_s": size / check,
                    "ftfy_mb_per_s": size / ftfy_s,
                    "ratio_vs_ftfy": ftfy_s / check,
                }
            )
    return out
