"""The slow, plain way: write the corpus to files, run `check --fix --unsafe-fixes` over all of it
through the CLI's own pieces (passes.corpus.open_view, an engine, runner.process), and read
back every document's fixed text. Used to verify that CorpusRun.replaced re-runs exactly the
documents that change."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpusmend.document import Document
from corpusmend.engines import SerialEngine, Source
from corpusmend.evaluation.corpus_runs import FIX
from corpusmend.linter import Linter
from corpusmend.passes.corpus import CorpusInputs, open_view
from corpusmend.readers import ReadOptions


def write_corpus(documents: Sequence[Document], folder: Path) -> list[str]:
    """The documents as JSONL files in `folder`, one per input file (same names, same order of
    files, so the index keys sort as before), each record {id, text}."""
    files: dict[str, list[Document]] = {}
    for doc in documents:
        name = Path(doc.path).name if doc.path else "stdin"
        files.setdefault(name + ".jsonl", []).append(doc)
    paths = []
    for name, docs in files.items():
        path = folder / name
        with path.open("w", encoding="utf-8") as out:
            for doc in docs:
                record = {"id": doc.id, "text": doc.text}
                out.write(json.dumps(record, ensure_ascii=True) + "\n")
        paths.append(str(path))
    return paths


def full_run(
    linter: Linter,
    documents: Sequence[Document],
    inputs: CorpusInputs | None,
) -> list[str]:
    """Every document's text after `check --fix --unsafe-fixes` over the whole corpus, with the
    siblings `inputs` asks for (their paths replaced by the corpus; None: no siblings)."""
    with tempfile.TemporaryDirectory(prefix="corpusmend-eval-") as tmp:
        paths = write_corpus(documents, Path(tmp))
        options = ReadOptions(text_field="text", id_field="id")
        view = None
        if inputs is not None:
            on_disk = dataclasses.replace(inputs, paths=tuple(paths))
            view = open_view(("siblings",), on_disk, read_options=options)
        results = SerialEngine().run(linter, Source(tuple(paths), options), FIX, view)
        fixed = [r.fixed_text if r.fixed_text is not None else r.doc.text for r in results]
    if len(fixed) != len(documents):
        raise RuntimeError(f"full run read {len(fixed)} documents, not {len(documents)}")
    return fixed
