"""Widgets of the main screen: the brief, the list of sources, and the source pane."""
