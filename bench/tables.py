"""The markdown table every bench script prints: a row per setting, a column per development set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def settings_table(corner: str, columns: Sequence[str], rows: Mapping[str, Sequence[str]]) -> str:
    """`corner` heads the settings' column; each row is a setting's name and its cells, in order."""
    lines = [f"| {corner} | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows.items()]
    return "\n".join(lines)
