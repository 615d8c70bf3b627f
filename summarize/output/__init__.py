"""Output: rendering a brief (markdown, JSON, HTML) and writing files safely."""
