"""The fast paths in the intrinsic kinds give exactly what the plain way gives.

Each speedup (a prefilter, a search run backwards, a window, a compiled alignment) replaced a
slower but obvious computation; these tests run both on many generated texts, seeded so every
run sees the same ones, and demand the same answer.
"""

from __future__ import annotations

import difflib
import random

import ftfy
import regex
from cydifflib import SequenceMatcher

from corpusmend import Linter, segmentation
from corpusmend.document import Document
from corpusmend.kinds import top_matter
from corpusmend.mojibake_detector import _GATES, CONFIG, _gate, _gated_lines, may_change
from corpusmend.passes.context import as_context
from corpusmend.shapes import broken_sentences
from corpusmend.shapes.furniture import more_kept_than, normalise

LINTER = Linter()


def _texts(seed: int, pieces: list[str], count: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]


def test_end_anchored_patterns_searched_backwards_agree_with_forwards() -> None:
    pieces = [*"aB ,.’'-–—:1é\u2003\x1c\x85/\"”?…É)\n\t", "ab", "Word"]
    for fast in (
        broken_sentences._OPEN_END,
        broken_sentences._OPEN_END_WEAK,
        broken_sentences._CLOSED_END,
        segmentation._WORD_BEFORE,
    ):
        assert fast.flags & regex.REVERSE
        slow = regex.compile(fast.pattern, fast.flags & ~regex.REVERSE)
        for text in _texts(1, pieces, 3000, 12):
            a, b = slow.search(text), fast.search(text)
            assert (a and a.groups()) == (b and b.groups()), repr(text)


def test_compiled_alignment_gives_difflibs_opcodes() -> None:
    pieces = ["Café ", "naïve ", "’s ", "â€™", "Ã©", "Ã\xad", "the ", "x", "é", " "]
    for text in _texts(2, pieces, 300, 20):
        garbled = text.encode("utf-8").decode("latin-1")
        for a, b in ((garbled, text), (text, garbled), (ftfy.fix_text(garbled, CONFIG), text)):
            slow = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            assert SequenceMatcher(None, a, b, autojunk=False).get_opcodes() == slow


def test_mojibake_gate_and_gated_lines_miss_nothing() -> None:
    pieces = ["a", "Ã", "©", "\n", "\x85", "’", "é", "Œ", "œ", " ", "Â", "\x9c", "â€™", "\r"]
    for text in _texts(3, pieces, 3000, 15):
        assert _gate(text) == (not text.isascii() and any(g.search(text) for g in _GATES))
        gated, pos = set(_gated_lines(text)), 0
        for line in text.split("\n"):
            assert not may_change(line) or pos in gated, repr(text)
            pos += len(line) + 1


def test_attribution_prefilter_finds_every_match() -> None:
    kind = LINTER.rule("ATT001").kind
    assert kind.prefilter is not None
    pieces = [
        *["Reuters", "Press TV", "Presstv", "Al Jazeera", "BBC", "TASS", "tass", "reuters"],
        *["according to", "According  to", "said", "Reported", "reported", "the", "Interfax"],
        *["x", " ", "\n", ",", ".", "é", "\n\n", "İ", "ı", "K", "ſ", "ß", "ınterfax", "Reuterſ"],
        # lower and case folding differ here, without a trap: "ς" folds to "σ", "µ" to "μ"
        *["ς", "Σ", "µ", "\u212b", "Ｒeuters", "ᏸ"],
    ]
    for text in _texts(4, pieces, 3000, 12):
        slow = [(m.span(), m.groupdict()) for m in kind.pattern.finditer(text)]
        fast = [(m.span(), m.groupdict()) for m in kind._matches(Document(text))]
        assert fast == slow, repr(text)


