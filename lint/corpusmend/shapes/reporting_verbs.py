"""The reporting verbs of attributions ("said", "told"): a data table packs extend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_VERBS = ("said", "says", "added", "told", "stated", "wrote", "noted", "explained")


def verb_table(data: Mapping[str, Any], key: str) -> list[str]:
    """The verbs of data table `key` (the defaults when there is none), in lower case, longest
    first (so an alternation of them matches the longest)."""
    verbs = data.get(key, list(DEFAULT_VERBS))
    if not isinstance(verbs, list) or not all(isinstance(v, str) and v for v in verbs):
        raise ValueError(f"params.verbs: data.{key} must be a list of words")
    return sorted({v.lower() for v in verbs}, key=lambda v: (-len(v), v))
