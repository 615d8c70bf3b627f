"""The `summarize` command (a thin shell; `summarize.cli.main` is its entry point)."""
