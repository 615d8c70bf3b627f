"""Sectioned briefs: prompt files, questions, the story, relevance, composing sections."""
