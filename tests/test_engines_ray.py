"""The Ray engine against a real local Ray: the same bytes as the local engine.

One Ray start-up serves the in-process tests (module fixture, 2 CPUs); one more is the CLI's own
(`--engine ray` with no address starts a local Ray, then shuts it down).
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from conftest import run_cli_process  # Ray starts in the subprocess, never in pytest
from corpusmend import Document, Linter
from corpusmend.engines import LocalEngine, Source
from corpusmend.formatters import get_formatter
from corpusmend.readers import ReadOptions
from corpusmend.runner import DocumentResult, RunOptions

ray = pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

pytestmark = pytest.mark.slow

LEAD = [
    "The ferry to the northern islands ran again on Thursday after a week of gales.",
    "Harbour staff cleared the slipway before the first crossing at dawn.",
    "Operators said timetables would return to normal by the weekend.",
    "Passengers queued along the quay with bicycles and crates of vegetables.",
    "The council promised to review the storm warnings used this winter.",
]


def story(rng: random.Random, i: int) -> str:
    paragraphs = [" ".join(rng.sample(LEAD, 3)) for _ in range(rng.randint(2, 4))]
    text = "\n\n".join(paragraphs) + f"\n\nStory number {i} ends here.\n"
    return (f" date 2022-05-{i % 28 + 1:02d} " + text) if i % 4 == 0 else text


def make_corpus(root: Path) -> Path:
    """Text files, JSONL shards (one with a broken line), a JSONL.gz and a Parquet shard."""
    import gzip

    rng = random.Random(11)
    texts = root / "texts"
    texts.mkdir(parents=True)
    for i in range(30):
        (texts / f"story-{i:03d}.txt").write_text(story(rng, i), encoding="utf-8")
    (texts / "noise.txt").write_bytes(b"\x00\x01binary")
    shards = root / "shards"
    shards.mkdir()
    for s in range(3):
        lines = [
            json.dumps({"id": f"s{s}-{i}", "text": story(rng, i), "url": f"https://x.test/{i}"})
            for i in range(25)
        ]
        if s == 1:
            lines.insert(7, '{"id": "broken", "text": ')
        (shards / f"part-{s}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(shards / "part-3.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i in range(10):
            fh.write(json.dumps({"id": f"gz-{i}", "text": story(rng, i + 100)}) + "\n")
    table = pa.table(
        {"id": [f"pq-{i}" for i in range(20)], "text": [story(rng, i + 200) for i in range(20)]}
    )
    pq.write_table(table, shards / "part-4.parquet")
    return root


def as_json(results: list[DocumentResult]) -> str:
    out = io.StringIO()
    formatter = get_formatter("json", out)
    for result in results:
        formatter.handle(result)
    formatter.finish()
    return out.getvalue()


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("ray-corpus"))


def test_ray_map_matches_local_engine(local_ray, corpus: Path) -> None:
    from corpusmend.engines.ray import RayEngine

    source = Source((str(corpus / "texts"), str(corpus / "shards")), ReadOptions())
    linter = Linter()
    for options in (RunOptions(), RunOptions(fix=True)):
        local = list(LocalEngine(jobs=2, batch_docs=8).run(linter, source, options))
        remote = list(RayEngine().run(linter, source, options))
        assert as_json(remote) == as_json(local)
        assert [r.doc.id for r in remote] == [r.doc.id for r in local]
        assert [r.fixed_text for r in remote] == [r.fixed_text for r in local]
    payload = json.loads(as_json(remote))
    assert payload["summary"]["documents"] == 30 + 1 + 75 + 1 + 10 + 20
    assert payload["summary"]["fixed"] > 0
    assert sum("error" in d for d in payload["documents"]) == 2  # binary file, broken line


def test_ray_sibling_groups_match_local_engine(local_ray, tmp_path: Path) -> None:
    from corpusmend.engines.ray import RayEngine
    from corpusmend.passes.build import build_view
    from corpusmend.siblings.index import SiblingIndex

    rng = random.Random(5)
    base = [story(rng, i) * 3 for i in range(4)]
    root = tmp_path / "versions"
    root.mkdir()
    for i, text in enumerate(base):
        paragraphs = text.split("\n\n")
        (root / f"a{i}-full.txt").write_text(text, encoding="utf-8")
        (root / f"a{i}-short.txt").write_text("\n\n".join(paragraphs[:-2]), encoding="utf-8")
        swapped = [paragraphs[1], paragraphs[0], *paragraphs[2:]]
        (root / f"a{i}-moved.txt").write_text("\n\n".join(swapped), encoding="utf-8")
    (root / "lonely.txt").write_text("A short note about nothing else.\n", encoding="utf-8")
    source = Source((str(root),))
    documents = [d for d in source.items() if isinstance(d, Document)]
    view = build_view({"siblings"}, documents, SiblingIndex)
    assert any(view.context(d).siblings for d in documents), "the versions are siblings"
    assert 2 <= len({view.group_of(d) for d in documents}) < len(documents)
    linter = Linter()
    options = RunOptions()
    local = list(LocalEngine(jobs=2, batch_docs=2).run(linter, source, options, view))
    remote = list(RayEngine().run(linter, source, options, view))
    assert as_json(remote) == as_json(local)


def test_ray_counts_the_line_statistics_in_map_tasks_as_the_local_pass_does(
    local_ray, tmp_path: Path
) -> None:
    from furniture_site import write_site

    from corpusmend.engines.ray import RayEngine
    from corpusmend.passes.build import count_index_lines
    from corpusmend.passes.corpus import CorpusInputs, open_view

    site = write_site(tmp_path / "site")
    for i in range(3):  # copies of one story (one group), and records with a source field
        (site / f"copy{i}.txt").write_text((site / "story0.txt").read_text(), encoding="utf-8")
    shards = make_corpus(tmp_path / "more") / "shards"
    paths = (str(site), str(shards))
    source = Source(paths, ReadOptions())
    inputs = CorpusInputs(paths=paths)
    view = open_view(["line-stats"], inputs, count_lines=RayEngine().line_counter(source))
    assert view is not None and view.line_stats is not None
    assert len(view.line_stats) > 0 and view.groups
    assert view.line_stats.to_json() == count_index_lines(view).to_json()


def test_ray_signs_the_sibling_index_in_map_tasks_into_the_local_index(
    local_ray, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from furniture_site import write_site

    import corpusmend.siblings.records as records
    from corpusmend.engines.ray import RayEngine
    from corpusmend.passes.corpus import CorpusInputs, open_view

    site = write_site(tmp_path / "site")
    for i in range(3):  # copies of one story, among text files and record shards
        (site / f"copy{i}.txt").write_text((site / "story0.txt").read_text(), encoding="utf-8")
    shards = make_corpus(tmp_path / "more") / "shards"
    paths = (str(site), str(shards))
    inputs = CorpusInputs(paths=paths)
    local = open_view(["line-stats"], inputs)

    def on_the_driver(*args, **kwargs):
        raise AssertionError("a signature record was computed on the driver")

    monkeypatch.setattr(records, "signature_record", on_the_driver)  # Ray workers keep theirs
    signer = RayEngine().signer(Source(paths, ReadOptions()))
    remote = open_view(["line-stats"], inputs, sign=signer)
    assert local is not None and remote is not None and local.groups
    local.siblings.save(tmp_path / "local.idx")
    remote.siblings.save(tmp_path / "remote.idx")
    assert (tmp_path / "remote.idx").read_bytes() == (tmp_path / "local.idx").read_bytes()
    assert remote.groups == local.groups
    assert remote.line_stats.to_json() == local.line_stats.to_json()
    for doc in local.siblings.documents():
        ours = [(s.id, s.path, s.metadata) for s in remote.context(doc).siblings]
        assert ours == [(s.id, s.path, s.metadata) for s in local.context(doc).siblings]


def test_cli_engine_ray_is_byte_identical_to_jobs_1(corpus: Path) -> None:
    # the subprocess starts (and shuts down) its own local Ray: no address given
    args = [
        "check",
        str(corpus / "shards"),
        str(corpus / "texts"),
        "--format",
        "json",
        "--no-cache",
    ]
    one = run_cli_process(*args, "--jobs", "1")
    ray_run = run_cli_process(*args, "--engine", "ray")
    assert ray_run.returncode == one.returncode == 2, ray_run.stderr[-3000:]
    assert ray_run.stdout == one.stdout
    assert json.loads(one.stdout)["summary"]["findings"] > 0


def test_cli_engine_ray_finds_the_same_furniture_as_jobs_1(tmp_path: Path) -> None:
    from furniture_site import write_site

    site = write_site(tmp_path / "site")
    args = ["check", str(site), "--format", "json", "--no-cache"]
    one = run_cli_process(*args, "--jobs", "1")
    ray_run = run_cli_process(*args, "--engine", "ray")
    assert ray_run.stdout == one.stdout, ray_run.stderr[-3000:]
    codes = [f["code"] for d in json.loads(one.stdout)["documents"] for f in d["findings"]]
    assert codes.count("BPL003") == 6


def test_stdin_is_refused_with_a_clear_error() -> None:
    done = run_cli_process("check", "-", "--engine", "ray", stdin="Some text.\n")
    assert done.returncode == 2
    assert "not stdin" in done.stderr