def test_dangling_attribution_windows_find_what_paragraphs_find() -> None:
    kind = LINTER.rule("ATT002").kind
    assert kind.windowed
    pieces = [
        *["“We will go,” ", "“Yes.” ", '"No," ', "’Tis ", "the minister ", "said", "Mr. Smith "],
        *["told reporters", "e.g. ", ". ", ".  ", ". to the ", "and ", "!", "?", "\n", "\n\n"],
        *[", ", "she added. on ", "” he said. to ", "a.m. on ", "\u2003"],
    ]
    try:
        for text in _texts(5, pieces, 3000, 14):
            doc = Document(text)
            kind.windowed = True
            fast = [(m.span(), m.span("attribution"), p) for m, p in kind._matches(doc)]
            kind.windowed = False
            slow = [(m.span(), m.span("attribution"), p) for m, p in kind._matches(doc)]
            assert fast == slow, repr(text)
    finally:
        kind.windowed = True


def test_glued_paragraphs_are_those_with_a_glued_continuation() -> None:
    pieces = [
        *["“We will go,” ", "the minister said. to the ", "Mr. smith ", "a.m. on ", "x.com is "],
        *["\n", "\n\n", "she left. and then ", "? and ", "!” and so on ", "e.g. this ", "end"],
    ]
    for text in _texts(6, pieces, 2000, 12):
        doc = Document(text)
        slow = {
            i
            for i, p in enumerate(doc.paragraphs)
            if next(broken_sentences.glued_continuations(doc, p), None) is not None
        }
        assert broken_sentences.glued_paragraphs(doc) == slow, repr(text)


def test_phrase_lines_shortcuts() -> None:
    pieces = [*" \t\u00a0•·*>|\"'“”‘’:\x1c\u2003\x85ßaBİ.,", "Read more", "Share"]
    for count in (0, 1, 3, 8):
        too_long = more_kept_than(count)
        for text in _texts(7 + count, pieces, 2000, 14):
            if too_long.match(text.strip()):
                assert len(normalise(text.strip())) > count, repr(text)
    kind = LINTER.rule("BPL002").kind.furniture
    assert kind.any_pattern is not None
    lines = ["Read more at the Courier", "Follow us on Twitter", "The mayor spoke.", "Share"]
    lines += _texts(8, ["Subscribe to ", "our newsletter", "Like ", "x", " ", "!", "©"], 500, 6)
    for line in lines:
        slow = any(p.fullmatch(line) for p in kind.patterns)
        assert (kind.any_pattern.fullmatch(line) is not None) == slow, repr(line)


def test_sentences_by_paragraph_match_the_whole_document() -> None:
    text = (
        "Dr. Mira Vantreck arrived at 9 a.m. on Monday. She said “it works.” Then she left.\n\n"
        "The U.S. team won. The end\n\nNo. 5 is here. J. Smith agreed."
    )
    doc, whole = Document(text), Document(text).sentences
    assert [s for i in range(len(doc.paragraphs)) for s in doc.sentences_in(i)] == whole
    for offset in range(len(text)):
        slow = next((s for s in whole if s.start <= offset < s.end), None)
        assert doc.sentence_at(offset) == slow


