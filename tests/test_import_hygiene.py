"""The core is a pure library: importing it must not pull in a UI toolkit, the model, or anything
heavy it does not need yet (start-up time is paid by every command)."""

import subprocess
import sys

import pytest

UI_AND_MODEL = {"textual", "rich", "torch", "sentence_transformers", "onnxruntime"}

NOT_IMPORTED = {
    "summarize.brief": UI_AND_MODEL,
    "summarize.render": UI_AND_MODEL,
    "summarize.render_html": UI_AND_MODEL | {"numpy", "scipy"},
    "summarize.formats": UI_AND_MODEL | {"numpy", "summarize.render", "summarize.records"},
    "summarize.documents": UI_AND_MODEL,
    "summarize.selection": UI_AND_MODEL,
    "summarize.cli": UI_AND_MODEL | {"numpy"},
    "summarize.rankers": UI_AND_MODEL | {"numpy"},
    "summarize.cache": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.parallel": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.distributed": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.scale": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.onnx_embedding": UI_AND_MODEL | {"distributed", "sklearn"},
    "summarize.sections": UI_AND_MODEL | {"scipy"},
    "summarize.relevance": UI_AND_MODEL | {"scipy"},
    "summarize.speakers": UI_AND_MODEL | {"scipy"},
    "summarize.dates": UI_AND_MODEL | {"scipy"},
}


@pytest.mark.parametrize("module", sorted(NOT_IMPORTED))
def test_module_imports_nothing_it_does_not_need(module):
    code = f"import sys, {module}; bad = set({sorted(NOT_IMPORTED[module])!r}) & set(sys.modules); assert not bad, bad"
    subprocess.run([sys.executable, "-c", code], check=True)


def assert_command_imports_nothing_heavy(*args: str) -> None:
    """`summarize ARGS` (run in a fresh interpreter) works without importing the model, the UI or numpy."""
    code = (
        "import sys; from click.testing import CliRunner; from summarize.cli import main;"
        f"r = CliRunner().invoke(main, {list(args)!r}); assert r.exit_code == 0, r.output;"
        "heavy = {'torch', 'sentence_transformers', 'textual', 'numpy', 'scipy'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
