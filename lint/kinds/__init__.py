"""The registry of check kinds: a YAML rule's ``kind:`` names one of these."""

from __future__ import annotations

from lint.kinds.attribution import AttributionKind
from lint.kinds.base import CheckKind, Hit
from lint.kinds.characters import StrayCharactersKind
from lint.kinds.dangling_attribution import DanglingAttributionKind
from lint.kinds.date_header import DateHeaderKind
from lint.kinds.invalid_bytes import InvalidBytesKind
from lint.kinds.line_endings import MixedLineEndingsKind
from lint.kinds.mojibake import MojibakeKind
from lint.kinds.paragraph_break import ParagraphBreakKind
from lint.kinds.pattern import PatternKind
from lint.kinds.phrase_lines import PhraseLinesKind
from lint.kinds.replacement_character import ReplacementCharacterKind
from lint.kinds.sibling_coverage import SiblingCoverageKind
from lint.kinds.sibling_edges import SiblingEdgesKind
from lint.kinds.sibling_insertion import SiblingInsertionKind
from lint.kinds.sibling_order import SiblingOrderKind
from lint.kinds.splice import SpliceKind
from lint.kinds.top_matter import TopMatterKind
from lint.kinds.truncation import TruncationKind

KINDS: dict[str, type[CheckKind]] = {
    k.name: k
    for k in (
        PatternKind,
        SpliceKind,
        ParagraphBreakKind,
        AttributionKind,
        DanglingAttributionKind,
        DateHeaderKind,
        TopMatterKind,
        PhraseLinesKind,
        TruncationKind,
        SiblingOrderKind,
        SiblingEdgesKind,
        SiblingCoverageKind,
        SiblingInsertionKind,
        MixedLineEndingsKind,
        MojibakeKind,
        InvalidBytesKind,
        ReplacementCharacterKind,
        StrayCharactersKind,
    )
}


def get_kind(name: str) -> type[CheckKind]:
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise KeyError(f"unknown kind {name!r} (known kinds: {known})") from None


__all__ = ["KINDS", "CheckKind", "Hit", "get_kind"]
