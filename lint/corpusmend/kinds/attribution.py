"""The ``attribution`` kind: a mangled attribution to a news outlet.

Scraped copy often ends a sentence with an attribution whose outlet name was run together or
misspelt and whose verb was capitalised (``..., Presstv Reported.``). Outlets and their known
variants are data (``data: outlets:``, a table of canonical name -> variants, which user packs
extend); a multi-word name run together (``PressTV``, ``Aljazeera``) counts as a variant too. The
fix is safe only when exactly one canonical name fits the variant; otherwise it is only shown.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from corpusmend.document import Document
from corpusmend.findings import Applicability, Edit
from corpusmend.gates import Gate, literal_trie
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.shapes.broken_sentences import words
from corpusmend.shapes.fragments import title_case
from corpusmend.shapes.outlet_names import NearMisses, separator_variants, tacked_on
from corpusmend.shapes.reporting_verbs import verb_table

_KEY_DROPS = regex.compile(r"[\s.-]+")


def outlet_key(name: str) -> str:
    """What a name reduces to when run together and case is lost: "Press TV" -> "presstv"."""
    return _KEY_DROPS.sub("", name).casefold()


def outlet_table(data: Mapping[str, Any], key: str) -> dict[str, list[str]]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise ValueError(f"params.outlets: data.{key} must map canonical names to variant lists")
    out: dict[str, list[str]] = {}
    for canonical, variants in table.items():
        variants = [] if variants is None else variants
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise ValueError(f"params.outlets: data.{key}.{canonical} must be a list of names")
        out[str(canonical)] = variants
    return out


def _prefilter(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A case-sensitive search for the case-folded names over the case-folded text: it finds
    every line where ``(?i:name)`` matches, at a fraction of the cost. Exact for ASCII names:
    ``regex`` matches an ASCII letter case-insensitively only with letters that case-fold to it,
    and with ı (folded to i below) and İ (whose folding is two characters long, see
    :meth:`AttributionKind._matches`). Other names get no prefilter. A name never follows a
    letter or digit, and a character that folds to an ASCII letter or digit is one."""
    forms = list(forms)
    if not all(f.isascii() and "\n" not in f and f for f in forms):
        return None
    # "a character that is not a letter or digit, then a name" searches faster than the same
    # with a lookbehind (only word starts are tried); the text is searched with a space before it
    return re.compile("[^a-z0-9](" + literal_trie({f.casefold() for f in forms}) + ")")


