"""The interactive briefing (Textual): `summarize tui [PATHS]` or `python -m tui [PATHS]`.

Kept light: importing `tui` does not import Textual or the model; `tui.app` does the former only.
"""
