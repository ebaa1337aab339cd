"""The artifact families the evaluation injects, and the rule codes that count as finding each."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from corpusmend.evaluation.corruptions import (
    Corruption,
    boilerplate,
    broken_sentence,
    byline_or_title,
    glued_header,
    mangled_attribution,
    mojibake,
    spliced_quotation,
    stray_bytes,
    truncation,
)
from corpusmend.evaluation.synthetic_siblings import with_sibling


@dataclass(frozen=True)
class Family:
    """An artifact family: how to inject it and which rule codes count as finding it."""

    name: str
    corrupt: Callable[[str, random.Random], Corruption | None]
    codes: tuple[str, ...]  # code prefixes that find it
    unsafe: bool = False  # its fix needs --unsafe-fixes
    repairable: bool = True  # a fix is expected to restore the clean text
    repair_target: float | None = None  # exact repair rate the project aims for
    siblings: bool = False


FAMILIES: tuple[Family, ...] = (
    Family("header", glued_header, ("HDR",), repair_target=0.9),
    Family("byline", byline_or_title, ("HDR",)),
    Family("splice", spliced_quotation, ("SPL001", "ATT002"), unsafe=True),
    Family("sentence-break", broken_sentence, ("SPL002",), unsafe=True),  # SPL002 is unsafe
    Family("mojibake", mojibake, ("ENC",), repair_target=0.9),
    Family("stray-bytes", stray_bytes, ("ENC",)),
    Family("boilerplate", boilerplate, ("BPL",)),
    Family("attribution", mangled_attribution, ("ATT001",)),
    Family("truncation", truncation, ("TRN",), repairable=False),
    Family(
        "sib-splice",
        with_sibling("sib-splice", spliced_quotation),
        ("SIB001", "SIB004", "SPL001", "ATT002"),
        unsafe=True,
        repair_target=0.9,
        siblings=True,
    ),
    Family(
        "sib-header",
        with_sibling("sib-header", glued_header),
        ("SIB002", "HDR"),
        siblings=True,
        repair_target=0.9,
    ),
    Family(
        "sib-sentence-break",
        with_sibling("sib-sentence-break", broken_sentence),
        ("SIB004", "SPL002"),
        siblings=True,
    ),
    Family(
        "sib-boilerplate",
        with_sibling("sib-boilerplate", boilerplate),
        ("SIB002", "BPL"),
        siblings=True,
    ),
    Family(
        "sib-truncation",
        with_sibling("sib-truncation", truncation),
        ("SIB003", "TRN"),
        repairable=False,
        siblings=True,
    ),
)


def family(name: str) -> Family:
    for f in FAMILIES:
        if f.name == name:
            return f
    raise KeyError(name)
