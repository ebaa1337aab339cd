"""The registry of check kinds: a YAML rule's ``kind:`` names one of these."""

from __future__ import annotations

from corpusmend.kinds.attribution import AttributionKind
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.characters import StrayCharactersKind
from corpusmend.kinds.dangling_attribution import DanglingAttributionKind
from corpusmend.kinds.date_header import DateHeaderKind
from corpusmend.kinds.invalid_bytes import InvalidBytesKind
from corpusmend.kinds.legacy_encoding import LegacyEncodingKind
from corpusmend.kinds.line_endings import MixedLineEndingsKind
from corpusmend.kinds.mojibake import MojibakeKind
from corpusmend.kinds.paragraph_break import ParagraphBreakKind
from corpusmend.kinds.pattern import PatternKind
from corpusmend.kinds.phrase_lines import PhraseLinesKind
from corpusmend.kinds.recurring_lines import RecurringLinesKind
from corpusmend.kinds.replacement_character import ReplacementCharacterKind
from corpusmend.kinds.sibling_coverage import SiblingCoverageKind
from corpusmend.kinds.sibling_edges import SiblingEdgesKind
from corpusmend.kinds.sibling_insertion import SiblingInsertionKind
from corpusmend.kinds.sibling_order import SiblingOrderKind
from corpusmend.kinds.splice import SpliceKind
from corpusmend.kinds.top_matter import TopMatterKind
from corpusmend.kinds.truncation import TruncationKind

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
        RecurringLinesKind,
        TruncationKind,
        SiblingOrderKind,
        SiblingEdgesKind,
        SiblingCoverageKind,
        SiblingInsertionKind,
        MixedLineEndingsKind,
        MojibakeKind,
        InvalidBytesKind,
        LegacyEncodingKind,
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
