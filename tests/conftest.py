"""Shared fixtures: a deterministic fake embedder and literal documents."""

from __future__ import annotations

import pytest

from summarize.inputs.document import make_document
from tests.fakes import HashingEmbedder

STORY = [
    (
        "Storm hits the coast",
        "A powerful storm hit the northern coast on Monday, forcing thousands of residents to flee their homes.\n\n"
        "Officials said the storm brought winds of 120 miles per hour and heavy flooding to the coast.\n\n"
        "The mayor said emergency shelters were open in every school across the northern region.\n\n"
        "Photo: a flooded street [File: Reuters]\n\n"
        "With reporting by Reuters\n\n"
        "Our newsroom brings you the most trusted reporting in the region every single day.",
    ),
    (
        "Thousands flee as storm strikes",
        "Thousands of residents fled their homes on Monday as a powerful storm hit the northern coast.\n\n"
        "Winds of 120 miles per hour and heavy flooding were reported along the coast, officials said.\n\n"
        "Power was cut to more than 50,000 homes in the region, the electricity company said on Monday.\n\n"
        "Leave A Reply",
    ),
    (
        "Storm damage",
        "The storm cut power to more than 50,000 homes in the northern region, the electricity company said.\n\n"
        "Emergency shelters opened in schools across the region, the mayor said on Monday evening.\n\n"
        "Forecasters expect the storm to weaken as it moves inland over the next two days.",
    ),
]


@pytest.fixture(autouse=True)
def private_embedding_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty embedding cache, never the user's."""
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path_factory.mktemp("embedding-cache")))


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def story():
    return tuple(make_document(text, f"story/{n}.txt", title) for n, (title, text) in enumerate(STORY))
