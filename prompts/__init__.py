"""The shipped briefing prompts (`*.md`), read by `summarize.prompts`. See README.md, "Prompts"."""
