"""The core is a pure library: importing it must not pull in a UI toolkit or the model."""

import subprocess
import sys

import pytest

CORE_MODULES = ["summarize.brief", "summarize.render", "summarize.documents", "summarize.selection", "summarize.cli"]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui_and_no_model(module):
    code = (
        f"import sys, {module};"
        # rich is not checked: nltk imports scikit-learn, which imports rich.
        "bad = {'textual', 'torch', 'sentence_transformers'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
