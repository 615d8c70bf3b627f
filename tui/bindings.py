"""Every key the app answers, in one place: the main screen's (the help screen and the command palette
are built from this list too) and the app's own."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

WORD_STEP = 25
LENGTH = Binding.Group("Length")  # the footer shows "+ - l Length": room for every other key

# The main screen's keys; the help screen and the command palette are built from this list too.
BRIEF_BINDINGS = [
    Binding(
        "plus,equals_sign",
        "app.longer",
        "Longer",
        key_display="+",
        id="longer",
        tooltip=f"Widen the word budget by {WORD_STEP} words and re-rank",
        group=LENGTH,
    ),
    Binding(
        "minus",
        "app.shorter",
        "Shorter",
        key_display="-",
        id="shorter",
        tooltip=f"Tighten the word budget by {WORD_STEP} words and re-rank",
        group=LENGTH,
    ),
    Binding("l", "app.length", "Length", id="length", tooltip="Type an exact word budget", group=LENGTH),
    Binding(
        "p",
        "app.choose_prompt",
        "Prompt",
        id="choose-prompt",
        tooltip="Brief in a prompt's sections (briefing, reactions, timeline, your own file), or plainly",
    ),
    Binding("f", "app.focus", "Focus", id="focus", tooltip="Type a question: the brief keeps what answers it"),
    Binding(
        "m",
        "app.switch_method",
        "Method",
        id="switch-method",
        tooltip="Switch the ranking method between concepts and salience (no re-embedding)",
    ),
    Binding(
        "t", "app.themes", "Themes", id="themes", tooltip="Clusters of related content and the sources that report each"
    ),
    Binding(
        "e,ctrl+s",
        "app.export",
        "Export",
        id="export",
        tooltip="Write the brief to a file: markdown, JSON (a .json name) or a page to share (.html)",
    ),
    Binding(
        "a",
        "app.add_article",
        "Add",
        id="add-article",
        tooltip="Read more articles (a file, a folder, a web address, FILE.jsonl#ID) and rebuild",
    ),
    Binding(
        "x,delete", "app.remove_source", "Remove", id="remove-source", tooltip="Drop a source and rebuild the brief"
    ),
]

# Everywhere, over every screen.
APP_BINDINGS = [
    Binding("question_mark,f1", "help", "Help", key_display="?", id="help", tooltip="The keys and what the panes mean"),
    Binding("q", "quit", "Quit", id="quit", tooltip="Leave the app"),
]

# The main screen's footer lists the screen's keys before the app's: these copies of the app's keys
# come first there, so that a footer too narrow for every key (80 columns) still shows Help and Quit.
FOOTER_FIRST = [replace(binding, action=f"app.{binding.action}") for binding in APP_BINDINGS]
