"""The interactive briefing (Textual): `summarize tui [PATHS]` or `python -m tui [PATHS]`.

Kept light: importing `tui` does not import Textual or the model; `tui.app` does the former only.

- `app`: the state (articles, analysis, brief, choice) and the workers that run the core calls.
- `bindings`: every key; `actions/`: what each key does (a core call plus a redraw), typed against
  the `briefing.Briefing` protocol so that nothing imports the app back; `commands`: the palette.
- `choice`: how the brief chooses (method, prompt, focus); `checks`: what a dialog accepts.
- `screens/`: main, themes, help, and the dialogs (text input, confirm, source and prompt pickers);
  `widgets/`: the panes. `workers`, `plain`, `terminal`: what those share.
The TUI imports the core (`summarize`), never the CLI: tests/tui/test_tui_layout.py checks it.
"""
