"""Embedding: sentence vectors behind a one-method protocol; backends by name; the cache."""
