"""summarize: cited, extractive briefings of several news articles about one event."""

__version__ = "0.1.0"
