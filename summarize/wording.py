"""Words that agree with a count, for every message, page and screen ("1 source", "2 sources"): the
one home of the plural rule, in the lowest layer, so the core, the CLI and the TUI all use it."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`singular` for a count of one, else `plural_form` (by default `singular` + "s"); the count itself
    is the caller's to write, in its own format: f"{n:,} {plural(n, 'byte')}", plural(n, "is", "are")."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"
