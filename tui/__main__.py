"""`python -m tui [PATHS...] [--words N]`: the same app as `summarize tui`."""

from __future__ import annotations

import argparse
from pathlib import Path

from summarize.records import DEFAULT_WORDS


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tui",
        description="Open the interactive briefing on PATHS (article files, folders, web addresses, FILE.jsonl#ID),"
        " or on the built-in sample.",
        epilog="Inside, press ? for the keys.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATHS")
    parser.add_argument(
        "-w", "--words", type=int, default=DEFAULT_WORDS, help=f"initial word budget (default {DEFAULT_WORDS})"
    )
    arguments = parser.parse_args(argv)
    if arguments.words < 1:
        parser.error("--words must be a positive number")

    from .app import run

    run(arguments.paths, words=arguments.words)


if __name__ == "__main__":
    main()
