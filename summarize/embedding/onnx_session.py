"""The onnxruntime session of the int8 model, opened from a graph optimized once and kept.

Opening the int8 model makes onnxruntime rewrite its graph (fuse the attention, the layer norms, the
GELUs...): 0.08 s of CPU at every start, a tenth of a cold brief of the sample. The rewritten graph
is saved the first time, beside the model, at the level onnxruntime documents as portable
(`ORT_ENABLE_EXTENDED`: no layouts particular to this processor), and later sessions open it; they
still run the remaining, processor-specific passes, which are cheap. The vectors are the same to the
last bit (tests/embedding/test_onnx_session.py). The file's name carries onnxruntime's version, so
another onnxruntime optimizes afresh; if it cannot be written (a read-only folder), the session
opens the model as before.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


def optimized_path(model: Path, version: str) -> Path:
    """Where the optimized graph of `model` is kept, for onnxruntime `version`."""
    return model.with_name(f"{model.stem}.optimized-ort{version}{model.suffix}")


def open_session(onnxruntime: Any, model: Path, options: Any) -> Any:
    """An InferenceSession on CPU for `model` with `options`, from its optimized graph (written first,
    if missing)."""
    saved = optimized_path(model, onnxruntime.__version__)
    if not saved.exists():
        _save_optimized(onnxruntime, model, saved)
    if saved.exists():
        try:
            return onnxruntime.InferenceSession(str(saved), options, providers=["CPUExecutionProvider"])
        except Exception:  # a damaged file (onnxruntime's own error types): drop it, open the model itself
            saved.unlink(missing_ok=True)
    return onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])


def _save_optimized(onnxruntime: Any, model: Path, saved: Path) -> None:
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    try:
        handle, partial = tempfile.mkstemp(dir=saved.parent, prefix=saved.stem, suffix=".partial")
        os.close(handle)
        try:
            options.optimized_model_filepath = partial
            onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
            os.replace(partial, saved)  # atomic: a concurrent run sees the whole file or none
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    except OSError:  # a folder we may not write: open the model itself
        return
