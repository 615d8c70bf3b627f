"""The version of summarize (as pyproject.toml gives it), for the shells and the HTML page."""

__version__ = "0.1.0"
