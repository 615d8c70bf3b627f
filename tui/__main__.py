"""`python -m tui`: the `summarize tui` command under another name (the same options, help and errors:
they have one home, `summarize.cli.tui`)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    # The one import of the CLI from tui/ (pyproject.toml's import contracts allow this one): the app
    # itself stays below the CLI; this entry point only hands the command line over to it.
    from summarize.cli.main import main as summarize

    summarize.main(["tui", *(sys.argv[1:] if argv is None else argv)], prog_name="python -m")


if __name__ == "__main__":
    main()
