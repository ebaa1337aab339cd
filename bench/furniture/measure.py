"""Measure the recurring-lines rule (BPL003) on real corpora against labelled lines.

    python -m bench.furniture.measure                 # the shared corpora, when present
    python -m bench.furniture.measure --top 20        # and list the most frequent lines found

`labels.tsv` beside this script holds one row per labelled line: the corpus, the line's key (the
hash the line-statistics pass uses; the text itself stays in the corpora), the label (furniture,
metadata, content, debris, by the rules in LABELLING.md), and how many documents and reference
stories (exhaustive 5-word shingle containment >= 0.5) it occurs in. The script builds
the corpus passes exactly as `corpusmend check` does, runs the rule, and reports per corpus:
recall on furniture lines (a line counts as found when the rule reports it in some document),
the labelled lines it reports that are not furniture, and the lines it reports that nobody
labelled (to be read and labelled).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.corpora import SHARED
from corpusmend.document import Document
from corpusmend.linter import Linter
from corpusmend.passes.build import build_view
from corpusmend.passes.lines import counted_lines
from corpusmend.readers import ReadProblem, read_documents
from corpusmend.readers.base import ReadOptions

HERE = Path(__file__).resolve().parent
# corpus label -> (paths, text field, source field)
CORPORA = {
    "ac": (["article-comparisons/*.jsonl"], "text", "publisher"),
    "fnn": (["fakenewsnet/fakenewsnet-v1.jsonl"], "text", "url"),
    "fnc": (["fakenewscorpus/news_sample.csv"], "content", "domain"),
}


@dataclass(frozen=True)
class Found:
    key: str
    text: str
    code: str
    applicability: str


def read_labels(path: Path) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], int]]:
    """Labels, and the number of reference stories (groups) each labelled line occurs in."""
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    labels = {(r["corpus"], r["key"]): r["label"] for r in rows}
    return labels, {(r["corpus"], r["key"]): int(r["groups"]) for r in rows}


def documents(corpus: str) -> Iterator[Document]:
    paths, text_field, _ = CORPORA[corpus]
    options = ReadOptions(text_field=text_field, include=("*.jsonl", "*.csv"))
    files = [str(f) for p in paths for f in sorted(SHARED.glob(p))]
    for item in read_documents(files, options):
        if not isinstance(item, ReadProblem):
            yield item


def source_of(corpus: str) -> Callable[[Document], str | None]:
    field = CORPORA[corpus][2]
    from corpusmend.passes.sources import source_value

    return lambda doc: None if field is None else source_value(doc.metadata.get(field))


def run(corpus: str) -> tuple[dict[str, Found], Counter[str], int, dict[str, str]]:
    """Check the corpus with the boilerplate rules as `check` would (the corpus passes built
    over it); return each line reported (by BPL003, or by BPL001/BPL002 on a whole line)."""
    from corpusmend.siblings.index import SiblingIndex

    linter = Linter(select=["BPL"])
    docs = list(documents(corpus))
    sources = source_of(corpus)
    view = build_view(linter.passes, docs, SiblingIndex, sources)
    found: dict[str, Found] = {}
    per_key: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for doc in docs:
        lines = {(x.start, x.end): x.key for x in counted_lines(doc.text)}
        for (start, end), key in lines.items():
            texts.setdefault(key, doc.text[start:end])
        for f in linter.check_document(doc, view.context(doc)):
            key = lines.get((f.start, f.end))
            if key is None:
                continue
            per_key[key] += 1
            applicability = f.fix.applicability if f.fix else "none"
            found.setdefault(key, Found(key, doc.text[f.start : f.end], f.code, applicability))
    return found, per_key, len(docs), texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.furniture.measure")
    parser.add_argument("--top", type=int, default=20, help="list the N most frequent finds")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"no real corpora at {SHARED}: nothing to measure")
        return 0
    labels, groups = read_labels(HERE / "labels.tsv")
    for corpus in args.corpus or list(CORPORA):
        found, per_key, n, texts = run(corpus)
        mine = {k: v for (c, k), v in labels.items() if c == corpus}
        furniture = {k for k, v in mine.items() if v == "furniture"}
        hit = furniture & set(found)
        wrong = defaultdict(list)
        for key in found:
            label = mine.get(key)
            if label in ("content", "metadata"):
                wrong[label].append(key)
        unlabelled = [k for k in found if k not in mine]
        recall = len(hit) / len(furniture) if furniture else float("nan")
        wide = {k for k in furniture if groups[(corpus, k)] >= 3}
        wide_recall = len(wide & set(found)) / len(wide) if wide else float("nan")
        print(f"== {corpus}: {n} documents; {len(found)} distinct lines reported")
        print(f"  recall on labelled furniture: {len(hit)}/{len(furniture)} = {recall:.3f}")
        print(
            f"  recall on furniture in 3+ stories: {len(wide & set(found))}/{len(wide)}"
            f" = {wide_recall:.3f}"
        )
        for label in ("content", "metadata"):
            print(f"  reported but labelled {label}: {len(wrong[label])}")
            for key in wrong[label]:
                print(f"    {per_key[key]:>4} docs  {found[key].text[:90]!r}")
        print(f"  reported, not labelled: {len(unlabelled)}")
        for key in unlabelled[:10]:
            print(f"    {per_key[key]:>4} docs  {found[key].text[:90]!r}")
        apps = Counter((found[k].code, found[k].applicability) for k in found)
        print(f"  reported lines by rule and fix: {dict(sorted(apps.items()))}")
        safe = [k for k in found if found[k].applicability == "safe"]
        safe_wrong = [k for k in safe if mine.get(k) in ("content", "metadata")]
        print(f"  safe fixes on lines labelled content or metadata: {len(safe_wrong)}/{len(safe)}")
        print(f"  the {args.top} most frequent lines reported:")
        for key, count in per_key.most_common(args.top):
            print(f"    {count:>4} docs  [{mine.get(key, '?')}] {found[key].text[:90]!r}")
        missed = sorted(wide - set(found), key=lambda k: (-groups[(corpus, k)], k))
        print(f"  furniture in 3+ stories missed: {len(missed)}")
        for key in missed:
            print(f"    {groups[(corpus, key)]:>4} stories  {texts.get(key, '?')[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
