"""The local parallel engine: same bytes as one job, input order kept, Ctrl-C stops cleanly."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from multiprocessing.pool import Pool
from pathlib import Path

import pytest

from conftest import corpusmend_exe, run_cli
from corpusmend import Document, Linter
from corpusmend.engines import LocalEngine, SerialEngine, Source
from corpusmend.runner import RunOptions

WORDS = [
    *("harbour", "council", "river", "market", "bridge", "storm", "vote", "mayor", "farmers"),
    *("orchard", "school", "train", "road", "budget", "festival", "ferry", "island", "museum"),
]

SLOW_PACK = """\
pack: engine-test
description: Invented rule for the engine tests; sentence scope makes it do real work.
rules:
  - code: BPL990
    name: repeated-word
    kind: pattern
    severity: warning
    message: "repeated word: '{match}'"
    description: A word written twice in a row.
    params:
      scope: sentence
      pattern: '\\b(\\w+) \\1\\b'
      flags: [IGNORECASE]
    tests:
      - text: "The the harbour reopened."
        expect: [BPL990]
      - text: "The harbour reopened."
        expect: none
"""


def invented_text(rng: random.Random, i: int, paragraphs: int) -> str:
    paras = []
    for _ in range(paragraphs):
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize() + "."
            for _ in range(rng.randint(2, 4))
        ]
        paras.append(" ".join(sentences))
    text = "\n\n".join(paras) + "\n"
    if i % 3 == 0:
        text = f" date 2021-03-{i % 28 + 1:02d} " + text
    return text


def make_corpus(root: Path, count: int, paragraphs: int = 3, seed: int = 7) -> dict[Path, str]:
    rng = random.Random(seed)
    texts = {}
    for i in range(count):
        sub = root / f"part{i % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"story-{i:05d}.txt"
        text = invented_text(rng, i, paragraphs)
        path.write_text(text, encoding="utf-8")
        texts[path] = text
    (root / "part1" / "broken.txt").write_bytes(b"binary\x00data")  # a read problem mid-stream
    return texts


def test_jobs_2_json_is_byte_identical_to_jobs_1(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    common = ["check", str(corpus), "--rules", str(pack), "--format", "json", "--no-cache"]
    one = run_cli(*common, "--jobs", "1")
    two = run_cli(*common, "--jobs", "2")
    assert one.returncode == two.returncode == 2  # findings, and the binary file's read error
    assert one.stdout == two.stdout
    payload = json.loads(two.stdout)
    paths = [d["path"] for d in payload["documents"]]
    assert len(paths) == 301
    assert paths == sorted(paths)  # input order (directory walk order), not completion order
    assert payload["summary"]["by_code"]["HDR001"] == 100
    assert payload["summary"]["by_code"]["BPL990"] > 100
    assert next(d for d in payload["documents"] if "error" in d)["path"].endswith("broken.txt")


def test_jobs_2_fix_writes_the_same_files_as_jobs_1(tmp_path: Path) -> None:
    make_corpus(tmp_path / "a", 200)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    fix = ["check", "--fix", "--format", "json", "--no-cache"]
    one = run_cli(*fix, "--jobs", "1", str(tmp_path / "a"))
    two = run_cli(*fix, "--jobs", "2", str(tmp_path / "b"))
    assert one.stdout.replace(str(tmp_path / "a"), "X") == two.stdout.replace(
        str(tmp_path / "b"), "X"
    )
    assert json.loads(two.stdout)["summary"]["fixed"] >= 67
    for path in sorted((tmp_path / "a").rglob("*.txt")):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes(), path.name
    assert not (tmp_path / "b" / "part0" / "story-00000.txt").read_text().startswith(" date")


def test_engine_keeps_input_order_across_many_small_batches(tmp_path: Path) -> None:
    texts = make_corpus(tmp_path / "c", 40)
    source = Source((str(tmp_path / "c"),))
    linter = Linter()
    options = RunOptions()
    serial = list(SerialEngine().run(linter, source, options))
    parallel = list(LocalEngine(jobs=2, batch_docs=3).run(linter, source, options))
    assert [r.doc.id for r in parallel] == [r.doc.id for r in serial]
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert [r.problem for r in parallel] == [r.problem for r in serial]
    assert sum(bool(r.findings) for r in parallel) == 14
    # the main process's own documents come back attached, text and all
    by_id = {r.doc.id: r.doc for r in parallel}
    some = min(texts)
    assert by_id[str(some)].text == texts[some]


def test_a_group_of_copies_travels_to_a_worker_once(tmp_path: Path) -> None:
    import pickle

    from corpusmend.engines.local import group_units, unit_work
    from corpusmend.passes.build import build_view
    from corpusmend.siblings.index import SiblingIndex

    story = "\n\n".join(
        f"Paragraph {p} of the story about the harbour wall, the storm and the repairs that"
        f" the council promised the fishermen of the north quay on day {p}."
        for p in range(12)
    )
    others = [f"An unrelated note number {i} about the weather and the tides." for i in range(5)]
    # copies of one story interleaved with unrelated documents, as a crawl finds them
    docs = []
    for i in range(20):
        docs.append(Document(f"Edition {i}\n\n{story}\n", id=f"copy{i}"))
        if i % 4 == 0:
            docs.append(Document(others[i // 4], id=f"note{i}"))
    view = build_view({"siblings"}, docs, SiblingIndex)
    assert all(len(view.context(d).siblings) == 8 for d in docs if d.id.startswith("copy"))
    units = group_units(list(enumerate(docs)), view, max_docs=64, max_chars=1 << 20)
    first = [docs[p].id for p in units[0]]
    assert first[:20] == [f"copy{i}" for i in range(20)]  # the group together, in input order
    batch = pickle.dumps(unit_work([docs[p] for p in units[0]], view))
    texts = sum(len(d.text.encode()) for d in docs)
    assert len(batch) < 1.5 * texts  # each text once, not once per document that reads it


def test_local_engine_gives_each_document_its_context_in_input_order(tmp_path: Path) -> None:
    from corpusmend.passes.build import build_view
    from corpusmend.siblings.index import SiblingIndex

    texts = make_corpus(tmp_path / "c", 24, paragraphs=5)
    for path, text in list(texts.items())[:12]:  # a shorter copy of half of them
        (path.parent / f"copy-{path.name}").write_text(text[: len(text) * 2 // 3], "utf-8")
    source = Source((str(tmp_path / "c"),))
    docs = [d for d in source.items() if isinstance(d, Document)]
    view = build_view({"siblings"}, docs, SiblingIndex)
    assert view.groups, "the copies and their stories are grouped"
    serial = list(SerialEngine().run(Linter(), source, RunOptions(), view))
    pooled = list(LocalEngine(jobs=2, batch_docs=4).run(Linter(), source, RunOptions(), view))
    assert [r.doc.id for r in pooled] == [r.doc.id for r in serial]
    assert [r.findings for r in pooled] == [r.findings for r in serial]
    assert any(f.code.startswith("SIB") for r in serial for f in r.findings)


def test_progress_goes_to_stderr_and_never_into_json(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 150)
    shown = run_cli("check", str(tmp_path / "c"), "--format", "json", "--progress", "--no-cache")
    assert json.loads(shown.stdout)["summary"]["documents"] == 151
    assert "151 documents" in shown.stderr and "docs/s" in shown.stderr
    hidden = run_cli("check", str(tmp_path / "c"), "--format", "json")  # stderr is a pipe
    assert "docs/s" not in hidden.stderr


def _sigint_as_a_terminal_gives_it() -> None:
    """The child starts with Ctrl-C's default disposition, unblocked, as from a shell: a test
    run may have left SIGINT ignored or blocked in this process, and a child inherits both."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def test_ctrl_c_stops_promptly_with_130_and_leaves_files_whole(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    originals = make_corpus(
        tmp_path / "corpus", 4000, paragraphs=12
    )  # runs for seconds: Ctrl-C lands mid-run
    linter = Linter(rules=[pack])
    args = ["check", "--fix", "--jobs", "2", "--progress", "--no-cache", "--rules", str(pack)]
    proc = subprocess.Popen(
        [*corpusmend_exe(), *args, str(tmp_path / "corpus")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_sigint_as_a_terminal_gives_it,
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # forced progress on a pipe: one line per update
        if " documents," in line and not line.startswith("corpusmend: 0 documents"):
            break
    assert proc.poll() is None, "the run finished before the interrupt; make the corpus larger"
    os.kill(proc.pid, signal.SIGINT)
    started = time.monotonic()
    rest = proc.stderr.read()
    code = proc.wait(timeout=30)
    assert code == 130, rest
    assert time.monotonic() - started < 10
    assert "interrupted" in rest and "Traceback" not in rest
    states = {"original": 0, "fixed": 0}
    for path, text in originals.items():
        now = path.read_text(encoding="utf-8")
        fixed = now != text
        assert not fixed or now == linter.fix(text).text, f"{path.name} is half-written"
        states["fixed" if fixed else "original"] += 1
    assert states["original"] > 0
    leftovers = [p.name for p in (tmp_path / "corpus").rglob("*") if p.name.startswith(".")]
    assert leftovers == []
    assert _children_of(proc.pid) == []


def _children_of(pid: int) -> list[int]:
    """Processes whose parent is pid (the pool's workers must be gone)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def docs_of(source: Source) -> list[Document]:
    return [d for d in source.items() if isinstance(d, Document)]


def _with_copies(root: Path) -> Path:
    texts = make_corpus(root, 60, paragraphs=5)  # 90 documents: two batches to sign
    for path, text in list(texts.items())[:30]:  # a shorter copy of half of them
        (path.parent / f"copy-{path.name}").write_text(text[: len(text) * 2 // 3], "utf-8")
    return root


def test_the_pool_signs_the_sibling_index_into_the_same_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpusmend.siblings.parallel as parallel
    from corpusmend.passes.corpus import CorpusInputs, open_view

    pools = []

    def counted_pool(*args, **kwargs):
        pools.append(args)
        return Pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "Pool", counted_pool)

    root = str(_with_copies(tmp_path / "c"))
    source = Source((root,))
    assert LocalEngine(jobs=1).signer(source) is None  # one job: signed in this process
    signed: list[int] = []
    pool_signer = LocalEngine(jobs=2).signer(source)
    assert pool_signer is not None

    def sign(documents, options):
        for record in pool_signer(documents, options):
            signed.append(1)
            yield record

    inputs = CorpusInputs(paths=(root,))
    here = open_view(["line-stats"], inputs)
    pooled = open_view(["line-stats"], inputs, sign=sign)
    assert here is not None and pooled is not None and here.groups
    assert len(signed) == len(pooled.siblings) == 90 and len(pools) == 1
    few = list(pool_signer(docs_of(source)[:10], pooled.siblings.options))
    assert len(few) == 10 and len(pools) == 1  # one batch or less: no pool to start
    assert pooled.groups == here.groups
    assert pooled.line_stats.to_json() == here.line_stats.to_json()
    docs = list(here.siblings.documents())
    assert [d.id for d in pooled.siblings.documents()] == [d.id for d in docs]
    for doc in docs:
        siblings = [(s.id, s.text, s.metadata) for s in pooled.context(doc).siblings]
        assert siblings == [(s.id, s.text, s.metadata) for s in here.context(doc).siblings]


def test_check_with_siblings_is_byte_identical_whatever_the_jobs(tmp_path: Path) -> None:
    root = str(_with_copies(tmp_path / "c"))
    common = ["check", root, "--format", "json", "--no-cache"]
    one = run_cli(*common, "--jobs", "1")
    two = run_cli(*common, "--jobs", "2")
    assert one.returncode == two.returncode == 2, two.stderr[-2000:]  # broken.txt
    assert one.stdout == two.stdout
    assert any(
        f["code"].startswith("SIB")
        for d in json.loads(one.stdout)["documents"]
        for f in d.get("findings", [])
    )


def test_the_pool_runs_with_the_main_process_heap_frozen(tmp_path: Path) -> None:
    """Objects made before the fork are left to no collector while the workers run (their
    pages stay shared), and given back to it after."""
    import gc

    make_corpus(tmp_path / "c", 20)
    source = Source((str(tmp_path / "c"),))
    frozen = []
    for _ in LocalEngine(jobs=2, batch_docs=4).run(Linter(), source, RunOptions()):
        frozen.append(gc.get_freeze_count())
    assert len(frozen) == 21 and min(frozen) > 1000
    assert gc.get_freeze_count() == 0
