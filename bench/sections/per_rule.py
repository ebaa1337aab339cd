"""Each single-document rule alone (with the segmentation it builds), in ms per MB of the corpus."""

from __future__ import annotations

from typing import Any

from bench.corpora import Corpus, with_mojibake
from bench.measure import best_time, mb
from corpusmend import Linter
from corpusmend.document import Document


def run(linter: Linter, corpus: Corpus, repeats: int) -> dict[str, Any]:
    garbled = with_mojibake(corpus.texts, seed=2)
    texts = corpus.texts + [g for g, c in zip(garbled, corpus.texts, strict=True) if g != c]
    size = mb(texts)
    rows = []
    for rule in linter.rules:
        if rule.kind.uses_siblings:
            continue
        single = Linter.from_rules([rule], linter.all_rules)
        seconds = best_time(lambda s=single: [s.check(Document(t)) for t in texts], repeats)
        rows.append({"code": rule.code, "kind": rule.kind_name, "seconds": seconds})

    def segment() -> None:
        for t in texts:
            doc = Document(t)
            doc.paragraphs, doc.sentences, doc.quotations  # noqa: B018

    rows.append(
        {"code": "(shared)", "kind": "segmentation alone", "seconds": best_time(segment, repeats)}
    )
    total = sum(r["seconds"] for r in rows) or 1.0
    for r in rows:
        r["ms_per_mb"] = 1000 * r["seconds"] / size
        r["share"] = r["seconds"] / total
    rows.sort(key=lambda r: -r["seconds"])
    return {"corpus": corpus.name, "documents": len(texts), "mb": round(size, 3), "rules": rows}
