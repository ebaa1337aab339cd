"""The contract every check kind follows.

A check kind is the code behind a family of YAML rules. The rule picks a kind with ``kind:`` and
gives it ``params:``; the kind reports :class:`Hit` s. The linter, not the kind, turns hits into
findings: it stamps the rule's code, name, severity, message and fix applicability.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from corpusmend.document import Document
from corpusmend.findings import Applicability, Edit
from corpusmend.gates import Gate
from corpusmend.passes.context import DocumentContext


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a check fired.

    ``values`` fill the rule's message template; ``edits`` is the proposed fix (None: no fix);
    ``applicability`` may lower the rule's (never raise it); ``provenance`` says where a fix
    came from (a sibling id and similarity, for instance); ``metadata`` holds values the fix
    can move into the document's metadata (a removed date header's date, for instance).
    """

    start: int
    end: int
    values: Mapping[str, Any] = field(default_factory=dict)
    edits: tuple[Edit, ...] | None = None
    fix_message: str | None = None
    applicability: Applicability | None = None
    provenance: Mapping[str, Any] | None = None
    metadata: Mapping[str, Any] | None = None


class CheckKind:
    """Base class for check kinds. Subclasses set ``name`` and ``params_schema`` and implement
    :meth:`check`. ``data`` holds the named tables of every loaded pack (``data:`` in YAML,
    merged across packs so users can extend them). ``__init__`` compiles the params once; it
    raises ``ValueError("params.NAME: ...")`` when one is unusable, and the loader adds the file,
    line and rule."""

    name: ClassVar[str]
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "additionalProperties": False}
    # the corpus passes this kind reads from its context (see corpusmend.passes); () for none
    passes: ClassVar[tuple[str, ...]] = ()
    # The {placeholders} this kind's hits give a rule's messages (None: not declared, so the
    # loader cannot check them); an unknown placeholder in a message is an error at load.
    message_values: ClassVar[frozenset[str] | None] = None

    @property
    def uses_siblings(self) -> bool:
        return "siblings" in self.passes

    def __init__(self, params: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> None:
        self.params = dict(params)
        self.data: Mapping[str, Any] = data or {}

    def data_table(self, param: str) -> list[str]:
        """The list of strings in the pack data table that params[param] names ([] if unset)."""
        if param not in self.params:
            return []
        name = self.params[param]
        table = self.data.get(name)
        if not isinstance(table, list) or not all(isinstance(x, str) for x in table):
            raise ValueError(f"params.{param}: data table {name!r} is missing or not a list")
        return table

    def provided_values(self) -> frozenset[str] | None:
        """The message values this rule's hits give (a kind with params may compute them)."""
        return self.message_values

    def gate(self) -> Gate | None:
        """What can make this rule fire (see :mod:`corpusmend.gates`); None when no gate
        is known, so the rule runs on every text."""
        return None

    def check(self, doc: Document, ctx: DocumentContext) -> Iterable[Hit]:
        """The hits in `doc`; `ctx` holds the views of the passes the kind declared."""
        raise NotImplementedError
