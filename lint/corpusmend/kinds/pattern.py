"""The ``pattern`` kind: a regular expression, run over a scope, with an optional replacement."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from corpusmend.document import Document, Span
from corpusmend.findings import Edit
from corpusmend.gates import Gate, literal_prefix_gate
from corpusmend.kinds.base import CheckKind, Hit
from corpusmend.kinds.registry import register_kind
from corpusmend.passes.context import DocumentContext

FLAGS = {
    "IGNORECASE": regex.IGNORECASE,
    "MULTILINE": regex.MULTILINE,
    "DOTALL": regex.DOTALL,
    "VERBOSE": regex.VERBOSE,
    "ASCII": regex.ASCII,
}
SCOPES = ("document", "document-start", "document-end", "line", "paragraph", "sentence")
# A user pattern that backtracks without end is cut off after this many seconds per unit.
DEFAULT_TIMEOUT = 2.0


class RegexTimeout(RuntimeError):
    """A pattern took longer than its time limit on one unit of text."""


def compile_pattern(source: str, flags: Sequence[str] = (), what: str = "pattern") -> regex.Pattern:
    value = 0
    for name in flags:
        value |= FLAGS[name]
    try:
        return regex.compile(source, value | regex.VERSION0)
    except regex.error as exc:
        raise ValueError(f"params.{what}: bad regular expression {source!r}: {exc}") from None


_GROUP_REF = regex.compile(r"\\g<([^>]*)>|\\(\d+)")


def check_template(pattern: regex.Pattern, template: str) -> None:
    """Raise ValueError when a replacement template names a group the pattern lacks."""
    for m in _GROUP_REF.finditer(template):
        ref = m.group(1) if m.group(1) is not None else m.group(2)
        known = ref in pattern.groupindex or (ref.isdigit() and int(ref) <= pattern.groups)
        if not known:
            raise ValueError(f"params.replace: template {template!r} names unknown group {ref!r}")


def scope_spans(doc: Document, scope: str) -> list[Span]:
    text = doc.text
    if scope in ("document", "document-start", "document-end"):
        return [Span(0, len(text))]
    if scope == "paragraph":
        return doc.paragraphs
    if scope == "sentence":
        return doc.sentences
    return doc.line_spans


@register_kind
class PatternKind(CheckKind):
    name = "pattern"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["pattern"],
        "properties": {
            "pattern": {
                "type": "string",
                "description": "regular expression (regex module); named groups become "
                "message values",
            },
            "flags": {
                "type": "array",
                "items": {"enum": sorted(FLAGS)},
                "description": "regular expression flags",
            },
            "scope": {
                "enum": list(SCOPES),
                "default": "document",
                "description": "the text units the pattern runs over, one at a time: the whole "
                "document, its start or end (the match must touch it), each line, paragraph or "
                "sentence",
            },
            "replace": {
                "type": "string",
                "description": "replacement template for the fix (\\g<name> allowed); with "
                "scope line, a replacement that leaves the line blank deletes the line with its "
                "line break",
            },
            "unless": {"type": "string", "description": "skip matches whose text matches this"},
            "gate": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                ],
                "description": "regular expressions (Python re) of which one matches wherever "
                "the pattern can: the rule runs only on texts where one does. Without it, the "
                "literal text or the character class every match starts with is used when it "
                "can be read off the pattern; otherwise the rule runs on every text",
            },
            "timeout": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "seconds the pattern may take on one unit (default 2)",
            },
        },
    }

    def __init__(self, params: dict[str, Any], data: dict[str, Any] | None = None) -> None:
        super().__init__(params, data)
        flags = params.get("flags", [])
        self.pattern = compile_pattern(params["pattern"], flags)
        self.unless = (
            compile_pattern(params["unless"], flags, "unless") if "unless" in params else None
        )
        self.scope = params.get("scope", "document")
        self.replace = params.get("replace")
        self.timeout = float(params.get("timeout", DEFAULT_TIMEOUT))
        if self.replace is not None:
            check_template(self.pattern, self.replace)
        self._gate = _gate(params, flags)

    def gate(self) -> Gate | None:
        return self._gate

    def provided_values(self) -> frozenset[str]:
        """`match` and the pattern's named groups."""
        return frozenset(["match", *self.pattern.groupindex])

    def check(self, doc: Document, ctx: DocumentContext) -> Iterator[Hit]:
        for span in scope_spans(doc, self.scope):
            yield from self._check_unit(doc.text, span)

    def _matches(self, unit: str) -> Iterator[regex.Match]:
        if self.scope == "document-start":
            m = self.pattern.match(unit, timeout=self.timeout)
            return iter([m] if m else [])
        if self.scope == "document-end":
            m = self.pattern.search(unit, timeout=self.timeout)
            return iter([m] if m and m.end() == len(unit) else [])
        return self.pattern.finditer(unit, timeout=self.timeout)

    def _check_unit(self, text: str, span: Span) -> Iterator[Hit]:
        unit = text[span.start : span.end]
        try:
            for m in self._matches(unit):
                if m.end() == m.start():
                    continue
                if self.unless is not None and self.unless.search(m.group(0)):
                    continue
                yield self._hit(m, text, span)
        except TimeoutError:
            raise RegexTimeout(
                f"pattern took over {self.timeout:g}s on the {self.scope} at offset {span.start}"
            ) from None

    def _hit(self, m: regex.Match, text: str, span: Span) -> Hit:
        offset = span.start
        values = {k: (v or "") for k, v in m.groupdict().items()}
        values["match"] = m.group(0)
        edits = None
        if self.replace is not None:
            content = m.expand(self.replace)
            edit = Edit(offset + m.start(), offset + m.end(), content)
            if self.scope == "line":
                edit = _whole_line(text, span, edit)
            edits = (edit,)
        return Hit(offset + m.start(), offset + m.end(), values, edits)


def _gate(params: dict[str, Any], flags: Sequence[str]) -> Gate | None:
    """The rule's gate: the one it declares, else the prefix every match starts with."""
    scope = params.get("scope", "document")
    declared = params.get("gate")
    if declared is not None:
        patterns = (declared,) if isinstance(declared, str) else tuple(declared)
        for source in patterns:
            try:
                re.compile(source)
            except re.error as exc:
                raise ValueError(f"params.gate: bad regular expression {source!r}: {exc}") from None
        return Gate(patterns, scope)
    plain = not {"IGNORECASE", "VERBOSE"} & set(flags)
    derived = literal_prefix_gate(params["pattern"], plain)
    return Gate((derived,), scope) if derived is not None else None


def _whole_line(text: str, line: Span, edit: Edit) -> Edit:
    """With scope line, a replacement that leaves its line blank deletes the line and its line
    break (the one after it; the one before it on the last line)."""
    before, after = text[line.start : edit.start], text[edit.end : line.end]
    if (before + edit.content + after).strip() or not text[line.start : line.end].strip():
        return edit
    if line.end < len(text):
        return Edit(line.start, line.end + 1, "")
    if line.start > 0:
        return Edit(line.start - 1, line.end, "")
    return Edit(line.start, line.end, "")
