"""The HTML report at scale: page size and open time in headless Chromium.

    python -m bench.html_report [--docs 10000] [--jobs 2]

1. `--docs` documents: the shared real corpora (../shared/corpora) repeated with new ids (the
   invented corpus when they are absent), as one JSONL file, checked with `--no-siblings`
   (copies of one text are no siblings); the report written with `--format html` and, for
   comparison, `--format json`.
2. article-comparisons alone (680 real pages with real syndicated copies), with siblings, so
   the pages carry side-by-side views.

Each page is opened from disk in headless Chromium (Playwright, /usr/bin/chromium): the time
until the document list is usable, then the time to show the first document, one in the
middle and the last one (each inflated from the embedded data when it is asked for).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpora import SHARED, real_corpora
from bench.corpus import documents

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
SHOWN = """async (k) => {
  const t0 = performance.now();
  location.hash = "#doc/" + k;
  const pane = document.getElementById("doc");
  while (pane.dataset.shown !== String(k)) await new Promise((r) => setTimeout(r, 0));
  return [performance.now() - t0, pane.querySelectorAll(".sbs").length];
}"""


def write_corpus(path: Path, count: int) -> str:
    texts = [t for c in real_corpora([], "text") for t in c.texts]
    origin = f"{len(texts)} real texts repeated" if texts else "the invented corpus"
    texts = texts or documents(500)
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            out.write(json.dumps({"id": f"doc-{k:05d}", "text": texts[k % len(texts)]}) + "\n")
    return origin


def check(inputs: list[str], fmt: str, out: Path, extra: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "corpusmend", "check", *inputs, "--format", fmt, "-o", str(out),
         "--exit-zero", "--no-cache", *extra],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"check failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started


def open_page(page_path: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=list(CHROMIUM_ARGS)
        )
        page = context.new_page()
        started = time.perf_counter()
        page.goto(page_path.as_uri(), timeout=300_000)
        page.wait_for_selector("body[data-ready=true]", timeout=300_000)
        ready = time.perf_counter() - started
        count = page.evaluate("document.querySelectorAll('#list li').length")
        total = page.evaluate("JSON.parse(document.querySelector('[data-count=documents] b')"
                              ".textContent.replace(/,/g, ''))")  # fmt: skip
        timings = {"ready_s": ready, "listed": count}
        for name, k in (("first", 0), ("middle", total // 2), ("last", total - 1)):
            ms, _ = page.evaluate(SHOWN, k)
            timings[f"{name}_ms"] = ms
        timings["heap_mb"] = page.evaluate("performance.memory ? performance.memory"
                                           ".usedJSHeapSize / 1e6 : -1")  # fmt: skip
        context.close()
    return timings


def side_by_side_doc(report_json: Path) -> tuple[int, str] | None:
    """The first document with a SIB finding (shown with a side-by-side view), and its code."""
    data = json.loads(report_json.read_text(encoding="utf-8"))
    for k, doc in enumerate(data["documents"]):
        for f in doc["findings"]:
            if f["code"].startswith("SIB"):
                return k, f["code"]
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is absent: apt-get install -y chromium")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        origin = write_corpus(corpus, args.docs)
        mb = corpus.stat().st_size / 1e6
        print(f"corpus: {args.docs:,} documents, {mb:.1f} MB ({origin})")
        jobs = ["--jobs", str(args.jobs), "--no-siblings"]
        html_s = check([str(corpus)], "html", work / "r.html", jobs)
        json_s = check([str(corpus)], "json", work / "r.json", jobs)
        rows = [("repeated, no siblings", work / "r.html", work / "r.json", html_s, json_s)]
        ac = sorted(str(p) for p in (SHARED / "article-comparisons").glob("*.jsonl"))
        if ac:
            jobs = ["--jobs", str(args.jobs)]
            html_s = check(ac, "html", work / "ac.html", jobs)
            json_s = check(ac, "json", work / "ac.json", jobs)
            rows.append(("article-comparisons, siblings", work / "ac.html", work / "ac.json",
                         html_s, json_s))  # fmt: skip
        print("| run | html MB | json MB | check html / json s | list ready s | "
              "first / middle / last doc ms | JS heap MB |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        for name, html, js, html_s, json_s in rows:
            t = open_page(html)
            print(
                f"| {name} | {html.stat().st_size / 1e6:.2f} | {js.stat().st_size / 1e6:.2f} | "
                f"{html_s:.1f} / {json_s:.1f} | {t['ready_s']:.2f} | {t['first_ms']:.0f} / "
                f"{t['middle_ms']:.0f} / {t['last_ms']:.0f} | {t['heap_mb']:.0f} |"
            )
        if ac:
            found = side_by_side_doc(work / "ac.json")
            if found is not None:
                k, code = found
                print(
                    f"article-comparisons: document {k} ({code}, with a side-by-side view) "
                    f"shown in {_show_once(work / 'ac.html', k):.0f} ms"
                )


def _show_once(page_path: Path, k: int) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=list(CHROMIUM_ARGS)
        )
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready=true]")
        ms, views = page.evaluate(SHOWN, k)
        context.close()
    return ms if views else float("nan")


if __name__ == "__main__":
    main()
