"""Thresholds and sizes for sibling discovery, in one place (CLI flags and config map here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from corpusmend.errors import ConfigError


@dataclass(frozen=True)
class SiblingOptions:
    """How siblings are found.

    Candidates come from MinHash LSH over word shingles (``bands`` x ``rows`` = ``num_perm``);
    a candidate is a sibling when the exact Jaccard of the shingle sets reaches ``min_jaccard``
    or the share of the smaller set found in the larger reaches ``min_containment`` (so a
    truncated copy or an excerpt is found), and they share at least ``min_shared`` shingles.
    """

    shingle_size: int = 5
    num_perm: int = 64
    bands: int = 32
    rows: int = 2
    seed: int = 1
    min_jaccard: float = 0.5
    # 0.25: real copies of one wire story (new lead, other captions, a compilation quoting a
    # passage) often share well under half their shingles. Articles of one site can share half
    # their words in furniture too: the SIB rules take a copy below siblings.repairs.WHOLE_COPY
    # as evidence only for a block it has whole, in a sentence it has whole.
    min_containment: float = 0.25
    min_shared: int = 8
    # 8, measured (sib-splice on the real copies of article-comparisons, 104 injections):
    # repair 0.817 at 2, 0.837 from 4 to 16, recall 0.99 throughout; 8 keeps twice the
    # smallest cap that repairs as well, since an identical copy takes a place without voting.
    max_siblings: int = 8

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ConfigError(f"sibling shingle size must be at least 1, not {self.shingle_size}")
        if self.bands * self.rows > self.num_perm or self.bands < 1 or self.rows < 1:
            raise ConfigError(
                f"sibling LSH bands x rows ({self.bands} x {self.rows}) must fit in"
                f" num_perm ({self.num_perm})"
            )
        for name in ("min_jaccard", "min_containment"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(
                    f"sibling {name.replace('_', ' ')} must be in (0, 1], not {value}"
                )
        if self.max_siblings < 1:
            raise ConfigError(f"max siblings must be at least 1, not {self.max_siblings}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiblingOptions:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown sibling option(s): {', '.join(unknown)}")
        return cls(**data)

    @property
    def signature_key(self) -> tuple[int, int, int, int, int]:
        """What must match for two signatures to be comparable."""
        return (self.shingle_size, self.num_perm, self.bands, self.rows, self.seed)
