"""Distilling the static model from the installed weights, as a first `--backend static` run does.

The whole vocabulary takes about two minutes on two cores; these tests distil the same weights
through the same function, keeping only the tokens of the built-in sample (seconds). Marked `model`.
"""

import os
import subprocess
import sys

import numpy as np
import pytest

from summarize.inputs.documents import sample_documents
from summarize.pipeline import split_documents
from summarize.text.sentences import PunktSplitter

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def texts():
    return [s.text for s in split_documents(sample_documents(), PunktSplitter())]


def sample_tokens(texts) -> set[str]:
    from tokenizers import Tokenizer

    from summarize.embedding.onnx_model import source_model

    tokenizer = Tokenizer.from_file(str(source_model() / "tokenizer.json"))
    return {token for encoding in tokenizer.encode_batch(texts, add_special_tokens=False) for token in encoding.tokens}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, texts):
    pytest.importorskip("model2vec")
    from summarize.embedding.static_model import STATIC_MODEL_NAME, build_static_model

    folder = tmp_path_factory.mktemp("data")
    build_static_model(folder / "models" / STATIC_MODEL_NAME, vocabulary=sample_tokens(texts))
    return folder


@pytest.fixture(scope="module")
def model_dir(data_dir):
    from summarize.embedding.static_model import STATIC_MODEL_NAME

    return data_dir / "models" / STATIC_MODEL_NAME


def test_distilled_vectors_match_model2vec_and_ignore_batch_mates(model_dir, texts):
    from model2vec import StaticModel

    from summarize.embedding.static_model import StaticEmbedder

    embedder = StaticEmbedder(model_dir)
    vectors = embedder.embed(texts)
    assert vectors.shape == (len(texts), 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    reference = StaticModel.from_pretrained(str(model_dir)).encode(texts)
    assert np.allclose(vectors, reference, atol=2e-3)  # model2vec averages in float16
    assert np.array_equal(np.stack([embedder.embed([text])[0] for text in texts[:10]]), vectors[:10])
    assert np.array_equal(embedder.embed(texts[::-1])[::-1], vectors)


def test_distilled_similarities_follow_the_transformer(model_dir, texts):
    from summarize.embedding.static_model import StaticEmbedder
    from summarize.embedding.torch_model import SentenceTransformerEmbedder

    static = StaticEmbedder(model_dir).embed(texts)
    reference = SentenceTransformerEmbedder().embed(texts)
    upper = np.triu_indices(len(texts), 1)
    correlation = np.corrcoef((static @ static.T)[upper], (reference @ reference.T)[upper])[0, 1]
    assert correlation > 0.6, correlation


BRIEF = """
import sys
from summarize.cli.main import main
main(["brief", "--backend", "static", "--words", "80"], standalone_mode=False)
print("HEAVY", sorted({"torch", "sentence_transformers", "transformers", "model2vec"} & set(sys.modules)), file=sys.stderr)
"""


def test_a_static_brief_imports_no_torch(data_dir, tmp_path):
    environment = dict(os.environ, SUMMARIZE_DATA_DIR=str(data_dir), SUMMARIZE_CACHE_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", BRIEF], capture_output=True, text=True, env=environment, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "HEAVY []" in result.stderr
    assert "Building" not in result.stderr  # already built


FIRST_RUN = """
import sys
from summarize.embedding import static_model as static_embedding
from summarize.cli.main import main
build = static_embedding.build_static_model
static_embedding.build_static_model = lambda folder: build(folder, vocabulary=sys.argv[1].split())
main(["brief", "--backend", "static", "--words", "80"], standalone_mode=False)
"""


def test_the_first_run_builds_the_model_with_one_line_and_no_noise(tmp_path, texts):
    environment = dict(
        os.environ, SUMMARIZE_DATA_DIR=str(tmp_path / "data"), SUMMARIZE_CACHE_DIR=str(tmp_path / "cache")
    )
    vocabulary = " ".join(sorted(sample_tokens(texts)))
    result = subprocess.run(
        [sys.executable, "-c", FIRST_RUN, vocabulary],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith("Building the static embedding model")
    assert "%|" not in result.stderr and "LOAD REPORT" not in result.stderr + result.stdout, result.stderr
    assert result.stdout.startswith("# ")
    assert (tmp_path / "data" / "models" / "all-MiniLM-L6-v2-static256" / "model.safetensors").is_file()
    assert not [p for p in (tmp_path / "data" / "models").iterdir() if p.name.startswith(".")]  # no leftovers
