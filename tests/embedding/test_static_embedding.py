"""The static backend's arithmetic on a tiny hand-made model (no torch, no distillation): a sentence
is the normalized mean of its known tokens' vectors, computed on its own."""

import json

import numpy as np
import pytest

from summarize.cli import common as cli_common
from summarize.embedding import backends as embedding
from summarize.embedding.static_model import StaticEmbedder, static_model_exists, static_model_path
from tests import fakes

WORDS = ["[UNK]", "storm", "coast", "flood", "vote", "election"]
TABLE = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0.5, 1]], dtype=np.float16)


@pytest.fixture
def tiny_model(tmp_path):
    from safetensors.numpy import save_file
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    tokenizer = Tokenizer(models.WordLevel({word: n for n, word in enumerate(WORDS)}, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    folder = tmp_path / "models" / "tiny"
    folder.mkdir(parents=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    save_file({"embeddings": TABLE}, str(folder / "model.safetensors"))
    (folder / "config.json").write_text(json.dumps({"model_type": "model2vec"}), encoding="utf-8")
    return folder


def test_a_sentence_is_the_normalized_mean_of_its_known_tokens(tiny_model):
    vectors = StaticEmbedder(tiny_model).embed(["Storm on the coast", "vote"])
    expected = (TABLE[1].astype(np.float32) + TABLE[2]) / 2
    assert np.allclose(vectors[0], expected / np.linalg.norm(expected))
    assert np.allclose(vectors[1], [0, 0, 1])
    assert vectors.dtype == np.float32


def test_vectors_do_not_depend_on_batch_mates(tiny_model):
    texts = ["storm storm coast", "flood election", "vote on the coast flood", "Storm"]
    embedder = StaticEmbedder(tiny_model)
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([text])[0] for text in texts])
    assert np.array_equal(together, alone)
    assert np.array_equal(embedder.embed(texts[::-1])[::-1], together)


def test_a_sentence_of_unknown_tokens_still_gets_a_unit_vector(tiny_model):
    vectors = StaticEmbedder(tiny_model).embed(["!!! ???", ""])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert StaticEmbedder(tiny_model).embed([]).shape == (0, 3)


def test_similar_sentences_are_closer(tiny_model):
    storm, flood, vote = StaticEmbedder(tiny_model).embed(["storm coast", "coast flood", "election vote"])
    assert storm @ flood > storm @ vote


def test_the_model_lives_in_the_data_folder_and_is_built_only_when_missing(tmp_path, monkeypatch, tiny_model):
    monkeypatch.setenv("SUMMARIZE_DATA_DIR", str(tmp_path / "data"))
    assert static_model_path() == tmp_path / "data" / "models" / "all-MiniLM-L6-v2-static256"
    assert not static_model_exists()
    heard, built = [], []
    monkeypatch.setattr("summarize.embedding.static_model.build_static_model", lambda folder: built.append(folder))
    StaticEmbedder(on_build=heard.append).ensure_built()
    assert built == [static_model_path()] and len(heard) == 1 and "\n" not in heard[0]
    heard.clear()
    assert StaticEmbedder(tiny_model, on_build=heard.append).ensure_built() == tiny_model
    assert heard == []  # already built: nothing to say


def test_the_shell_builds_a_missing_model_once_before_any_worker(monkeypatch):
    built = []
    monkeypatch.setattr(StaticEmbedder, "ensure_built", lambda self, on_build=None: built.append(on_build))
    factory = cli_common.embedder_factory("static")
    assert built == [cli_common.build_notice]
    assert isinstance(factory(), StaticEmbedder)
    import pickle

    pickle.dumps(factory)  # worker processes receive it
    monkeypatch.delenv("SUMMARIZE_BACKEND", raising=False)
    cli_common.embedder_factory(None, "batch")  # static by default: built first too
    assert len(built) == 2
    cli_common.embedder_factory(None, "brief")  # a test's fake embedder: nothing to build
    assert len(built) == 2


def test_the_shell_says_when_it_builds_the_int8_model(tmp_path, monkeypatch):
    """The first brief sat on "Embedding 23 sentences…" for the build's seconds (15-20 on a busy
    machine) without a word; the static build said what it was doing, the int8 one did not."""
    from summarize.embedding import onnx_model

    monkeypatch.setenv("SUMMARIZE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMARIZE_BACKEND", raising=False)
    built, heard = [], []
    monkeypatch.setattr(onnx_model, "build_onnx_model", lambda path: built.append(path))
    monkeypatch.setattr(cli_common, "build_notice", heard.append)
    for factory in (cli_common.embedder_factory("onnx"), cli_common.embedder_factory(None, "brief")):
        embedder = factory()
        assert isinstance(embedder, onnx_model.OnnxEmbedder) and heard == built == []  # nothing is built yet
        embedder.ensure_built()  # as the first embedding does
        assert built == [onnx_model.onnx_model_path()] and len(heard) == 1
        assert heard[0].startswith("Building the int8 ONNX model") and "\n" not in heard[0]
        built.clear(), heard.clear()


def test_each_purpose_has_its_default_backend(monkeypatch):
    monkeypatch.delenv("SUMMARIZE_BACKEND", raising=False)
    assert embedding.default_backend() == embedding.default_backend("brief") == "onnx"
    assert embedding.default_backend("batch") == embedding.default_backend("large") == "static"
    batch, large = embedding.default_embedder_for("batch"), embedding.default_embedder_for("large")
    assert batch.name == large.name == "all-MiniLM-L6-v2-static256"
    assert embedding.default_embedder_for("brief").name == "all-MiniLM-L6-v2-int8"
    monkeypatch.setenv("SUMMARIZE_BACKEND", "torch")
    assert {embedding.default_backend(p) for p in embedding.PURPOSES} == {"torch"}
    with pytest.raises(ValueError, match="purpose"):
        embedding.default_backend("tui")


def test_the_cli_knows_every_backend():
    assert cli_common.BACKEND_NAMES == embedding.BACKENDS
    assert embedding.embedder_for("static").name == "all-MiniLM-L6-v2-static256"
    with pytest.raises(ValueError, match="static"):
        embedding.embedder_for("bogus")


def test_static_vectors_are_clustered_at_their_own_threshold(story):
    from summarize.clustering.clusters import DEFAULT_THRESHOLD, MODEL_THRESHOLDS, threshold_for
    from summarize.embedding.static_model import STATIC_MODEL_NAME
    from summarize.pipeline import BriefSettings, analyze

    assert threshold_for(STATIC_MODEL_NAME) == MODEL_THRESHOLDS[STATIC_MODEL_NAME] > DEFAULT_THRESHOLD
    assert threshold_for("all-MiniLM-L6-v2-int8") == DEFAULT_THRESHOLD

    class EvenlyAlike:  # every two sentences at cosine 0.65: one cluster at 0.6, none at 0.7
        name = STATIC_MODEL_NAME

        def embed(self, texts):
            vectors = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
            vectors[:, 0] = np.sqrt(0.65)
            vectors[np.arange(len(texts)), np.arange(1, len(texts) + 1)] = np.sqrt(0.35)
            return vectors

    own = analyze(story, EvenlyAlike())
    assert len(own.clusters) == len(own.sentences)  # at the static threshold: nothing joined
    assert len(analyze(story, EvenlyAlike(), BriefSettings(cluster_threshold=DEFAULT_THRESHOLD)).clusters) == 1


def test_a_large_input_is_briefed_on_the_large_input_backend(monkeypatch):
    from click.testing import CliRunner

    from summarize.cli.main import main

    asked = []

    def fake_backend(backend, on_build=None):
        asked.append(backend)
        return fakes.HashingEmbedder()

    monkeypatch.delenv("SUMMARIZE_BACKEND", raising=False)
    monkeypatch.setattr(embedding, "embedder_for", fake_backend)
    assert CliRunner().invoke(main, ["brief", "--words", "60"]).exit_code == 0
    assert set(asked) == {"onnx"}
    monkeypatch.setattr(embedding, "LARGE_INPUT_CHARACTERS", 1000)  # the sample has ~20,000
    asked.clear()
    assert CliRunner().invoke(main, ["brief", "--words", "60"]).exit_code == 0
    assert set(asked) == {"static"}


def test_a_replaced_default_embedder_serves_every_purpose(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    assert all(isinstance(embedding.default_embedder_for(p), fakes.HashingEmbedder) for p in embedding.PURPOSES)


def test_help_says_what_each_default_costs():
    from click.testing import CliRunner

    from summarize.cli.main import main

    batch_help = " ".join(CliRunner().invoke(main, ["batch", "--help"]).output.split())
    brief_help = " ".join(CliRunner().invoke(main, ["brief", "--help"]).output.split())
    assert "else static" in batch_help and "ROUGE-2 within 0.24 of the transformer's" in batch_help
    assert "else onnx, or static for over 1.5 million characters" in brief_help
    assert "[torch|onnx|static]" in batch_help and "[torch|onnx|static]" in brief_help
