"""Outlet names as scraping mangles them: separators dropped or changed, letters slipped.

``separator_variants`` spells a name with each space or hyphen between its words dropped, a
space or a hyphen ("Al Jazeera" -> "AlJazeera", "Al-Jazeera"); matched case-insensitively, these
cover the run-together, hyphenated and case-mangled variants without listing each. A swap of a
space and a hyphen alone, with every letter's case intact, is a house style and not flagged.
:class:`NearMisses` finds the canonical names a misspelt name is one or two letters away from
("Deutsche Wele" -> Deutsche Welle); only long names qualify, since a short one is as likely to
be a person's name one letter away ("Guardia" is not the Guardian). ``TACKED_ON`` finds the
attribution tacked on after a sentence (``..., Deutsche Wele reported.``), where an unknown name
is looked up among the near misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import product

import regex

_SEPARATOR = regex.compile(r"([ -])")
# With more separators than this, only the uniform spellings are generated (3 ** n otherwise).
_MAX_MIXED = 3


def separator_variants(name: str, drop: bool = True) -> set[str]:
    """The name with each separator between its words a space, a hyphen or (``drop``) nothing.

    Without ``drop`` these are the name's accepted spellings: "Al-Jazeera" and "Agence France
    Presse" are house styles, not scraping damage."""
    parts = _SEPARATOR.split(name)
    words, gaps = parts[0::2], len(parts) // 2
    if not gaps:
        return {name}
    seps = ("", " ", "-") if drop else (" ", "-")
    if gaps <= _MAX_MIXED:
        choices: Iterable[tuple[str, ...]] = product(seps, repeat=gaps)
    else:
        choices = [(sep,) * gaps for sep in seps]
    return {"".join(w + s for w, s in zip(words, (*combo, ""), strict=True)) for combo in choices}


def near_miss_distance(key: str) -> int:
    """How many letters a misspelling may be from a canonical name's key: none for short names,
    which collide with people's names, one from 10 letters, two from 14."""
    return 2 if len(key) >= 14 else 1 if len(key) >= 10 else 0


class NearMisses:
    """Canonical names whose key is a letter or two from a given key."""

    def __init__(self, by_key: Mapping[str, set[str]]) -> None:
        self.by_key = by_key
        self.keys = [k for k in by_key if near_miss_distance(k)]

    def canonicals(self, key: str) -> set[str]:
        if not self.keys or len(key) < 9:
            return set()
        from rapidfuzz import process  # loaded when a long unknown name needs it
        from rapidfuzz.distance import Levenshtein

        found = process.extract(key, self.keys, scorer=Levenshtein.distance, score_cutoff=2)
        out: set[str] = set()
        for candidate, distance, _ in found:
            if 0 < distance <= near_miss_distance(candidate):
                out |= self.by_key[candidate]
        return out


def tacked_on(verbs: Iterable[str]) -> regex.Pattern[str]:
    """An attribution after a comma at the end of a sentence: ``, Deutsche Wele reported.``,
    ``,” Agence Francepresse Said.``: one to four capitalised words and a reporting verb."""
    verb_words = "|".join(regex.escape(v) for v in verbs)
    word = r"\p{Lu}[\p{L}\p{N}'&.-]*"
    return regex.compile(
        r",[”\"’]?[^\S\n]+(?:the[^\S\n]+)?"
        rf"(?P<outlet>{word}(?:[^\S\n]+{word}){{0,3}})"
        rf"[^\S\n]+(?P<verb>(?i:{verb_words}))(?=[.!?]|$)"
    )
