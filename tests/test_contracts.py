"""The code's contracts, checked with every test run (and so in CI): `ruff check` finds nothing in
summarize/, tui/, tests/ and bench/, `ruff format` would change nothing there, and `mypy` (strict,
configured in pyproject.toml) finds nothing in summarize/ and tui/. Each test fails with the tool's own report.

mypy checks from an empty cache in a temporary folder (nothing is left in the tree): about 25 s of
CPU, most of it reading the typed libraries' stubs (numpy, textual, torch)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The tool, from this interpreter's environment, run at the repository's root (its configuration)."""
    return subprocess.run(
        [sys.executable, "-m", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )


def test_ruff_finds_nothing():
    result = run_tool("ruff", "check", "--no-cache", "summarize", "tui", "tests", "bench")
    assert result.returncode == 0, f"ruff check found problems:\n{result.stdout}{result.stderr}"


def test_the_code_is_formatted():
    result = run_tool("ruff", "format", "--check", "--no-cache", "summarize", "tui", "tests", "bench")
    assert result.returncode == 0, (
        f"ruff format would change these files (run `ruff format .`):\n{result.stdout}{result.stderr}"
    )


def test_ruff_reports_a_problem_it_is_configured_for(tmp_path):
    """The configuration is live: an unsorted import and an unused name are found (so a pass means something)."""
    sample = tmp_path / "sample.py"
    sample.write_text("import sys\nimport os\n")
    result = run_tool("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(sample))
    assert result.returncode == 1
    assert "I001" in result.stdout and "F401" in result.stdout


def test_mypy_finds_nothing_in_every_module(tmp_path):
    result = run_tool("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
    # Every module was checked: the configured `files` cover both packages (all but the data folder).
    modules = [
        path
        for folder in ("summarize", "tui")
        for path in (ROOT / folder).rglob("*.py")
        if "data" not in path.relative_to(ROOT).parts
    ]
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked is not None, result.stdout
    assert int(checked.group(1)) == len(modules)
