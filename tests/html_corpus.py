"""An invented corpus for the HTML report's browser tests (tests only; written for them).

- Four unrelated stories from two sites end with the same reader-panel prompt: BPL003 (the
  line-stats pass) reports it, and the report lists it among the recurring lines.
- A page whose text is markup: a script element and an image with an onerror handler, under a
  file name that is markup too. The report must show both as text and run neither.
- A story with an emoji (outside the Basic Multilingual Plane) before a glued furniture line, so
  the page's UTF-16 offsets are exercised.
"""

from __future__ import annotations

from pathlib import Path

PROMPT = "Rate this story in our reader panel"

STORIES = {
    "north/ferry.txt": "The evening ferry to Skarholm will run twice a week from June.\n\n"
    "Islanders had asked for a later boat for years.",
    "north/choir.txt": "The school choir won the regional contest for the second year.\n\n"
    "Its conductor thanked the parents who drove the singers to every rehearsal.",
    "south/bakery.txt": "A new bakery opened on Mill Street with a queue around the block.\n\n"
    "The owners bake rye loaves before dawn and sell out by noon.",
    "south/roadworks.txt": "Roadworks on the ring road will close two lanes until October.\n\n"
    "Drivers are asked to use the northern bypass during the morning rush.",
}

HOSTILE_NAME = "<img src=x onerror=window.pwned=3>.txt"
HOSTILE = (
    " date 2022-07-01 The museum opened a room of <b>glass</b> floats on Friday.\n\n"
    "<script>window.pwned=1</script>\n\n"
    '<img src=x onerror="window.pwned=2">\n\n'
    "Visitors can handle the smaller floats on weekend afternoons."
)
EMOJI = (
    "The fishing fleet came home early 🎣 as the wind rose on Thursday.\n\n"
    "Advertisement\n\n"
    "Harbour staff tied the boats two deep along the inner wall."
)


def write_report_corpus(root: Path) -> Path:
    """Writes the corpus under `root` (one folder per site) and returns `root`."""
    for name, text in STORIES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{text}\n\n{PROMPT}\n", encoding="utf-8")
    (root / "odd").mkdir(exist_ok=True)
    (root / "odd" / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (root / "odd" / "fleet.txt").write_text(EMOJI, encoding="utf-8")
    return root
