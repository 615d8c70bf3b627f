"""The TUI's layout holds: no import ring inside `tui`, no import of the CLI (the TUI is a shell over
the core, as the CLI is; only `python -m tui`'s entry point hands its command line to `summarize tui`),
and every dialog styled as one. Read from the source (AST), nothing run."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

from textual.screen import ModalScreen

import tui

PACKAGE = Path(tui.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> set[str]:
    """Every module `path` imports, absolute, also those under `if TYPE_CHECKING:` (a ring all the same)."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from . import x`: a module
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: imported_names(path) & set(modules) - {name} for name, path in modules.items()}


def rings(graph: dict[str, set[str]]) -> list[list[str]]:
    found, visiting, done = [], [], set()

    def visit(name: str) -> None:
        visiting.append(name)
        for target in sorted(graph[name]):
            if target in visiting:
                found.append([*visiting[visiting.index(target) :], target])
            elif target not in done:
                visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            visit(name)
    return found


def test_the_tui_has_no_import_ring():
    graph = import_graph()
    assert {"tui.app", "tui.actions.choosing", "tui.commands", "tui.screens.main"} <= set(graph)
    assert rings(graph) == []


def test_the_ring_finder_finds_a_ring():
    assert rings({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]
    assert rings({"a": {"b"}, "b": set()}) == []


def test_the_tui_imports_no_cli_module_but_in_its_entry_point():
    cli = {
        (module_name(path), name)
        for path in PACKAGE.rglob("*.py")
        for name in imported_names(path)
        if name == "summarize.cli" or name.startswith(("summarize.cli.", "summarize.cli_"))
    }
    assert cli == {("tui.__main__", "summarize.cli.main"), ("tui.__main__", "summarize.cli.main.main")}


def test_every_dialog_is_styled_as_one():
    """app.tcss names each modal screen by its class: a renamed dialog would lose its frame silently."""
    styled = set(re.findall(r"\b([A-Z]\w+)\b", (PACKAGE / "app.tcss").read_text(encoding="utf-8")))
    dialogs = {
        cls.__name__
        for path in (PACKAGE / "screens").glob("*.py")
        for _, cls in inspect.getmembers(importlib.import_module(module_name(path)), inspect.isclass)
        if issubclass(cls, ModalScreen) and cls.__module__.startswith("tui.")
    }
    assert {"TextInputScreen", "ConfirmScreen", "SourcePicker"} <= dialogs
    assert dialogs - styled == set()