@register_kind
class AttributionKind(CheckKind):
    name = "attribution"
    message_values = frozenset({"attribution", "suggestion"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "outlets": {
                "type": "string",
                "default": "outlets",
                "description": "the data table mapping canonical outlet names to variants",
            },
            "verbs": {
                "type": "string",
                "default": "reporting_verbs",
                "description": "the data table listing reporting verbs",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        table = outlet_table(self.data, params.get("outlets", "outlets"))
        verbs = verb_table(self.data, params.get("verbs", "reporting_verbs"))
        self.canonical = set(table)
        self.accepted = {f for name in table for f in separator_variants(name, drop=False)}
        self.listed = {v for variants in table.values() for v in variants}
        # A name that differs from an accepted spelling only in case ("Fox news", "Tass",
        # "Mehr News agency") is house style, not damage, unless the table lists it.
        self.house_styles = {f.casefold() for f in self.accepted}
        self.by_key: dict[str, set[str]] = {}
        forms: set[str] = set()
        for canonical, variants in table.items():
            for form in (canonical, *variants):
                self.by_key.setdefault(outlet_key(form), set()).add(canonical)
                forms.update(separator_variants(form))  # "AlJazeera", "Al-Jazeera"
        self.verbs = verbs
        self.forms = forms
        self.near = NearMisses(self.by_key)

    def gate(self) -> Gate | None:
        """Every hit has a reporting verb after the name, or "according to" before it."""
        words = ("according", *self.verbs)
        if not all(w.isascii() for w in words):
            return None  # a user's table with other scripts: no gate
        return Gate((), "sentence", words=words)

    # The patterns are compiled on first use (a run whose texts never pass the gate, such as
    # checking one short file, does not pay for the outlet table's large pattern).
    @functools.cached_property
    def tacked(self) -> regex.Pattern[str]:
        return tacked_on(self.verbs)

    @functools.cached_property
    def prefilter(self) -> re.Pattern[str] | None:
        return _prefilter(self.forms) if self.forms else None

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str] | None:
        if not self.forms:
            return None
        names = literal_trie(self.forms)  # longest first: the trie's optional tails are greedy
        verb_words = "|".join(regex.escape(v) for v in self.verbs)
        return regex.compile(
            r"(?P<lead>\b(?i:according[^\S\n]+to)[^\S\n]+)?"
            rf"(?<![\p{{L}}\p{{N}}])(?P<outlet>(?i:{names}))(?![\p{{L}}\p{{N}}])"
            rf"(?:[^\S\n]+(?P<verb>(?i:{verb_words}))\b)?"
        )

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        if self.pattern is None:
            return
        text = doc.text
        seen: list[tuple[int, int]] = []
        for m in self._matches(doc, attributions=True):
            if m.group("lead") is None and m.group("verb") is None:
                continue  # a mention, not an attribution
            if not self._may_be_bad(m):
                continue  # a listed spelling and a lower-case verb: nothing to judge
            sentence = doc.sentence_at(m.start())
            if sentence is None or m.end() > sentence.end:
                continue  # runs over a sentence or paragraph boundary
            hit = self._judge(text, sentence.slice(text), m)
            if hit is not None:
                seen.append((hit.start, hit.end))
                yield hit
        yield from self._tacked_on(doc, seen)

    def _tacked_on(self, doc: Document, seen: list[tuple[int, int]]) -> Iterator[Hit]:
        """Attributions after a comma at a sentence's end whose name is not a listed form: a
        near miss of a long outlet name, or any name with a capitalised verb ("Reported")."""
        text = doc.text
        for m in self.tacked.finditer(text):
            if any(s < m.end() and m.start("outlet") < e for s, e in seen):
                continue
            if not self._may_be_bad(m):
                continue
            sentence = doc.sentence_at(m.start("outlet"))
            if sentence is None or m.end() > sentence.end:
                continue
            hit = self._judge(text, sentence.slice(text), m)
            if hit is not None:
                yield hit

    def _matches(self, doc: Document, attributions: bool = False) -> Iterator[regex.Match]:
        """``self.pattern.finditer(doc.text)``, searched only where a match can start: at a name
        or at "according" (found by the prefilter on the case-folded text), and only up to the
        end of that line (no match runs over a line break). With `attributions`, only on the
        lines where a match can have a lead or a verb (:meth:`_attribution_lines`): the others
        hold mentions only.

        Without :data:`~corpusmend.gates.CASE_TRAPS` in the text, its lower case (which the
        gates have made already) stands for its case folding: the two differ only beyond ASCII,
        and a character that is no trap lower-cases to an ASCII letter or digit exactly when it
        case-folds to one, one character for one."""
        assert self.pattern is not None
        text = doc.text
        if self.prefilter is None:
            yield from self.pattern.finditer(text)
            return
        lines = [(0, len(text))]
        if doc.case_traps():
            folded = text.casefold()
            if len(folded) != len(text):
                yield from self.pattern.finditer(text)
                return
            # dotless i matches I case-insensitively in regex
            folded = folded.replace("ı", "i")
        else:
            folded = doc.lower()
            if attributions and self._names_before is not None:
                lines = self._attribution_lines(folded)
        # the space lets a name start the text (offsets in `folded` are one more than in `text`)
        folded = " " + folded
        for pos, stop in lines:  # no match runs over a line break: each line on its own
            while (found := self.prefilter.search(folded, pos, stop + 1)) is not None:
                lead = folded.find("according", pos + 1, found.start(1))
                start = found.start(1) - 1 if lead == -1 else lead - 1
                end = text.find("\n", start)
                end = len(text) if end == -1 else end
                m = self.pattern.search(text, start, end)
                if m is None:
                    pos = end + 1  # nothing more on this line
                    continue
                yield m
                pos = m.end()

    @functools.cached_property
    def _names_before(self) -> re.Pattern[str] | None:
        """The names, lower-cased and spelt backwards: matched at the start of a text read
        backwards, it tells whether a name ends where that text ends (None: some verb is not
        ASCII, so lower case may not find it)."""
        if not all(v.isascii() for v in self.verbs):
            return None
        return re.compile(literal_trie({f.casefold()[::-1] for f in self.forms}))

    @functools.cached_property
    def _longest_name(self) -> int:
        return max(map(len, self.forms))

    def _attribution_lines(self, lowered: str) -> list[tuple[int, int]]:
        """The spans of the lines of `lowered` (the text in lower case, without case traps)
        that hold "according", or a verb after white space right after the end of a name: only
        there can a match have a lead or a verb. Each verb is found with str.find."""
        longest = self._longest_name
        starts = set()
        at = lowered.find("according")
        while at != -1:
            starts.add(lowered.rfind("\n", 0, at) + 1)
            at = lowered.find("according", at + 1)
        names_before = self._names_before
        assert names_before is not None
        for verb in self.verbs:
            at = lowered.find(verb)
            while at != -1:
                name_end = at
                while (
                    name_end and lowered[name_end - 1] != "\n" and lowered[name_end - 1].isspace()
                ):
                    name_end -= 1
                before = lowered[max(0, name_end - longest) : name_end][::-1]
                if name_end < at and names_before.match(before):
                    starts.add(lowered.rfind("\n", 0, at) + 1)
                at = lowered.find(verb, at + 1)
        lines = []
        for start in sorted(starts):
            end = lowered.find("\n", start)
            lines.append((start, len(lowered) if end == -1 else end))
        return lines

    def _canonicals(self, outlet: str) -> list[str]:
        key = outlet_key(outlet)
        return sorted(self.by_key.get(key) or self.near.canonicals(key))

    def _may_be_bad(self, m: regex.Match) -> bool:
        """False when :meth:`_judge` surely finds nothing: neither a capitalised verb nor a
        name that is not an accepted spelling of an outlet."""
        verb, outlet = m.group("verb"), m.group("outlet")
        if bool(verb) and verb[0].isupper() and verb[1:].islower():
            return True
        return self._misspelt(outlet) and bool(self._canonicals(outlet))

    def _misspelt(self, outlet: str) -> bool:
        """Whether the name is neither an accepted spelling nor one in another case only."""
        if outlet in self.accepted:
            return False
        return outlet in self.listed or outlet.casefold() not in self.house_styles

    def _judge(self, text: str, sentence: str, m: regex.Match) -> Hit | None:
        outlet, verb = m.group("outlet"), m.group("verb")
        rest = sentence.replace(m.group(0), " ")
        if (outlet.isupper() and len(outlet) > 4) or len(words(rest)) < 3 or title_case(rest):
            return None  # a headline, a label or wire-style capitals, not a mangled sentence
        if outlet.islower() and outlet not in self.listed:
            return None  # an ordinary word ("the guardian said"), not a name
        canonicals = self._canonicals(outlet)
        outlet_bad = self._misspelt(outlet) and bool(canonicals)
        verb_bad = bool(verb) and verb[0].isupper() and verb[1:].islower()
        if not (outlet_bad or verb_bad):
            return None
        edits: list[Edit] = []
        fixed_outlet = outlet
        applicability: Applicability | None = None
        if outlet_bad:
            if len(canonicals) == 1:
                fixed_outlet = canonicals[0]
                edits.append(Edit(m.start("outlet"), m.end("outlet"), fixed_outlet))
            else:
                fixed_outlet = " or ".join(canonicals)
                applicability = "display"
        fixed_verb = verb.lower() if verb else ""
        if verb_bad:
            edits.append(Edit(m.start("verb"), m.end("verb"), fixed_verb))
        end = m.end("verb") if verb else m.end("outlet")
        suggestion = f"{fixed_outlet} {fixed_verb}".strip()
        values = {"attribution": text[m.start("outlet") : end], "suggestion": suggestion}
        if applicability == "display":
            edits = []
        return Hit(m.start("outlet"), end, values, tuple(edits), applicability=applicability)
