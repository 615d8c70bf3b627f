"""The on-disk embedding cache: re-briefs never re-embed, concurrent writers are safe, no torch when warm."""

import json
import multiprocessing
import os
import subprocess
import sys
from typing import ClassVar

import numpy as np
import pytest
from click.testing import CliRunner

from summarize.cli.brief import shipped_questions
from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.embedding.base import MODEL_NAME
from summarize.embedding.cache import CachedEmbedder, EmbeddingCache, with_cache
from summarize.inputs.documents import sample_documents
from summarize.pipeline import split_documents
from summarize.text.sentences import PunktSplitter
from tests.fakes import HashingEmbedder


def test_each_distinct_text_is_embedded_once_and_comes_back_bit_for_bit(tmp_path):
    inner = HashingEmbedder()
    first = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    vectors = first.embed(["a storm hit", "the mayor spoke", "a storm hit"])
    assert inner.calls == [["a storm hit", "the mayor spoke"]]
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path))  # a new run on the same folder
    cached = again.embed(["the mayor spoke", "a storm hit", "new words here"])
    assert inner.calls[1:] == [["new words here"]]
    assert again.hits == 2 and again.misses == 1
    assert cached.dtype == np.float32
    assert np.array_equal(cached[0], vectors[1]) and np.array_equal(cached[1], vectors[0])
    assert np.array_equal(cached[2], HashingEmbedder().embed(["new words here"])[0])


def test_models_do_not_share_vectors(tmp_path):
    cache = EmbeddingCache(tmp_path)
    small, large = HashingEmbedder(8), HashingEmbedder(16)
    small.name, large.name = "small", "large"
    CachedEmbedder(small, cache).embed(["same text"])
    assert CachedEmbedder(large, cache).embed(["same text"]).shape == (1, 16)
    assert large.calls == [["same text"]]
    assert cache.info().vectors == {"large": 1, "small": 1}


def test_info_and_clear(tmp_path):
    cache = EmbeddingCache(tmp_path / "nested")
    assert not cache.info().exists and cache.clear() == 0
    CachedEmbedder(HashingEmbedder(), cache).embed(["one", "two", "three"])
    info = cache.info()
    assert info.exists and info.total == 3 and info.size_bytes > 0
    assert cache.clear() == 3 and cache.info().total == 0


def _writer(directory, start, results):
    texts = [f"sentence number {n}" for n in range(start, start + 400)]
    embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(directory))
    for chunk in range(0, len(texts), 20):  # many small transactions, interleaved with the other writer
        embedder.embed(texts[chunk : chunk + 20])
    results.put((start, embedder.error))


def test_two_processes_can_write_at_once(tmp_path):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    writers = [context.Process(target=_writer, args=(tmp_path, start, results)) for start in (0, 200)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    assert sorted(results.get(timeout=5) for _ in writers) == [(0, None), (200, None)]
    stored = EmbeddingCache(tmp_path).get("hashing-fake", [f"sentence number {n}" for n in range(600)])
    assert len(stored) == 600
    for text, vector in stored.items():
        assert np.array_equal(vector, HashingEmbedder().embed([text])[0])


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(blocker / "cache"))
    vectors = embedder.embed(["still works"])
    assert vectors.shape == (1, 256) and embedder.error is not None
    assert with_cache(HashingEmbedder(), enabled=False).__class__ is HashingEmbedder


class CountingEmbedder(HashingEmbedder):
    instances: ClassVar[list["CountingEmbedder"]] = []

    def __init__(self):
        super().__init__()
        CountingEmbedder.instances.append(self)


@pytest.fixture
def counting(monkeypatch):
    CountingEmbedder.instances = []
    monkeypatch.setattr(embedding, "default_embedder", CountingEmbedder)
    return CountingEmbedder.instances


def embedded(instances):
    return sum(len(call) for instance in instances for call in instance.calls)


def test_rebriefing_from_the_cli_at_another_length_embeds_nothing(counting):
    runner = CliRunner()
    first = runner.invoke(main, ["brief", "--words", "100", "--format", "json"])
    assert first.exit_code == 0, first.output
    sentences = {s.text for s in split_documents(sample_documents(), PunktSplitter())}
    assert embedded(counting) == len(sentences | set(shipped_questions()))
    second = runner.invoke(main, ["brief", "--words", "60", "--format", "json"])
    assert second.exit_code == 0 and embedded(counting[1:]) == 0
    assert json.loads(second.output)["words"] <= 60
    same = runner.invoke(main, ["brief", "--words", "100", "--format", "json"])
    assert same.output == first.output  # cached vectors are the model's, bit for bit
    for prompt in ("briefing", "timeline", "reactions"):  # the shipped prompts' questions were cached too
        sectioned = runner.invoke(main, ["brief", "--prompt", prompt, "--words", "120"])
        assert sectioned.exit_code == 0, sectioned.output
    assert embedded(counting[1:]) == 0
    focused = runner.invoke(main, ["brief", "--focus", "Who was expelled?"])
    assert focused.exit_code == 0 and embedded(counting[1:]) == 1  # a new question: only it is embedded


