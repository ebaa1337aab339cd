"""The ``stray-characters`` kind (ENC004): characters and markup a scraper should have removed.

- control characters: C0 controls other than tab, line feed and carriage return (terminal escape
  sequences as a whole), and C1 controls that are not part of mojibake (ENC001 repairs those);
- invisible characters: a byte-order mark inside the text, and zero-width characters and soft
  hyphens inside a word (zero-width joiners only between Latin letters: Persian, Indic scripts
  and emoji need them);
- HTML entities left escaped (``&amp;``, ``&#8217;``, ``&nbsp;``): only complete entities that
  HTML5 defines;
- leftover HTML tags (``<br>``, ``</p>``, ``<span class="x">``) of a known element, and comments.

Characters inside a garbled run are left to ENC001 (``Ã\\xad`` is mojibake for í, not a soft
hyphen), through the shared detector in :mod:`corpusmend.mojibake_detector`.
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from corpusmend.document import Document
from corpusmend.findings import Edit
from corpusmend.gates import Gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext
from corpusmend.visible import shown

if TYPE_CHECKING:
    from corpusmend.mojibake_detector import MojibakeRun

_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # how each starts
_INVISIBLE = re.compile("[\ufeff\u200b\u2060\u200c\u200d\u00ad]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NAMED = frozenset(k for k in html.entities.html5 if k.endswith(";"))

BLOCK_TAGS = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
]
INLINE_TAGS = [
    "a",
    "abbr",
    "b",
    "big",
    "cite",
    "code",
    "del",
    "em",
    "font",
    "i",
    "img",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
]
_ATTRS = r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>=`]+))?)*"""


def _tag_pattern(names: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"<!--[^\n]*?-->|</?(?P<name>{alternatives})\b{_ATTRS}\s*/?>", re.IGNORECASE)


def _latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or "LATIN" in unicodedata.name(char, "")


