"""An invented site for the BPL003 tests (tests only): six unrelated stories of one site, each
carrying the site's reader-panel prompt between its first paragraph and the rest."""

from __future__ import annotations

from pathlib import Path

STORIES = [
    "The lighthouse on the north cape was repainted in May.\n\nVolunteers spent three weekends"
    " on the scaffolding, and the keeper's cottage got a new roof as well.",
    "A new bakery opened on Mill Street with a queue around the block.\n\nIts rye loaves sold"
    " out before noon on the first two days.",
    "The school choir won the regional contest for the second year running.\n\nThe conductor"
    " thanked the parents who drove the singers to the final.",
    "Roadworks on the ring road will close two lanes until October.\n\nThe council said the"
    " detour through the industrial estate adds about ten minutes.",
    "The town museum has put a restored fishing boat on show in its courtyard.\n\nIt took two"
    " retired shipwrights a year to replace the rotten planks.",
    "The tram line to the hospital reopened on Monday after a month of repairs.\n\nDrivers"
    " said the new rails made the ride much quieter.",
]
FURNITURE = "Rate this story in our reader panel"


def write_site(folder: Path) -> Path:
    """Six unrelated stories of one site, each with the site's reader-panel prompt."""
    folder.mkdir(parents=True)
    for i, story in enumerate(STORIES):
        first, rest = story.split("\n\n")
        (folder / f"story{i}.txt").write_text(f"{first}\n\n{FURNITURE}\n\n{rest}\n", "utf-8")
    return folder
