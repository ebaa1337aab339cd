"""The splice as real scraped news has it: a quotation paragraph moved into the middle of an
earlier paragraph's last sentence, before a lower-case word (SPL001, SIB001).

Unlike corruptions.spliced_quotation (invented text, curly quotes, any sentence), this takes the
quotation marks real text uses (curly or straight) and breaks the paragraph's last sentence,
where a scraper that moved a block into the flow of text breaks it.
"""

from __future__ import annotations

import random

import regex

from corpusmend.evaluation.corruptions import Corruption, repair_edits
from corpusmend.segmentation import paragraphs

OPENING_QUOTES = '“"'
_SENTENCE_END = regex.compile(r"(?<=[.!?][”’\"']?)\s+(?=[“‘\"']?\p{Lu})")
_LOWER_WORD = regex.compile(r" (?=\p{Ll}[\p{Ll}'’-]+\b)")
MIN_FRAGMENT_WORDS = 4  # SPL001's min_fragment_words: a shorter fragment is not taken as one
MIN_CONTINUATION_WORDS = 3
MAX_DISTANCE = 3  # the quotation comes from at most this many paragraphs further down


def is_quotation_paragraph(par: str) -> bool:
    return par[:1] in OPENING_QUOTES and "\n" not in par and len(par.split()) >= 4


def is_prose_paragraph(par: str) -> bool:
    """A paragraph of running text: one line, a capital first, a sentence end last."""
    return (
        "\n" not in par
        and par[:1].isupper()
        and par.rstrip()[-1:] in '.!?”"'
        and len(par.split()) >= MIN_FRAGMENT_WORDS + MIN_CONTINUATION_WORDS
    )


def last_sentence_start(par: str) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(par)]
    return starts[-1] if starts else 0


def _inside_quotation(text: str) -> bool:
    """Whether `text` (a sentence's beginning) leaves a quotation open."""
    curly = text.count("“") - text.count("”")
    return curly > 0 or text.count('"') % 2 == 1


def break_points(par: str) -> list[int]:
    """Spaces in the paragraph's last sentence before a lower-case word, outside quotations, after
    a word (not a clause end), with enough words on both sides."""
    start = last_sentence_start(par)
    points = []
    for m in _LOWER_WORD.finditer(par, start):
        at = m.start()
        before, after = par[start:at], par[at + 1 :]
        if par[at - 1] in ".!?:;" or _inside_quotation(before):
            continue
        if len(before.split()) >= MIN_FRAGMENT_WORDS and len(after.split()) >= (
            MIN_CONTINUATION_WORDS
        ):
            points.append(at)
    return points


def quotation_into_last_sentence(clean: str, rng: random.Random) -> Corruption | None:
    """Move a quotation paragraph into an earlier paragraph's last sentence; the sentence resumes
    after it in lower case, glued to the quotation's line or as its own paragraph."""
    spans = paragraphs(clean)
    texts = [clean[s:e] for s, e in spans]
    pairs = [
        (j, k)
        for k, quote in enumerate(texts)
        if is_quotation_paragraph(quote)
        for j in range(max(0, k - MAX_DISTANCE), k)
        if is_prose_paragraph(texts[j]) and break_points(texts[j])
    ]
    if not pairs:
        return None
    j, k = rng.choice(pairs)
    par, quote = texts[j], texts[k]
    b = rng.choice(break_points(par))
    glued = rng.random() < 0.5
    sep = " " if glued else "\n\n"
    spliced = par[:b] + "\n\n" + quote + sep + par[b + 1 :]
    # paragraphs j..k become: the spliced paragraph, then those between (the quotation is gone)
    js, _ = spans[j]
    _, ke = spans[k]
    region = "\n\n".join([spliced, *texts[j + 1 : k]])
    text = clean[:js] + region + clean[ke:]
    span = (js + b, js + b + 2 + len(quote) + len(sep) + 1)
    shape = (
        f"{'curly' if quote[0] == '“' else 'straight'} quotation "
        f"{'adjacent' if k == j + 1 else 'from further down'}, "
        f"continuation {'glued after it' if glued else 'own paragraph'}"
    )
    return Corruption("splice", shape, text, span, repair_edits(clean, text), moved=quote)
