"""The sibling index keeps texts apart (compressed, in its file), its format version, and the
signature records workers compute (the same index whatever process made them)."""

from __future__ import annotations

import gzip
import json
import pickle
import shutil

import numpy as np
import pytest
from siblings_texts import FERRY, LIBRARY, article, five_docs

from conftest import run_cli
from corpusmend import Document
from corpusmend.errors import CorpusmendError
from corpusmend.passes.index_inputs import staleness
from corpusmend.siblings import SiblingIndex, SiblingOptions, index_file
from corpusmend.siblings.index import signature_record
from corpusmend.siblings.index_file import VERSION
from corpusmend.siblings.parallel import signature_records
from corpusmend.siblings.shingles import shingle_hashes
from corpusmend.siblings.signatures import minhash


def _found(index: SiblingIndex, doc: Document) -> list[tuple[str, str]]:
    return [(m.document.id, m.document.text) for m in index.query(doc)]


def _write_corpus(folder):
    folder.mkdir()
    for doc in five_docs():
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    return folder


def test_a_loaded_index_gives_sibling_texts_from_its_own_file_after_the_inputs_moved(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    index_path = tmp_path / "corpus.idx"
    built = run_cli("index", str(corpus), "-o", str(index_path))
    assert built.returncode == 0, built.stderr
    shutil.move(corpus, tmp_path / "elsewhere")
    loaded = SiblingIndex.load(index_path)
    texts = {d.id: d.text for d in five_docs()}
    full = Document(texts["full"], id=str(corpus / "full.txt"), path=str(corpus / "full.txt"))
    found = _found(loaded, full)
    assert sorted(path.rsplit("/", 1)[1] for path, _ in found) == [
        "excerpt.txt",
        "reworded.txt",
        "truncated.txt",
    ]
    for path, text in found:
        assert text == texts[path.rsplit("/", 1)[1].removesuffix(".txt")]
    assert sorted(d.text for d in loaded.documents()) == sorted(texts.values())


def test_an_input_edited_after_indexing_is_stale_but_the_index_keeps_the_indexed_text(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    index_path = tmp_path / "corpus.idx"
    assert run_cli("index", str(corpus), "-o", str(index_path)).returncode == 0
    (corpus / "truncated.txt").write_text("Something else entirely, written later.\n")
    loaded = SiblingIndex.load(index_path)
    assert staleness(loaded.inputs, []).changed == [str(corpus / "truncated.txt")]
    full = five_docs()[0]
    full = Document(full.text, id=str(corpus / "full.txt"), path=str(corpus / "full.txt"))
    truncated = [m for m in loaded.query(full) if m.document.id.endswith("truncated.txt")]
    assert [m.document.text for m in truncated] == [article(*LIBRARY[:4])]


def test_a_tampered_text_in_the_index_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "corpus.idx"
    SiblingIndex.build(five_docs()).save(path)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # inside the last compressed text
    path.write_bytes(bytes(data))
    loaded = SiblingIndex.load(path)
    with pytest.raises(CorpusmendError, match=r"corpus\.idx: .*sibling text at byte \d+"):
        list(loaded.documents())


def test_the_file_has_format_version_4_and_version_2_files_still_load(tmp_path):
    path = tmp_path / "new.idx"
    SiblingIndex.build(five_docs()).save(path)
    assert VERSION == 4
    assert path.read_bytes().startswith(b"corpusmend-sibling-index\n")
    header_length = int.from_bytes(path.read_bytes()[25:33], "little")
    header = json.loads(path.read_bytes()[33 : 33 + header_length])
    assert (header["format"], header["version"], header["count"]) == (
        "corpusmend-sibling-index",
        4,
        5,
    )
    # a version 2 file: gzip JSON lines with full texts (no signatures needed to read it)
    old = [json.dumps({"format": "corpusmend-sibling-index", "version": 2, "options": {}})]
    old += [
        json.dumps({"key": d.id, "id": d.id, "path": None, "text": d.text}) for d in five_docs()
    ]
    (tmp_path / "old.idx").write_bytes(gzip.compress("\n".join(old).encode() + b"\n"))
    legacy = SiblingIndex.load(tmp_path / "old.idx")
    fresh = SiblingIndex.load(path)
    for doc in five_docs():
        assert _found(legacy, doc) == _found(fresh, doc)
    # a version this corpusmend does not know: a clear error, not a guess
    future = [json.dumps({"format": "corpusmend-sibling-index", "version": 9})]
    (tmp_path / "future.idx").write_bytes(gzip.compress("\n".join(future).encode()))
    with pytest.raises(CorpusmendError, match=r"future\.idx:1: not a corpusmend sibling index"):
        SiblingIndex.load(tmp_path / "future.idx")


def test_a_version_3_file_is_signed_again_from_its_texts(tmp_path):
    """Version 3 hashed words another way: its signatures and postings are not this version's,
    so a loaded version 3 file is signed again from the texts it holds."""
    path = tmp_path / "v3.idx"
    SiblingIndex.build(five_docs()).save(path)
    header, _, _ = index_file.read(path)
    data = bytearray(path.read_bytes())
    version_at = data.index(b'"version": 4')
    data[version_at : version_at + 12] = b'"version": 3'
    start = 33 + int.from_bytes(data[25:33], "little")
    _, _, offset, nbytes = header["arrays"]["signatures"]
    data[start + offset : start + offset + nbytes] = bytes(nbytes)  # not this version's values
    path.write_bytes(bytes(data))
    loaded = SiblingIndex.load(path)
    fresh = SiblingIndex.build(five_docs())
    assert list(loaded.keys()) == list(fresh.keys())
    assert np.array_equal(loaded._signatures.view, fresh._signatures.view)
    for doc in five_docs():
        assert _found(loaded, doc) == _found(fresh, doc)
    loaded.save(tmp_path / "again.idx")  # saved again: the current version
    fresh.save(tmp_path / "fresh.idx")
    assert (tmp_path / "again.idx").read_bytes() == (tmp_path / "fresh.idx").read_bytes()


def test_records_made_in_other_processes_build_the_same_index_as_adding_documents(tmp_path):
    docs = five_docs()
    by_documents = SiblingIndex.build(docs)
    by_records = SiblingIndex()
    for doc in docs:  # a record crosses processes as a pickle
        by_records.add_record(pickle.loads(pickle.dumps(signature_record(doc, by_records.options))))
    pooled = SiblingIndex()
    for record in signature_records(docs * 30, pooled.options, jobs=2):
        pooled.add_record(record)
    for doc in docs:
        assert _found(by_records, doc) == _found(by_documents, doc) == _found(pooled, doc)
    by_documents.save(tmp_path / "a.idx")
    by_records.save(tmp_path / "b.idx")
    assert (tmp_path / "a.idx").read_bytes() == (tmp_path / "b.idx").read_bytes()
    other = SiblingOptions(num_perm=32, bands=16)
    with pytest.raises(ValueError, match="signature record computed with"):
        SiblingIndex(other).add_record(signature_record(docs[0], SiblingOptions()))


def test_index_files_are_byte_identical_whatever_the_jobs(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    for jobs in ("1", "2"):
        done = run_cli("index", str(corpus), "-o", str(tmp_path / f"{jobs}.idx"), "--jobs", jobs)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "1.idx").read_bytes() == (tmp_path / "2.idx").read_bytes()


def test_queries_between_additions_match_a_corpus_built_first():
    docs = five_docs() * 1 + [Document(article(*LIBRARY[1:5]), id=f"part{i}") for i in range(30)]
    built = SiblingIndex.build(docs)
    growing = SiblingIndex()
    for doc in docs:
        growing.add(doc)
        growing.query(doc)  # settles its tables between additions
    growing.add(Document(article(*FERRY), id="truncated"))  # a replacement, then queries
    built.add(Document(article(*FERRY), id="truncated"))
    for doc in docs:
        assert _found(growing, doc) == _found(built, doc)
    assert growing.groups() == built.groups()


def test_a_record_document_comes_back_with_its_metadata_and_source(tmp_path):
    lines = [json.dumps({"id": d.id, "text": d.text, "site": "x.example"}) for d in five_docs()]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    from corpusmend.readers import read_documents

    docs = list(read_documents([str(tmp_path / "c.jsonl")]))
    index = SiblingIndex.build(docs)
    (match, *_) = index.query(docs[0])
    original = next(d for d in docs if d.id == match.document.id)
    assert match.document.metadata == original.metadata
    assert match.document.metadata["site"] == "x.example"
    assert match.document.source == original.source


def test_the_minhash_is_datasketchs_affine32_minhash():
    datasketch = pytest.importorskip("datasketch")
    options = SiblingOptions()
    for doc in [*five_docs(), Document("", id="empty"), Document("one two", id="short")]:
        shingles = shingle_hashes(doc.text, options.shingle_size)
        theirs = datasketch.MinHash(
            num_perm=options.num_perm, seed=options.seed, hashfunc=int, scheme="affine32"
        )
        theirs.update_batch(shingles.tolist())
        assert np.array_equal(minhash(shingles, options), theirs.hashvalues)


def test_slot_tables_across_chunks_and_runs_match_a_plain_multimap(monkeypatch):
    from corpusmend.siblings import tables

    monkeypatch.setattr(tables, "CHUNK", 5)  # many chunks, and keys split across them
    rng = np.random.default_rng(1)
    for dtype in (np.uint32, np.uint64):
        table = tables.SlotTable(dtype)
        plain: dict[int, list[int]] = {}
        for slot in range(60):
            keys = np.unique(rng.integers(0, 40, rng.integers(0, 12)).astype(dtype))
            table.add(keys, slot)
            for k in keys.tolist():
                plain.setdefault(k, []).append(slot)
            if slot % 7 == 0:  # lookups between additions: a small run beside the base
                probe = np.arange(40, dtype=dtype)
                counts, slots = table.lookup(probe)
                assert counts.tolist() == [len(plain.get(k, [])) for k in range(40)]
                assert slots.tolist() == [s for k in range(40) for s in plain.get(k, [])]


def test_band_keys_of_one_signature_are_its_row_of_the_batchs():
    from corpusmend.siblings.signatures import band_keys

    for options in (SiblingOptions(), SiblingOptions(num_perm=48, bands=16, rows=3)):
        sigs = np.stack([minhash(shingle_hashes(d.text), options) for d in five_docs()])
        batch = band_keys(sigs, options)
        assert batch.shape == (len(sigs), options.bands)
        for sig, row in zip(sigs, batch, strict=True):
            assert np.array_equal(band_keys(sig, options), row)
