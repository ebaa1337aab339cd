"""What the open end of a broken sentence looks like, and what only looks like one.

A spliced block (the ``splice`` kind) is found from three pieces of evidence: a paragraph that
stops mid-sentence, complete paragraphs after it, and the sentence's lower-case rest after them.
The block and the rest are strong evidence, so the broken paragraph may end in any way a
sentence can be cut (a lower-case word, a comma, a name, a figure, a dash, an opening quotation
mark and a word) and may be short. What it must not be is a line that stops without a period on
purpose: a sub-heading, a related-story link ("Also on ...", "Read more: ..."), or the intro of
a block quotation ("..., the minister said,").
"""

from __future__ import annotations

import regex

from corpusmend.document import Document

# The last word of a paragraph cut mid-sentence: a lower-case word (perhaps after an opening
# quotation mark, as in 'described the deal as a "fair', or a dash, as in 'agreed—to', or
# before a closing one, as in 'the pattern “forms after a downtrend,”'), a word with a comma or
# semicolon (perhaps closing a quotation: 'it was Sam Clovis,”'), a capitalised word that is
# neither an abbreviation nor a sentence end ('told Governor Holm', 'at the G20', perhaps
# quoted: 'operations “Titan”'), a figure ('the coins from the 1840s'), a comma set after a
# space ('took to Twitter ,'), a dash ('The report — likely leaked by the chairman —'), a
# dotted acronym ('... the U.S.') or a title before a name ('... told Sen.').
# Searched backwards (REVERSE).
_CUT_END = regex.compile(
    r"(?:^|[\s(\[–—])[\"“‘'(\[]*(?:[\p{Ll}][\p{Ll}'’-]*,?[\"”’]?|[\p{L}\p{N}][^\s,;]*[,;][\"”]?)$"
    r"|[^\s:]\s+(?:[\"“‘]?\p{Lu}(?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}'’-])?[\"”’]?"
    r"|\p{Sc}?\d(?:[\d,.]*\d)?(?:s|%|st|nd|rd|th)?)$|[^\s,;]\s+[,;]$"
    r"|[\p{L}\p{N},]\s*[–—]+$|\s--$"
    r"|\s(?:\p{Lu}\.){2,}$|\s(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St)\.$",
    regex.REVERSE,
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Labels that open a related-story or follow-up link line: the rest is a headline, which may
# stop without a period and read as an open sentence.
_LINK_LINE = regex.compile(
    r"^[\s•·*>|-]*(?:also\s+(?:on|read|see|watch)\b|(?:read|see|watch)\s+(?:also|more)\b"
    r"|related\b|more\s*:|recommended\b|trending\b|up\s+next\b|don['’]t\s+miss\b"
    r"|editor['’]s\s+(?:note|pick)\b|watch\s*:|listen\s*:|video\s*:|photos?\s*:)",
    regex.IGNORECASE,
)
# Words a sentence can be cut after but a heading never ends with.
FUNCTION_WORDS = _word_set(
    """a an the of to in on at by for from with without about into onto over under after
    before between against during through than as and or but nor that which who whom whose
    where when while if because since until unless although though whether is are was were
    be been being has have had will would can could should may might must shall do does did
    not no his her their its our my your this these those it he she they we i you also very
    more most such so said says told according just even only both either neither every each
    some any all many much few several"""
)
# Words headline grammar leaves out (auxiliaries, the past tense): a line holding one is a
# sentence, not a heading.
_FINITE_VERBS = _word_set(
    """is are was were has have had will would could should can did does do been be said
    told says tells asked added wrote noted flew went came took gave made met saw spoke held
    led left sent won lost got ran brought thought found kept became began chose drove
    knew"""
)
_CONJUNCTIONS = _word_set("and but or so nor yet")
# Short words a title leaves in lower case ("Talks at the Harbour Resume in March").
_TITLE_LOWER = _word_set(
    "a an the and but or nor for so yet of to in on at by up as with from into vs via"
)
_PRONOUNS = _word_set("he she they we it i you")
# A reporting verb just before the comma that ends an intro to a quotation.
_QUOTE_INTRO = regex.compile(
    r"\b(?:said|says|say|wrote|writes|write|told\s+\S+(?:\s+\S+)?|tells|added|adds|noted|notes|"
    r"stated|states|declared|declares|explained|explains|tweeted|tweets|posted|continued|"
    r"concluded|replied|replies|asked|asks|warned|warns|argued|argues|insisted|insists|"
    r"recalled|recalls|quipped|put\s+it|puts\s+it|reads|read|as\s+follows)\s*,$",
    regex.IGNORECASE | regex.REVERSE,
)
_SENTENCE_END_INSIDE = regex.compile(r"[.!?][\"”’')\]]*\s+[\"“‘'(\[]?\p{Lu}")
_WORD = regex.compile(r"\S+")
# A paragraph that starts like a list item, a byline or a caption marker.
LIST_START = regex.compile(r"^\s*(?:[-*•·–—>#|]|\d{1,3}[.)]|\(?[a-zA-Z0-9]{1,3}\)|\[)")


def title_case(text: str) -> bool:
    """Whether most words of the text are capitalised, as in a headline."""
    lettered = [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]
    if not lettered:
        return False
    caps = sum(1 for w in lettered if next(c for c in w if c.isalpha()).isupper())
    return caps * 10 >= len(lettered) * 6


def headline_case(line_words: list[str]) -> bool:
    """Whether the words are in headline case: every word with letters is capitalised except
    the short words titles leave in lower case, and the last word is capitalised and ends
    without a comma (a line ending "..., in March," is a sentence's start)."""
    lettered = [w for w in line_words if any(c.isalpha() for c in w)]
    if not lettered or lettered[-1][-1] in ",;":
        return False
    for k, word in enumerate(lettered):
        first = next(c for c in word if c.isalpha())
        bare = word.strip("\"“”‘’'()[],;:").lower()
        if first.islower() and (k == len(lettered) - 1 or bare not in _TITLE_LOWER):
            return False
    return True


def link_line(line: str) -> bool:
    """Whether the line is a related-story or follow-up link ("Also on <site> '...'")."""
    return _LINK_LINE.match(line) is not None


def heading_like(line: str) -> bool:
    """Whether a line without a final period may be a (sub-)heading or a headline: one sentence
    in headline grammar (no auxiliary or reporting verb, no leading conjunction) whose last word
    could end a title (not a function word, a comma, a dash or a word after an opening quotation
    mark). A heading ending in a lower-case word is short and has no comma; one ending in a
    name or a figure ("... on the agenda for the talks with Governor Holm") may be long."""
    found = _WORD.findall(line)
    if not found or len(found) >= 25 or _SENTENCE_END_INSIDE.search(line):
        return False
    raw_last = found[-1]
    last = raw_last.strip("\"“”‘’'()[]").lower()
    if not last or raw_last[0] in "\"“‘'([" or last[-1] in ",;–—-" or last in FUNCTION_WORDS:
        return False
    if last.endswith(("'s", "’s", "s'", "s’")):
        return False  # a possessive waits for its noun: "... at the university's"
    lowered = [w.strip("\"“”‘’'()[],;:").lower() for w in found]
    if lowered[0] in _CONJUNCTIONS | _PRONOUNS or any(w in _FINITE_VERBS for w in lowered):
        return False
    if any(len(w) > 4 and w.endswith("ed") for w in lowered[1:-1]) and len(found) >= 5:
        return False  # "The mayor hinted as much at the meeting in March": a past tense
    if raw_last[0].islower():
        return len(found) < 5 and "," not in line
    return True


def quote_intro(line: str) -> bool:
    """Whether the line ends like the intro of a quotation: a reporting verb and a comma. A
    capitalised word inside the line is a name, not the verb ('... of the United States,')."""
    m = _QUOTE_INTRO.search(line)
    return m is not None and (m.start() == 0 or not line[m.start()].isupper())


def broken_fragment(
    doc: Document, index: int, min_words: int = 2, heading_too: bool = False
) -> bool:
    """Whether paragraph `index` stops mid-sentence, as the first part of a sentence a block
    was spliced into does: it ends in a way a sentence can be cut, is prose (not a list item,
    link line or, unless `heading_too`, a line that may be a heading), and has at least
    `min_words` words on its last line."""
    text = doc.text
    span = doc.paragraphs[index]
    para = span.slice(text)
    if para[0].islower() or LIST_START.match(para):
        return False
    if _CUT_END.search(para) is None:
        return False
    last_line = para[para.rfind("\n") + 1 :]
    last_words = _WORD.findall(last_line)
    if len(last_words) < min_words or link_line(last_line):
        return False
    if len(last_words) < 25 and headline_case(last_words):
        return False  # a headline, or a name alone
    if any(c in last_words[-1] for c in "/@:=#"):
        return False
    return heading_too or not heading_like(last_line)
