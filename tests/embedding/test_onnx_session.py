"""The int8 model's session opens from a graph optimized once and kept beside the model: written on
first use, read after, the same outputs to the last bit; a damaged or unwritable file never stops a
brief."""

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
onnxruntime = pytest.importorskip("onnxruntime")

from summarize.embedding.onnx_session import open_session, optimized_path  # noqa: E402


@pytest.fixture
def model(tmp_path):
    """A small graph with something to optimize (MatMul then Add: fused into one operator)."""
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    weights = numpy_helper.from_array(rng.normal(size=(8, 6)).astype(np.float32), "weights")
    bias = numpy_helper.from_array(rng.normal(size=6).astype(np.float32), "bias")
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["x", "weights"], ["product"]),
            helper.make_node("Add", ["product", "bias"], ["y"]),
        ],
        "small",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["rows", 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["rows", 6])],
        [weights, bias],
    )
    path = tmp_path / "models" / "small.onnx"
    path.parent.mkdir()
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    return path


def outputs(session):
    x = np.random.default_rng(1).normal(size=(5, 8)).astype(np.float32)
    return session.run(None, {"x": x})[0]


def plain(model):
    return onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"])


def test_the_optimized_graph_is_written_once_and_gives_the_same_outputs(model):
    saved = optimized_path(model, onnxruntime.__version__)
    assert not saved.exists()
    first = open_session(onnxruntime, model, onnxruntime.SessionOptions())
    assert saved.exists() and saved.stat().st_size > 0
    written = saved.stat().st_mtime_ns
    second = open_session(onnxruntime, model, onnxruntime.SessionOptions())
    assert saved.stat().st_mtime_ns == written  # read, not written again
    assert np.array_equal(outputs(first), outputs(plain(model)))
    assert np.array_equal(outputs(second), outputs(plain(model)))
    assert [p.name for p in model.parent.iterdir() if p.name.endswith(".partial")] == []


def test_another_onnxruntime_optimizes_afresh(model):
    assert optimized_path(model, "1.2.3") != optimized_path(model, "1.2.4")
    assert optimized_path(model, "1.2.3").parent == model.parent


def test_a_damaged_file_is_dropped_and_the_model_opened(model):
    saved = optimized_path(model, onnxruntime.__version__)
    saved.write_bytes(b"not a model")
    session = open_session(onnxruntime, model, onnxruntime.SessionOptions())
    assert np.array_equal(outputs(session), outputs(plain(model)))
    assert not saved.exists()


def test_a_folder_it_cannot_write_opens_the_model_itself(model, monkeypatch):
    from summarize.embedding import onnx_session

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(onnx_session.tempfile, "mkstemp", refused)
    session = open_session(onnxruntime, model, onnxruntime.SessionOptions())
    assert np.array_equal(outputs(session), outputs(plain(model)))
    assert not optimized_path(model, onnxruntime.__version__).exists()


@pytest.mark.model
def test_the_int8_model_gives_the_same_vectors_from_its_optimized_graph(tmp_path):
    from summarize.embedding.onnx_model import OnnxEmbedder, build_onnx_model
    from summarize.inputs.documents import sample_documents
    from summarize.pipeline import split_documents
    from summarize.text.sentences import PunktSplitter

    path = build_onnx_model(tmp_path / "models" / "all-MiniLM-L6-v2-int8.onnx")
    texts = [sentence.text for sentence in split_documents(sample_documents(), PunktSplitter())]
    first = OnnxEmbedder(path).embed(texts)  # writes the optimized graph
    assert optimized_path(path, onnxruntime.__version__).exists()
    again = OnnxEmbedder(path).embed(texts)  # reads it
    reference = OnnxEmbedder(path)
    reference._load()
    reference._session = plain(path)  # the model itself, optimized in memory as before
    expected = reference.embed(texts)
    assert np.array_equal(first, expected)
    assert np.array_equal(again, expected)
