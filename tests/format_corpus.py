"""An invented corpus written as text files, JSONL, JSONL.gz, CSV and Parquet (tests only).

Each article carries artifacts the built-in rules catch: a glued date header (HDR001), a
furniture line (BPL002), mojibake (ENC001), a doubled space (FMT003); one is clean. Texts have
multi-line paragraphs, CRLF line ends, commas and quotes, so CSV quoting is exercised.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

ARTICLES: dict[str, str] = {
    "harbour-reopens": (
        " date 2019-05-02 The harbour at Kelmouth reopened on Monday after a week of gales.\n\n"
        'Crews said the pier, "though battered", held up better than feared.\n'
    ),
    "orchard-frost": (
        "Apple growers in the Tamsin Valley expect a smaller harvest this year.\n"
        "Subscribe to our newsletter for FREE\n"
        "A late frost in April damaged much of the blossom.\n"
    ),
    "cafe-review": (
        "The new cafÃ© on Mill Street serves soup, bread and strong coffee.\n\n"
        "Prices are fair and the staff are friendly.\n"
    ),
    "council-vote": (
        "The council approved the cycle lanes.  Work starts in June.\r\n\r\n"
        "Residents may comment until Friday.\r\n"
    ),
    "library-hours": (
        "The library extends its opening hours from next week.\n\nIt will open on Sundays."
    ),
}


def write_text_dir(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (root / f"{name}.txt").write_bytes(text.encode("utf-8"))
    return root


def jsonl_bytes() -> bytes:
    lines = [
        json.dumps({"id": name, "url": f"https://news.example/{name}", "text": text})
        for name, text in ARTICLES.items()
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_jsonl(path: Path) -> Path:
    path.write_bytes(jsonl_bytes())
    return path


def write_jsonl_gz(path: Path) -> Path:
    with gzip.open(path, "wb") as fh:
        fh.write(jsonl_bytes())
    return path


def write_csv(path: Path, text_column: str = "text") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "url", text_column])
        for name, text in ARTICLES.items():
            writer.writerow([name, f"https://news.example/{name}", text])
    return path


def write_parquet(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(ARTICLES)
    table = pa.table(
        {
            "id": names,
            "url": [f"https://news.example/{n}" for n in names],
            "text": [ARTICLES[n] for n in names],
            "words": [len(ARTICLES[n].split()) for n in names],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    return path
