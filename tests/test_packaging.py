"""The installed package carries every file it reads at run time, not only the Python modules."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_of_a_package_is_declared_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = config["package-data"]
    missing = []
    for package in ("summarize", "tui", "prompts"):
        folder = ROOT / package
        for path in folder.rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(folder)
            if not any(relative.match(pattern) for pattern in declared.get(package, [])):
                missing.append(f"{package}/{relative}")
    assert not missing, f"not in [tool.setuptools.package-data], so not installed: {missing}"