def test_no_cache_embeds_again_and_stores_nothing(counting):
    runner = CliRunner()
    assert runner.invoke(main, ["brief", "--no-cache"]).exit_code == 0
    assert runner.invoke(main, ["brief", "--no-cache", "--words", "90"]).exit_code == 0
    assert embedded(counting[:1]) > 0 and embedded(counting[1:]) == embedded(counting[:1])
    assert "Empty" in runner.invoke(main, ["cache", "info"]).output


def test_cache_commands(counting):
    runner = CliRunner()
    runner.invoke(main, ["brief"])
    info = runner.invoke(main, ["cache", "info"])
    stored = len({s.text for s in split_documents(sample_documents(), PunktSplitter())} | set(shipped_questions()))
    assert info.exit_code == 0 and f"hashing-fake: {stored}" in info.output
    assert os.environ["SUMMARIZE_CACHE_DIR"] in info.output
    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and f"Removed {stored}" in cleared.output
    assert "0 sentence vectors" in runner.invoke(main, ["cache", "info"]).output


WARM_BRIEF = """
import sys
from typing import ClassVar
from summarize.cli.main import main
main(["brief", "--words", "70", "--format", "json"], standalone_mode=False)
heavy = {"torch", "sentence_transformers", "transformers", "sklearn"} & set(sys.modules)
print("HEAVY", sorted(heavy), file=sys.stderr)
"""


def test_a_warm_rebrief_with_the_real_embedder_imports_no_torch(tmp_path):
    """The sample's sentences are in the cache under the real model's name (fake vectors, so no model
    is needed here): the brief must come entirely from the cache."""
    texts = [s.text for s in split_documents(sample_documents(), PunktSplitter())]
    EmbeddingCache(tmp_path).put(MODEL_NAME, texts, HashingEmbedder(384).embed(texts))
    environment = dict(os.environ, SUMMARIZE_CACHE_DIR=str(tmp_path), SUMMARIZE_BACKEND="torch")
    result = subprocess.run(
        [sys.executable, "-c", WARM_BRIEF], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["model"] == MODEL_NAME
    assert "HEAVY []" in result.stderr


def test_the_cache_can_be_used_from_several_threads(tmp_path):
    """The TUI embeds in a new worker thread for each analysis: one cache object serves them all."""
    import threading

    cache = EmbeddingCache(tmp_path)
    cache.put("model", ["first"], np.ones((1, 3), dtype=np.float32))
    found: dict = {}

    def in_a_worker():
        found.update(cache.get("model", ["first"]))
        cache.put("model", ["second"], np.zeros((1, 3), dtype=np.float32))

    worker = threading.Thread(target=in_a_worker)
    worker.start()
    worker.join()
    assert list(found) == ["first"]
    assert list(cache.get("model", ["second"])) == ["second"]


# --- a damaged or broken cache ------------------------------------------------------------------------


def _store_raw(directory, model, rows):
    """Rows written behind the cache's back: (text, stored value) as a damaged file could hold them."""
    from summarize.embedding.cache import text_key

    cache = EmbeddingCache(directory)
    connection = cache._connect()
    connection.executemany(
        "INSERT OR REPLACE INTO embeddings (model, key, vector) VALUES (?, ?, ?)",
        [(model, text_key(text), value) for text, value in rows],
    )
    cache.close()


DAMAGED = {
    "wrong size": np.ones(5, dtype=np.float32).tobytes(),
    "not finite": np.full(256, np.nan, dtype=np.float32).tobytes(),
    "text": "not a vector",
    "not float32 bytes": b"\x01\x02\x03",
    "empty": b"",
}


@pytest.mark.parametrize("damage", list(DAMAGED), ids=list(DAMAGED))
def test_damaged_vectors_are_dropped_and_embedded_again(tmp_path, damage):
    good = ["a storm hit the coast", "the mayor spoke"]
    CachedEmbedder(HashingEmbedder(), EmbeddingCache(tmp_path)).embed(good)
    _store_raw(tmp_path, "hashing-fake", [("damaged one", DAMAGED[damage])])

    inner = HashingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    vectors = embedder.embed([*good, "damaged one"])

    assert np.array_equal(vectors, HashingEmbedder().embed([*good, "damaged one"]))
    assert inner.calls == [["damaged one"]] and embedder.cache.dropped == 1 and embedder.error is None
    again = HashingEmbedder()
    CachedEmbedder(again, EmbeddingCache(tmp_path)).embed([*good, "damaged one"])
    assert again.calls == []  # stored soundly this time


def test_a_damaged_vector_asked_for_alone_is_outvoted_by_the_models_other_rows(tmp_path):
    CachedEmbedder(HashingEmbedder(), EmbeddingCache(tmp_path)).embed(["a storm hit the coast", "the mayor spoke"])
    _store_raw(tmp_path, "hashing-fake", [("the question", DAMAGED["wrong size"])])
    embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(tmp_path))
    assert np.array_equal(embedder.embed(["the question"]), HashingEmbedder().embed(["the question"]))
    assert embedder.cache.dropped == 1


