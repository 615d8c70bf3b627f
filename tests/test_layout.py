"""The layout's contracts (README, "How the code is laid out"), checked with every test run and so in
CI: the import layers and the core's ban on UI imports (import-linter, configured in pyproject.toml),
and no module over 400 lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


def lint_imports(*arguments: str) -> subprocess.CompletedProcess[str]:
    """import-linter from this interpreter's environment, at the repository's root, leaving no cache."""
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run(
        [sys.executable, "-c", code, "--no-cache", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_import_contracts_are_kept():
    result = lint_imports()
    assert result.returncode == 0, f"import-linter found broken contracts:\n{result.stdout}{result.stderr}"
    assert "0 broken" in result.stdout, result.stdout


def test_import_linter_reports_a_broken_contract(tmp_path):
    """The check is live: a contract the code breaks (the pipeline may not import the records) is found."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["summarize"]\n\n'
        '[[tool.importlinter.contracts]]\nname = "broken on purpose"\ntype = "forbidden"\n'
        'source_modules = ["summarize.pipeline"]\nforbidden_modules = ["summarize.records"]\n'
    )
    result = lint_imports("--config", str(config))
    assert result.returncode == 1
    assert "broken on purpose BROKEN" in result.stdout


def test_no_module_is_over_400_lines():
    modules = [path for folder in ("summarize", "tui", "tests", "bench") for path in (ROOT / folder).rglob("*.py")]
    assert len(modules) > 100
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by what they do): {long}"