def test_squeezing_the_start_of_a_paragraph_settles_a_repeated_title() -> None:
    pieces = ["Port", " ", "re", "opens", "!", "—", "ß", "SS", "ﬁ", "fi", "İ", "Σ", "_", "\n", "9"]
    for text in _texts(6, pieces, 3000, 16):
        for title in (text[: len(text) // 2], text, text + "x", text.upper(), text + " !"):
            squeezed = top_matter.squeeze(title)
            assert top_matter.squeezes_to(text, squeezed) == (top_matter.squeeze(text) == squeezed)


def test_the_last_paragraph_start_is_found_from_the_end(monkeypatch) -> None:
    pieces = ["a", "Bc d.", " ", "\n", "\n\n", " \n", "\n \n", "\x1c", "\r", "\u2028", "\t", "\x85"]
    for look_back in (3000, 4, 1):
        monkeypatch.setattr(segmentation, "_LOOK_BACK", look_back)
        for text in _texts(7, pieces, 1500, 24):
            starts = [s for s, _ in segmentation.paragraphs(text)]
            built = Document(text)
            assert built.paragraphs is not None  # built: Document asks its paragraphs
            for offset in range(len(text) + 1):
                want = max((s for s in starts if s <= offset), default=0)
                assert segmentation.paragraph_start(text, offset) == want, (repr(text), offset)
                assert built.paragraph_start(offset) == want


def test_messages_with_bare_fields_render_as_str_format_would() -> None:
    from corpusmend import linter

    values = {"a": "line one\nline two", "b": 7, "long": "x" * 80, "c": 2.5}
    templates = [
        "mangled '{a}' (should be '{b}')", "{a}{b}{c}", "{missing} and {a}", "{{a}} {a}",
        "{a!r}", "{b:>5}", "{}", "{0}", "{a.upper}", "{a[0]}", "{", "}", "{long}", "", "plain",
    ]  # fmt: skip
    for template in templates:
        try:
            slow = linter._TEMPLATE.vformat(template, (), linter._Shown(values))
        except (ValueError, IndexError, AttributeError):
            slow = template
        assert linter.render(template, values) == slow, template


def test_attributions_are_looked_for_only_on_lines_that_can_hold_one() -> None:
    kind = LINTER.rule("ATT001").kind
    assert kind._names_before is not None
    pieces = [
        *["Reuters", "Press TV", "Presstv", "Aljazeera", "Al Jazeera", "AP", "TASS", "Interfax"],
        *["according to", "According  to ", "according", " said", " Said", "Reported", "reports"],
        *[" ", "\u2003", "\n", "\n\n", ", ", ".", "x", "the ", "ſ", "K", "é", "told"],
        *["Deutsche Wele", "Assoicated Press", "Press Tv"],
    ]
    ctx = as_context(())
    try:
        for text in _texts(8, pieces, 1500, 14):
            doc = Document(text)
            fast = [(h.start, h.end, h.values) for h in kind.check(doc, ctx)]
            kind.__dict__["_names_before"] = None  # every line
            slow = [(h.start, h.end, h.values) for h in kind.check(Document(text), ctx)]
            del kind.__dict__["_names_before"]
            assert fast == slow, repr(text)
    finally:
        kind.__dict__.pop("_names_before", None)


def test_a_match_starts_with_one_of_the_first_characters_read_off_its_pattern() -> None:
    from corpusmend.pattern_literals import first_characters

    patterns = [
        r"\d{1,2} x", r"(?i:ab|cd)e", r"[A-F]q", r"\s*z", r"(?:x)?y", r"(?:Mon\w*,?\s+)?\d",
        r"(?i)by:?\s+\w", r"[^a]b", r"\bq", r"(?=a)a", r"\p{Lu}x", r"a*", r"[\x00-\x1f]|é",
    ]  # fmt: skip
    pieces = [*"aAbBcCdDeEfFqQxXyYzZ09 \t\x1c\n,:é", "Mon", "mon", "by", "BY", "İ", "K"]
    readable = 0
    for pattern in patterns:
        first = first_characters(pattern)
        if first is None:
            continue
        readable += 1
        for text in _texts(9, pieces, 2000, 5):
            if regex.fullmatch(pattern, text) and text[:1].isascii():
                assert text[:1].lower() in first, (pattern, text)
    assert readable >= 8


def test_header_line_prechecks_let_every_header_line_through() -> None:
    kind = LINTER.rule("HDR002").kind
    lines = [
        "Jun 14, 2008 — Ann Lee", "14 June 2008 - Ann Lee", "2008-06-14 – Mira Vantreck",
        "Mon, Jun 14, 2008 — Ann Lee", "By Ann Lee", "Posted on Jun 14, 2008 by admin",
        "Written by Ann Lee / The Valley Courier", "Authored by Ann Lee via Courier",
    ]  # fmt: skip
    for line in lines:
        matched = [p.fullmatch(line) is not None for p in kind.line_patterns]
        assert any(matched), line
        for is_match, precheck in zip(matched, kind._prechecks, strict=True):
            assert precheck.may_match(line.lower()) or not is_match, line
