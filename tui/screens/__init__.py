"""Screens: the main brief view, themes, help and small dialogs."""
