"""Inject one scraping artifact into a clean text, with ground truth.

Each artifact family has one function ``(clean_text, rng) -> Corruption | None`` (None when the
text offers no place for it, e.g. no quotation paragraph to splice). The :class:`Corruption` says
where the artifact is in the corrupted text (``span``), which shape it took (for per-shape
recall), and how to undo it (``repair``: edits on the corrupted text that give back the clean
text exactly). Sibling families add ``siblings``: clean versions of the same article (one
lightly reworded; evaluation/synthetic_siblings.py), as a syndicated copy would be.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import regex

from corpusmend.evaluation.text_shapes import break_points, is_prose, is_quotation
from corpusmend.findings import Edit
from corpusmend.fixes import apply_edits
from corpusmend.segmentation import paragraphs


@dataclass(frozen=True)
class Corruption:
    family: str
    shape: str
    text: str  # the corrupted text
    span: tuple[int, int]  # where the artifact is in the corrupted text
    repair: tuple[Edit, ...]  # edits on `text` that give back the clean text
    siblings: tuple[str, ...] = ()
    moved: str = ""  # the block a move family moved (its text), for asking who else holds it


def restore(c: Corruption) -> str:
    """The clean text, rebuilt from the corrupted text and its ground truth."""
    return apply_edits(c.text, c.repair)


def repair_edits(clean: str, corrupted: str) -> tuple[Edit, ...]:
    """The one edit that turns `corrupted` back into `clean` (common prefix and suffix kept)."""
    limit = min(len(clean), len(corrupted))
    p = 0
    while p < limit and clean[p] == corrupted[p]:
        p += 1
    s = 0
    while s < limit - p and clean[-1 - s] == corrupted[-1 - s]:
        s += 1
    return (Edit(p, len(corrupted) - s, clean[p : len(clean) - s]),)


def _make(family: str, shape: str, clean: str, text: str, span: tuple[int, int]) -> Corruption:
    return Corruption(family, shape, text, span, repair_edits(clean, text))


# --- families ----------------------------------------------------------------------------------

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _date_shapes(rng: random.Random) -> list[tuple[str, str]]:
    y, m, d = rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28)
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    month = MONTH_NAMES[m - 1]
    iso = f"{y}-{m:02d}-{d:02d}"
    return [
        ("' date ISO ' glued on the line", f" date {iso} "),
        ("'date ISO' own line", f"date {iso}\n"),
        ("'Date: D Month YYYY' own line", f"Date: {d} {month} {y}\n"),
        ("'Published: Month D, YYYY' own line", f"Published: {month} {d}, {y}\n"),
        ("'Published ISO-time' glued", f"Published {iso}T{hh:02d}:{mm:02d}:00Z "),
        (
            "'Updated: Mon. D, YYYY H:MM a.m.' own line",
            f"Updated: {month[:3]}. {d}, {y} {hh % 12 + 1}:{mm:02d} a.m.\n",
        ),
        ("'D Month YYYY' bare own line", f"{d} {month} {y}\n"),
        ("'Mon D, YYYY' glued", f"{month[:3]} {d}, {y} "),
        ("'Posted on DD/MM/YYYY' own line", f"Posted on {d:02d}/{m:02d}/{y}\n"),
        (
            "'Published: Weekday, D Month YYYY, HH:MM' own line",
            f"Published: {rng.choice(('Monday', 'Friday', 'Sunday'))}, {d} {month} {y}, "
            f"{hh:02d}:{mm:02d}\n",
        ),
        ("'Last updated ISO |' glued", f"Last updated {iso} | "),
        ("'date ISO' then blank line", f"date {iso}\n\n"),
    ]


def glued_header(clean: str, rng: random.Random) -> Corruption | None:
    """A date metadata field glued before the first line, in one of many shapes."""
    shape, header = rng.choice(_date_shapes(rng))
    text = header + clean
    return _make("header", shape, clean, text, (0, len(header)))


def byline_or_title(clean: str, rng: random.Random) -> Corruption | None:
    """A byline, a dateline-with-name or a repeated title glued at the top."""
    first = clean.split("\n", 1)[0]
    name = rng.choice(("Mira", "Tobias", "Halima", "Oskar")) + " "
    name += rng.choice(("Vantreck", "Dufrêne", "Balogun"))
    y, d = rng.randint(2008, 2023), rng.randint(1, 28)
    mon = rng.choice(("Jan", "Mar", "Jun", "Sep", "Nov"))
    shapes = [
        ("'By NAME' own line", f"By {name}\n"),
        ("'By NAME' glued to the first sentence", f"By {name} "),
        ("'Posted on by USER' own line", f"Posted on by {name.split()[0].lower()}{d}\n"),
        ("'Mon D, YYYY — NAME' own line", f"{mon} {d}, {y} — {name}\n"),
    ]
    title_words = first.split()
    if len(title_words) >= 4 and not first.endswith((".", "”")):
        shapes.append(("title repeated as the first line", first + "\n"))
    else:
        # invent a title from the first words of the lead
        title = " ".join(title_words[:7]).rstrip(",.;:")
        shapes.append(("title glued on its own line", title + "\n\n"))
    shape, header = rng.choice(shapes)
    return _make("byline", shape, clean, header + clean, (0, len(header)))


def spliced_quotation(clean: str, rng: random.Random) -> Corruption | None:
    """A quotation paragraph moved into the middle of an earlier sentence; the sentence resumes
    in lower case after it (glued on the quotation's line, or as its own paragraph)."""
    pars = paragraphs(clean)
    texts = [clean[s:e] for s, e in pars]
    pairs = []
    for k, t in enumerate(texts):
        if not is_quotation(t) or "\n" in t:
            continue
        for j in range(max(0, k - 3), k):
            if is_prose(texts[j]) and break_points(texts[j]):
                pairs.append((j, k))
    if not pairs:
        return None
    j, k = rng.choice(pairs)
    par = texts[j]
    b = rng.choice(break_points(par))
    quote = texts[k]
    glued = rng.random() < 0.5
    sep = " " if glued else "\n\n"
    spliced = par[:b] + "\n\n" + quote + sep + par[b + 1 :]
    order = "adjacent" if k == j + 1 else "from further down"
    shape = f"quotation {order}, continuation {'glued after it' if glued else 'own paragraph'}"
    # rebuild: paragraphs j..k replaced; others unchanged
    js, _ = pars[j]
    _, ke = pars[k]
    middle = [spliced] + [texts[i] for i in range(j + 1, k)]
    region = "\n\n".join(middle)
    text = clean[:js] + region + clean[ke:]
    span = (js + b, js + b + 2 + len(quote) + len(sep) + 1)
    return _make("splice", shape, clean, text, span)


def broken_sentence(clean: str, rng: random.Random) -> Corruption | None:
    """A sentence broken in two by a paragraph break; the second part starts in lower case."""
    pars = paragraphs(clean)
    candidates = [(s, p) for s, e in pars if is_prose(clean[s:e]) for p in break_points(clean[s:e])]
    if not candidates:
        return None
    s, p = rng.choice(candidates)
    at = s + p
    # a single newline is hard wrapping, not an artifact: only paragraph breaks count
    brk, shape = rng.choice((("\n\n", "blank line"), ("\n\n\n", "two blank lines")))
    text = clean[:at] + brk + clean[at + 1 :]
    return _make("sentence-break", shape, clean, text, (at, at + len(brk)))


MOJIBAKE_CODECS = {
    "cp1252": "sloppy-windows-1252",
    "latin-1": "latin-1",
    "MacRoman": "mac_roman",
}


def _garble(text: str, layers: list[str]) -> str:
    for codec in layers:
        text = text.encode("utf-8").decode(MOJIBAKE_CODECS[codec])
    return text


def mojibake(clean: str, rng: random.Random) -> Corruption | None:
    """UTF-8 decoded as another code page (once or twice), over a word, a paragraph or the
    whole text."""
    layers = rng.choice(
        [["cp1252"], ["latin-1"], ["MacRoman"], ["cp1252", "cp1252"], ["latin-1", "cp1252"]]
    )
    scope = rng.choice(("word", "paragraph", "document"))
    if scope == "document":
        start, end = 0, len(clean)
    elif scope == "paragraph":
        pars = [(s, e) for s, e in paragraphs(clean) if not clean[s:e].isascii()]
        if not pars:
            return None
        start, end = rng.choice(pars)
    else:
        words = [m.span() for m in regex.finditer(r"\w*[^\x00-\x7f\s]+\w*", clean)]
        if not words:
            return None
        start, end = rng.choice(words)
    garbled = _garble(clean[start:end], layers)
    if garbled == clean[start:end]:
        return None
    text = clean[:start] + garbled + clean[end:]
    c = _make("mojibake", f"{' then '.join(layers)}, {scope}", clean, text, (0, 0))
    edit = c.repair[0]
    return Corruption(c.family, c.shape, text, (edit.start, edit.end), c.repair)


_CP1252_PUNCT = "’‘“”–—…"


def stray_bytes(clean: str, rng: random.Random) -> Corruption | None:
    """Characters of one paragraph written as single Windows-1252 bytes inside UTF-8 text, as
    the text reader shows them: lone surrogates U+DC80.. (Python's surrogateescape)."""
    kind = rng.choice(("punctuation", "punctuation", "accented letters"))
    wanted = (
        (lambda ch: ch in _CP1252_PUNCT)
        if kind == "punctuation"
        else (lambda ch: not ch.isascii() and ch.isalpha() and _cp1252_byte(ch) is not None)
    )
    pars = [(s, e) for s, e in paragraphs(clean) if any(wanted(ch) for ch in clean[s:e])]
    if not pars:
        return None
    start, end = rng.choice(pars)
    raw = bytearray()
    for ch in clean[start:end]:
        b = _cp1252_byte(ch) if wanted(ch) else None
        raw += bytes([b]) if b is not None else ch.encode("utf-8")
    garbled = bytes(raw).decode("utf-8", errors="surrogateescape")
    if garbled == clean[start:end]:
        return None
    text = clean[:start] + garbled + clean[end:]
    edit = repair_edits(clean, text)[0]
    return Corruption("stray-bytes", kind, text, (edit.start, edit.end), (edit,))


def _cp1252_byte(ch: str) -> int | None:
    try:
        b = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return b[0] if len(b) == 1 and b[0] >= 0x80 else None


BOILERPLATE_LINES = (
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Share this article",
    "Share on Facebook Share on Twitter Share via Email",
    "Read more: Council to review harbour fees",
    "Subscribe to our newsletter for the latest local news.",
    "Sign up for our daily briefing",
    "We use cookies to improve your experience. By continuing, you agree to our cookie policy.",
    "Click here to read more",
    "Follow us on Twitter",
    "Continue reading below",
)


def boilerplate(clean: str, rng: random.Random) -> Corruption | None:
    """A line of page furniture between two paragraphs (own paragraph, or own line)."""
    pars = paragraphs(clean)
    if len(pars) < 3:
        return None
    i = rng.randrange(1, len(pars))
    line = rng.choice(BOILERPLATE_LINES)
    own_paragraph = rng.random() < 0.7
    at = pars[i - 1][1]
    insert = ("\n\n" if own_paragraph else "\n") + line
    text = clean[:at] + insert + clean[at:]
    shape = f"'{line[:30]}' {'own paragraph' if own_paragraph else 'line under a paragraph'}"
    start = at + len(insert) - len(line)
    return _make("boilerplate", shape, clean, text, (start, start + len(line)))


OUTLET_MANGLES = {
    "Press TV": ("Presstv", "Press Tv", "PressTv"),
    "Al Jazeera": ("Aljazeera", "Al Jazira", "Al-jazeera"),
    "Associated Press": ("Associatedpress", "Asociated Press", "Associated press"),
    "BBC News": ("Bbc News", "BBCNews", "Bbcnews"),
    "Sky News": ("Skynews", "Sky news"),
    "Deutsche Welle": ("Deutschewelle", "Deutsche Wele"),
    "Agence France-Presse": ("Agence France Presse", "Agence Francepresse"),
}
_ATTRIBUTION = regex.compile(
    r"(?P<lead>, )(?P<outlet>" + "|".join(map(regex.escape, OUTLET_MANGLES)) + r") reported\."
)


def mangled_attribution(clean: str, rng: random.Random) -> Corruption | None:
    """An outlet attribution tacked on after a sentence, with the outlet name misspelt or run
    together and/or the reporting verb capitalised ('..., Presstv Reported.')."""
    found = list(_ATTRIBUTION.finditer(clean))
    if not found:
        return None
    m = rng.choice(found)
    outlet = m.group("outlet")
    how = rng.choice(("name and verb", "name only", "verb only"))
    name = rng.choice(OUTLET_MANGLES[outlet]) if how != "verb only" else outlet
    verb = "Reported" if how != "name only" else "reported"
    start = m.start("outlet")
    text = clean[:start] + f"{name} {verb}." + clean[m.end() :]
    end = start + len(name) + len(verb) + 2
    return _make("attribution", f"mangled {how}", clean, text, (start, end))


def truncation(clean: str, rng: random.Random) -> Corruption | None:
    """The text stops mid-sentence, mid-word or inside an open quotation."""
    body = clean.rstrip()
    pars = paragraphs(body)
    if len(pars) < 3:
        return None
    shape = rng.choice(("mid-sentence", "mid-word", "inside a quotation"))
    cut = None
    if shape == "inside a quotation":
        quotes = [s for s, e in pars[1:] if is_quotation(body[s:e])]
        if quotes:
            s = rng.choice(quotes)
            close = body.find("”", s)
            spaces = [i for i in range(s + 10, close) if body[i] == " "]
            cut = rng.choice(spaces) if spaces else None
        if cut is None:
            shape = "mid-sentence"
    if shape != "inside a quotation":
        s, e = rng.choice([(s, e) for s, e in pars[1:] if is_prose(body[s:e])] or [pars[-1]])
        points = break_points(body[s:e], margin=8)
        if not points:
            return None
        cut = s + rng.choice(points)
        if shape == "mid-word":  # keep one to len-1 letters of the next word
            word = regex.match(r" (\w+)", body, pos=cut)
            cut += 1 + rng.randint(1, max(1, len(word.group(1)) - 1)) if word else 0
    assert cut is not None
    text = body[:cut].rstrip() + "\n"
    sentence_start = max(body.rfind(". ", 0, cut) + 2, body.rfind("\n", 0, cut) + 1)
    return _make("truncation", shape, clean, text, (sentence_start, len(text)))
