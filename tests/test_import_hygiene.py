"""The core is a pure library: importing it must not pull in a UI toolkit, the model, or anything
heavy it does not need yet (start-up time is paid by every command)."""

import subprocess
import sys

import pytest

UI_AND_MODEL = {"textual", "rich", "torch", "sentence_transformers", "onnxruntime"}

NOT_IMPORTED = {
    "summarize.pipeline": UI_AND_MODEL,
    "summarize.output.render": UI_AND_MODEL,
    "summarize.output.html": UI_AND_MODEL | {"numpy", "scipy"},
    "summarize.output.formats": UI_AND_MODEL | {"numpy", "summarize.output.render", "summarize.records"},
    "summarize.inputs.documents": UI_AND_MODEL,
    "summarize.selection.features": UI_AND_MODEL,
    "summarize.cli.main": UI_AND_MODEL | {"numpy"},
    "summarize.selection.registry": UI_AND_MODEL | {"numpy"},
    "summarize.embedding.cache": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.batch.processes": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.batch.dask_cluster": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.clustering.large_inputs": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.embedding.onnx_model": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.embedding.static_model": UI_AND_MODEL | {"model2vec", "transformers", "tokenizers", "safetensors"},
    "summarize.sections.compose": UI_AND_MODEL | {"scipy"},
    "summarize.sections.relevance": UI_AND_MODEL | {"scipy"},
    "summarize.sections.story": UI_AND_MODEL | {"scipy"},
    "summarize.text.speakers": UI_AND_MODEL | {"scipy"},
    "summarize.text.dates": UI_AND_MODEL | {"scipy"},
}


@pytest.mark.parametrize("module", sorted(NOT_IMPORTED))
def test_module_imports_nothing_it_does_not_need(module):
    code = f"import sys, {module}; bad = set({sorted(NOT_IMPORTED[module])!r}) & set(sys.modules); assert not bad, bad"
    subprocess.run([sys.executable, "-c", code], check=True)


def assert_command_imports_nothing_heavy(*args: str) -> None:
    """`summarize ARGS` (run in a fresh interpreter) works without importing the model, the UI or numpy."""
    code = (
        "import sys; from click.testing import CliRunner; from summarize.cli.main import main;"
        f"r = CliRunner().invoke(main, {list(args)!r}); assert r.exit_code == 0, r.output;"
        "heavy = {'torch', 'sentence_transformers', 'textual', 'numpy', 'scipy'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("args", [["brief", "--words", "100"], ["brief", "--prompt", "briefing"]])
def test_a_brief_of_the_sample_runs_without_scipy(args):
    # scipy's optimize and cluster packages cost ~0.4 s of CPU to import, more than the rest of a warm
    # brief: the solver is highspy, the clustering numpy (scipy only above 1,000 sentences).
    code = (
        "import sys; import summarize.embedding.backends as backends; from tests.fakes import HashingEmbedder;"
        "backends.default_embedder = HashingEmbedder; from click.testing import CliRunner;"
        "from summarize.cli.main import main;"
        f"r = CliRunner().invoke(main, {[*args, '--no-cache']!r}); assert r.exit_code == 0, r.output;"
        "assert 'scipy' not in sys.modules, sorted(m for m in sys.modules if m.startswith('scipy'))[:5]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
