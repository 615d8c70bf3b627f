"""Inputs: files, folders, web pages, JSON-lines clusters, standard input; decoding and checks."""