def _word_char(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    if char.isascii():
        return char.isalnum()
    name = unicodedata.name(char, "")
    return char.isalnum() and any(s in name for s in ("LATIN", "CYRILLIC", "GREEK"))


def _between(text: str, start: int, end: int, test: Callable[[str], bool]) -> bool:
    return start > 0 and end < len(text) and test(text[start - 1]) and test(text[end])


@register_kind
class StrayCharactersKind(CheckKind):
    name = "stray-characters"
    message_values = frozenset({"what", "found", "action"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "controls": {"type": "boolean", "default": True},
            "invisible": {"type": "boolean", "default": True},
            "entities": {"type": "boolean", "default": True},
            "tags": {"type": "boolean", "default": True},
            "block_tags": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*$"},
                "description": "elements whose tag becomes a line break inside text",
            },
            "inline_tags": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*$"},
                "description": "elements whose tag is removed",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        self.enabled = {
            k: bool(params.get(k, True)) for k in ("controls", "invisible", "entities", "tags")
        }
        self.block_tags = frozenset(params.get("block_tags", BLOCK_TAGS))
        self.tags = _tag_pattern([*self.block_tags, *params.get("inline_tags", INLINE_TAGS)])

    def gate(self) -> Gate:
        """How each candidate starts: a control character, an invisible one, ``<``; an entity
        is looked for whole (news has many a bare ``&``: "AT&T", "Q&A")."""
        starts = {
            "controls": _ANY_CONTROL.pattern,
            "invisible": _INVISIBLE.pattern,
            "entities": _ENTITY.pattern,
            "tags": "<",
        }
        return Gate(tuple(p for name, p in starts.items() if self.enabled[name]))

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        text = doc.text
        from corpusmend.mojibake_detector import find_mojibake, in_mojibake  # loads ftfy

        runs: tuple[MojibakeRun, ...] | None = None
        for hit in self._candidates(text):
            if runs is None:
                runs = find_mojibake(text)
            if not in_mojibake(runs, hit.start, hit.end):
                yield hit

    def _candidates(self, text: str) -> Iterator[Hit]:
        if self.enabled["controls"]:
            yield from self._controls(text)
        if self.enabled["invisible"] and not text.isascii():
            yield from self._invisible(text)
        if self.enabled["entities"] and "&" in text:
            yield from self._entities(text)
        if self.enabled["tags"] and "<" in text:
            yield from self._tags(text)

    def _controls(self, text: str) -> Iterator[Hit]:
        if _ANY_CONTROL.search(text) is None:
            return  # one fast scan for the usual case: none at all
        for m in _CONTROL.finditer(text):
            found = m.group(0)
            if found[0] in "\x0b\x0c":
                yield _hit(m, "control character", "\n", "replace with a line break")
            elif "\x80" <= found <= "\x9f":
                yield _hit(m, "C1 control character", None)
            elif found[0] == "\x1b" and len(found) > 1:
                yield _hit(m, "terminal escape sequence", "", "remove it")
            else:
                yield _hit(m, "control character", "", "remove it")

    def _invisible(self, text: str) -> Iterator[Hit]:
        for m in _INVISIBLE.finditer(text):
            char, start, end = m.group(0), m.start(), m.end()
            if char == "\ufeff":
                yield _hit(m, "byte-order mark inside the text", "", "remove it")
            elif char == "\u00ad":
                if _between(text, start, end, str.isalpha):
                    yield _hit(m, "soft hyphen inside a word", "", "remove it")
            elif char in "\u200c\u200d":
                if _between(text, start, end, _latin):
                    yield _hit(m, "zero-width joiner inside a word", "", "remove it")
            elif _between(text, start, end, _word_char):
                yield _hit(m, "zero-width character inside a word", "", "remove it")

    def _entities(self, text: str) -> Iterator[Hit]:
        for m in _ENTITY.finditer(text):
            entity = m.group(0)
            if not entity.startswith("&#") and entity[1:] not in _NAMED:
                continue
            value = html.unescape(entity)
            usable = value != entity and all(
                unicodedata.category(c) not in ("Cc", "Cs", "Cn") and c != "\ufffd" for c in value
            )
            if not usable:
                yield _hit(m, "HTML entity left escaped", None)
                continue
            edit = _unescape_edit(text, m.start(), m.end(), value)
            # the span covers what the fix rewrites: a mojibake run the entity completes too
            yield Hit(
                min(m.start(), edit.start),
                max(m.end(), edit.end),
                values={
                    "what": "HTML entity left escaped",
                    "found": shown(entity),
                    "action": f"replace with '{shown(edit.content)}'",
                },
                edits=(edit,),
            )

    def _tags(self, text: str) -> Iterator[Hit]:
        for m in self.tags.finditer(text):
            name = (m.group("name") or "").lower()
            inside = _between(text, m.start(), m.end(), lambda c: not c.isspace())
            if name in self.block_tags and inside:
                yield _hit(m, "leftover HTML tag", "\n", "replace with a line break")
            else:
                yield _hit(m, "leftover HTML tag", "", "remove it")


def _unescape_edit(text: str, start: int, end: int, value: str) -> Edit:
    """Replace the entity with its value; when that completes mojibake (``Î&frac14;`` is
    ``Î¼``, UTF-8 for μ read as Latin-1), repair the whole run at once, as ftfy does."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:start] + value + text[end:line_end]
    lo, hi = start - line_start, start - line_start + len(value)
    from corpusmend.mojibake_detector import find_mojibake

    for run in find_mojibake(line):
        if run.start < hi and run.end > lo:
            shift = (end - start) - len(value)
            new_start = min(run.start, lo) + line_start
            new_end = max(run.end, hi) + line_start + shift
            content = (
                line[min(run.start, lo) : run.start] + run.fixed + line[run.end : max(run.end, hi)]
            )
            return Edit(new_start, new_end, content)
    return Edit(start, end, value)


def _hit(m: re.Match[str], what: str, replacement: str | None, action: str = "") -> Hit:
    edits = None if replacement is None else (Edit(m.start(), m.end(), replacement),)
    values = {"what": what, "found": shown(m.group(0)), "action": action}
    return Hit(m.start(), m.end(), values=values, edits=edits)