def test_a_cache_whose_vectors_are_all_another_size_is_embedded_again(tmp_path):
    _store_raw(tmp_path, "hashing-fake", [("old one", np.ones(8, dtype=np.float32).tobytes())])
    embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(tmp_path))
    vectors = embedder.embed(["old one", "new one"])
    assert np.array_equal(vectors, HashingEmbedder().embed(["old one", "new one"])) and embedder.cache.dropped == 1


def _garbage(path):
    path.write_bytes(b"this is no database at all\n" * 100)


def _truncated(path):
    cache = EmbeddingCache(path.parent)
    CachedEmbedder(HashingEmbedder(), cache).embed([f"sentence {n}" for n in range(2000)])
    cache._connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(data[: len(data) // 3])


def _fifo(path):
    os.mkfifo(path)


def _folder(path):
    path.mkdir()


BROKEN = {
    "garbage": (_garbage, "cannot be read (file is not a database)"),
    "truncated": (_truncated, "cannot be read (database disk image is malformed)"),
    "a named pipe": (_fifo, "is not a regular file"),
}


@pytest.mark.parametrize("kind", list(BROKEN), ids=list(BROKEN))
def test_cache_commands_work_on_a_broken_cache_and_briefs_skip_it(counting, kind):
    make, problem = BROKEN[kind]
    path = EmbeddingCache().path
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    runner = CliRunner()

    info = runner.invoke(main, ["cache", "info"])
    assert info.exit_code == 0 and f"Problem: the file {problem}." in info.output, info.output

    brief = runner.invoke(main, ["brief", "--words", "40"])
    assert brief.exit_code == 0 and brief.stdout.startswith("# "), brief.output
    assert brief.stderr.count("\n") == 1 and "the embedding cache was skipped" in brief.stderr, brief.stderr

    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and f"Removed the cache file, which {problem}." in cleared.output, cleared.output
    assert not path.exists() and not path.is_symlink()
    assert "Empty (no file yet)." in runner.invoke(main, ["cache", "info"]).output
    again = runner.invoke(main, ["brief", "--words", "40"])
    assert again.exit_code == 0 and again.stderr == "" and path.is_file()


def test_a_cache_that_is_a_folder_is_reported_and_clear_says_it_cannot_remove_it(counting):
    path = EmbeddingCache().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir()
    runner = CliRunner()
    assert "Problem: the file is not a regular file." in runner.invoke(main, ["cache", "info"]).output
    cleared = runner.invoke(main, ["cache", "clear"])
    assert (
        cleared.exit_code == 1 and cleared.stderr.count("\n") == 1 and "cannot remove (is a folder)" in cleared.stderr
    )


def test_stored_in_key_order_each_text_keeps_its_vector_and_the_first_wins(tmp_path):
    """`put` sorts its rows by key before writing them: every text must still get its own vector, a
    text given twice its first, and a text stored before keeps what it had."""
    cache = EmbeddingCache(tmp_path)
    cache.put("model", ["kept"], np.full((1, 4), 7.0, dtype=np.float32))
    texts = [f"sentence {n}" for n in range(300)] + ["kept", "sentence 5"]
    vectors = np.arange(len(texts) * 4, dtype=np.float64).reshape(-1, 4)  # float64: stored as float32
    cache.put("model", texts, vectors)
    found = cache.get("model", texts)
    for row, text in enumerate(texts[:300]):
        assert np.array_equal(found[text], vectors[row].astype(np.float32)), text
    assert np.array_equal(found["kept"], np.full(4, 7.0, dtype=np.float32))
    assert found["sentence 5"].dtype == np.float32
