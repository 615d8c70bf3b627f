"""The real model on both backends: a text's vector never depends on its batch, and the int8 onnx
model stays close to the torch one. Uses the real model (marked `model`)."""

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


@pytest.fixture(scope="module")
def torch_vectors(texts):
    from summarize.embedding.torch_model import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder().embed(texts)


def test_torch_vectors_do_not_depend_on_the_batch(texts, torch_vectors):
    from summarize.embedding.torch_model import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    alone = np.stack([embedder.embed([text])[0] for text in texts[:12]])
    shuffled = embedder.embed(texts[::-1])[::-1]
    assert np.array_equal(alone, torch_vectors[:12])
    assert np.array_equal(shuffled, torch_vectors)


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory):
    pytest.importorskip("onnxruntime")
    folder = tmp_path_factory.mktemp("data")
    from summarize.embedding.onnx_model import build_onnx_model

    build_onnx_model(folder / "models" / "all-MiniLM-L6-v2-int8.onnx")
    return folder


def test_onnx_int8_is_close_to_torch_and_deterministic(onnx_dir, texts, torch_vectors):
    from summarize.embedding.onnx_model import OnnxEmbedder

    embedder = OnnxEmbedder(onnx_dir / "models" / "all-MiniLM-L6-v2-int8.onnx")
    vectors = embedder.embed(texts)
    cosine = (vectors * torch_vectors).sum(axis=1)
    assert cosine.mean() > 0.985 and cosine.min() > 0.95, (cosine.mean(), cosine.min())
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(embedder.embed(texts[::-1])[::-1], vectors)


BRIEF = """
import sys
from summarize.cli.main import main
main(["brief", "--backend", "onnx", "--words", "80"], standalone_mode=False)
print("HEAVY", sorted({"torch", "sentence_transformers", "transformers"} & set(sys.modules)), file=sys.stderr)
"""


def test_a_cold_onnx_brief_imports_no_torch(onnx_dir, tmp_path):
    environment = dict(os.environ, SUMMARIZE_DATA_DIR=str(onnx_dir), SUMMARIZE_CACHE_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", BRIEF], capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "HEAVY []" in result.stderr
