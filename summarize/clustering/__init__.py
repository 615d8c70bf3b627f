"""Clustering: sentences that report the same content, across articles, at any size."""
