"""The artifact families as `corpusmend eval` injects them into a real corpus.

The same families and codes as families.py, with two differences: a sibling family injects into
one real copy of a real sibling group and brings no sibling of its own (no synthetic rewording),
and both splice families use the splice real news has (quotation_splice.py: curly or straight
quotes, the earlier paragraph's last sentence).
"""

from __future__ import annotations

import dataclasses

from corpusmend.evaluation.corruptions import (
    boilerplate,
    broken_sentence,
    glued_header,
    truncation,
)
from corpusmend.evaluation.families import FAMILIES, Family
from corpusmend.evaluation.quotation_splice import quotation_into_last_sentence

SIBLING_REPAIR_TARGET = 0.95  # issue 10: sibling-backed splice repair on real copies
_REAL_CORRUPT = {
    "splice": quotation_into_last_sentence,
    "sib-splice": quotation_into_last_sentence,
    "sib-header": glued_header,
    "sib-sentence-break": broken_sentence,
    "sib-boilerplate": boilerplate,
    "sib-truncation": truncation,
}


def _real(f: Family) -> Family:
    corrupt = _REAL_CORRUPT.get(f.name, f.corrupt)
    target = SIBLING_REPAIR_TARGET if f.name == "sib-splice" else f.repair_target
    return dataclasses.replace(f, corrupt=corrupt, unsafe=True, repair_target=target)


REAL_FAMILIES: tuple[Family, ...] = tuple(_real(f) for f in FAMILIES)
