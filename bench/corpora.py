"""The texts the benchmark runs on: real news where it is at hand, and the invented corpus.

Real corpora come from `../shared/corpora/` beside the checkout (when present) and from
`--corpus PATH`, read by corpusmend's own readers, so any input format it checks works here.
The invented corpus (`bench.corpus`) is always there; it is a smoke test, not evidence.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import documents
from corpusmend.evaluation.corruptions import mojibake
from corpusmend.readers import ReadProblem, read_documents
from corpusmend.readers.base import ReadOptions

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
# (name, path under SHARED, text field); article-comparisons also has the same articles as CSV
SHARED_CORPORA = (
    ("article-comparisons", "article-comparisons/*.jsonl", "text"),
    ("fakenewsnet", "fakenewsnet/fakenewsnet-v1.jsonl", "text"),
    ("fakenewscorpus", "fakenewscorpus/news_sample.csv", "content"),
)


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: list[str]
    real: bool


def read_texts(path: str | Path, text_field: str = "text", limit: int | None = None) -> list[str]:
    options = ReadOptions(text_field=text_field, include=("*.jsonl", "*.csv", "*.txt"))
    out: list[str] = []
    for item in read_documents([str(path)], options):
        if isinstance(item, ReadProblem) or not item.text.strip():
            continue
        out.append(item.text)
        if limit is not None and len(out) >= limit:
            break
    return out


def real_corpora(
    extra: list[str], text_field: str, limit: int | None = None, shared: bool = True
) -> list[Corpus]:
    """The shared real corpora that exist, then each `--corpus` path."""
    found = []
    for name, rel, field in SHARED_CORPORA if shared else ():
        texts = [t for path in sorted(SHARED.glob(rel)) for t in read_texts(path, field, limit)]
        if texts:
            found.append(Corpus(name, texts[:limit] if limit else texts, real=True))
    for path in extra:
        found.append(Corpus(Path(path).name, read_texts(path, text_field, limit), real=True))
    return [c for c in found if c.texts]


def invented(n: int, seed: int = 1) -> Corpus:
    return Corpus("invented", documents(n, seed=seed), real=False)


def with_mojibake(texts: list[str], every: int = 10, seed: int = 0) -> list[str]:
    """One document in `every` made mojibake (UTF-8 read as another code page)."""
    out = list(texts)
    for i in range(0, len(out), every):
        c = mojibake(out[i], random.Random(f"{seed}:{i}"))
        if c is not None:
            out[i] = c.text
    return out


def write_repeated(texts: list[str], folder: Path, n: int) -> Path:
    """`n` text files cycling through `texts` (each copy a new file: a corpus of size n)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:06d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder
