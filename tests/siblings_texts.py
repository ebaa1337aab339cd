"""Invented sibling articles for the sibling tests, built from tests/fixtures/siblings/."""

from __future__ import annotations

from conftest import FIXTURES
from corpusmend import Document

SIBLINGS = FIXTURES / "siblings"


def paragraphs(name: str = "library.txt") -> list[str]:
    return (SIBLINGS / name).read_text(encoding="utf-8").rstrip("\n").split("\n\n")


def article(*paras: str) -> str:
    return "\n\n".join(paras)


def splice(par: str, at: str, block: str, glued: bool = False) -> str:
    """`par` with `block` (a quotation, a paragraph) spliced in before the words `at`."""
    head, tail = par.split(" " + at, 1)
    return head + "\n\n" + block + (" " if glued else "\n\n") + at + tail


def with_siblings(*siblings: str) -> list[Document]:
    return [Document(s, id=f"sibling{k}") for k, s in enumerate(siblings)]


def fixed(linter, doc: str, *siblings: str) -> str:
    """`doc` fixed (unsafe fixes included) against these siblings."""
    return linter.fix(doc, siblings=with_siblings(*siblings), unsafe=True).text


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
    return article(*LIBRARY[:2], head + "\n\n" + LIBRARY[3] + " to developers" + rest, *LIBRARY[4:])


def moved(paras: list[str], src: int, dst: int) -> list[str]:
    out = list(paras)
    out.insert(dst, out.pop(src))
    return out


def five_docs() -> list[Document]:
    """Five documents: the library story whole, cut short, an excerpt, reworded; a ferry story."""
    return [
        Document(article(*LIBRARY), id="full"),
        Document(article(*LIBRARY[:4]), id="truncated"),
        Document(article(*LIBRARY[3:6]), id="excerpt"),
        Document(article(*REWORDED), id="reworded"),
        Document(article(*FERRY), id="ferry"),
    ]
