"""The app's actions that change how the brief chooses its sentences: a prompt's sections (`p`), a
focus question (`f`), the plain brief, and the ranking method (`m`). Each sets the app's `Choice` and
re-ranks: nothing is embedded again but a prompt's questions, once."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from summarize.records import SummarizeError
from summarize.sections.prompts import Prompt, load_prompt

from ..briefing import Briefing
from ..checks import check_focus, check_prompt_file, expand
from ..choice import SECTIONED_METHOD, Choice, available_prompts
from ..plain import one_line
from ..screens.prompt_picker import FOCUS, FROM_FILE, PLAIN, PromptPicker, prompt_key
from ..screens.text_input import TextInputScreen
from .answered import if_answered


class ChoosingActions:
    """Mixed into BriefingApp, whose `choice`, `words` and `rebrief` these use."""

    plain_budget: tuple[int, int] | None  # (see `Briefing`)

    def action_choose_prompt(self: Briefing) -> None:
        shipped, problem = available_prompts()
        if problem:
            self.notify(problem, title="Cannot list the shipped prompts", severity="error", markup=False)
        self.push_screen(PromptPicker(shipped, current_key(self.choice, shipped)), partial(picked, self))

    def action_prompt_file(self: Briefing) -> None:
        mine = self.choice.prompt if current_key(self.choice, available_prompts()[0]) == FROM_FILE else None
        current = mine.path if mine is not None else ""  # a shipped prompt's path is no file to edit
        self.push_screen(
            TextInputScreen(
                "Brief in the sections of a prompt file",
                current,
                placeholder="path/to/prompt.md",
                hint="A .md prompt (copy one: summarize prompts briefing > mine.md) or a shipped prompt's name;"
                " → completes a path",
                check=check_prompt_file,
                complete_paths=True,
            ),
            partial(prompt_from, self),
        )

    def action_focus(self: Briefing) -> None:  # `f`: a focus question, not Textual's focus-a-widget
        self.push_screen(
            TextInputScreen(
                "Focus the brief on a question",
                self.choice.focus or "",
                placeholder="How did Russia respond?",
                hint="The brief keeps what answers it; Enter applies, Escape cancels",
                check=check_focus,
            ),
            if_answered(self.focus_on),
        )

    def choose_prompt(self: Briefing, prompt: Prompt) -> None:
        """Brief in `prompt`'s sections, at the budget it suggests (+ and - change it then)."""
        words = prompt.words or self.words
        if words != self.words:
            self.notify(
                f"{one_line(prompt.title)} in {words} words, the budget it suggests; + and - change it.", markup=False
            )
        self.set_choice(Choice(SECTIONED_METHOD, prompt=prompt), words)

    def focus_on(self: Briefing, question: str) -> None:
        self.set_choice(Choice(SECTIONED_METHOD, focus=" ".join(question.split())))

    def plain_brief(self: Briefing) -> None:
        if not self.choice.sectioned:
            self.notify("The brief has no sections already.", severity="warning")
            return
        self.set_choice(self.choice.plain())

    def action_switch_method(self: Briefing) -> None:
        method = self.choice.other_method()
        if self.choice.sectioned and method != SECTIONED_METHOD:
            self.notify(
                f"{method.capitalize()} ranks a plain brief only: sections are chosen by {SECTIONED_METHOD}. "
                f"Dropped {self.choice.sections}.",
                title="Plain brief",
                severity="warning",
                markup=False,
            )
            self.set_choice(Choice(method))
        else:
            self.set_choice(replace(self.choice, method=method))

    def set_choice(self: Briefing, choice: Choice, words: int | None = None) -> None:
        """Brief as `choice` says, at `words` (None: the budget in use). A prompt's own budget is
        its brief's only: back to the plain brief, the plain brief's budget is back too (unless the
        prompt's was changed since, by + - or l: the reader's choice then stays)."""
        if choice.sectioned and self.choice.method != choice.method:
            self.notify(f"Sections are chosen by {choice.method}: switched from {self.choice.method}.", markup=False)
        if words is not None and words != self.words and choice.sectioned:
            # a prompt's budget: remember the plain brief's (the first prompt's switch only)
            plain = self.plain_budget[0] if self.plain_budget is not None else self.words
            self.plain_budget = (plain, words)
        elif not choice.sectioned and self.plain_budget is not None:
            plain, prompts = self.plain_budget
            self.plain_budget = None
            if words is None and self.words == prompts and plain != prompts:
                words = plain
                self.notify(f"The plain brief in {plain} words, its own budget; + and - change it.", markup=False)
        self.choice = choice
        self.words = words or self.words
        if self.analysis is None:
            self.notify("The brief will be built this way once the articles are read.", markup=False)
        self.rebrief()


def current_key(choice: Choice, shipped: tuple[Prompt, ...]) -> str:
    """The picker's entry for `choice`, to mark it as the current one."""
    if choice.focus is not None:
        return FOCUS
    if choice.prompt is None:
        return PLAIN
    return prompt_key(choice.prompt) if choice.prompt in shipped else FROM_FILE


def picked(app: Briefing, key: str | None) -> None:
    """What the prompt picker returns, acted on."""
    if key == FROM_FILE:
        app.action_prompt_file()
    elif key == FOCUS:
        app.action_focus()
    elif key == PLAIN:
        app.plain_brief()
    elif key is not None:
        shipped, _ = available_prompts()
        app.choose_prompt(next(prompt for prompt in shipped if prompt_key(prompt) == key))


def prompt_from(app: Briefing, value: str | None) -> None:
    """The prompt file the dialog returns (None: cancelled), used."""
    if value is None:
        return
    try:
        prompt = load_prompt(expand(value))
    except SummarizeError as error:  # the file changed since the dialog checked it
        app.notify(str(error), title="Cannot use the prompt", severity="error", markup=False)
        return
    app.choose_prompt(prompt)
