"""Invented sibling articles for the sibling tests, built from tests/fixtures/siblings/."""

from __future__ import annotations

from conftest import FIXTURES

SIBLINGS = FIXTURES / "siblings"


def paragraphs(name: str = "library.txt") -> list[str]:
    return (SIBLINGS / name).read_text(encoding="utf-8").rstrip("\n").split("\n\n")


def article(paras: list[str]) -> str:
    return "\n\n".join(paras)


LIBRARY = paragraphs()
FERRY = paragraphs("ferry.txt")

# The same story told in other words (no artifact): what a syndicated rewrite looks like.
REWORDED = [
    "On Tuesday the Marrowby city council approved a plan to rebuild the old river library,"
    " closed since a fire damaged its reading rooms two winters ago.",
    LIBRARY[1],
    "Local historians had feared that the cost of repairs might push the council to sell the"
    " site to developers, who had offered to turn it into flats overlooking the water.",
    LIBRARY[3],
    LIBRARY[4],
    "Work should begin in the spring and last about eighteen months, according to the city's"
    " planning office, which will publish the building schedule next week.",
    LIBRARY[6],
    LIBRARY[7],
]


def spliced() -> str:
    """The quotation (paragraph 4) spliced into the middle of paragraph 3's sentence."""
    head, rest = LIBRARY[2].split(" to developers")
    return article(
        [*LIBRARY[:2], head + "\n\n" + LIBRARY[3] + " to developers" + rest, *LIBRARY[4:]]
    )


def moved(paras: list[str], src: int, dst: int) -> list[str]:
    out = list(paras)
    out.insert(dst, out.pop(src))
    return out
