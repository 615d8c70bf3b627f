"""The app's actions on the word budget: `+` and `-` by a step, `l` for an exact number."""

from __future__ import annotations

from summarize.records import MAX_WORDS

from ..bindings import WORD_STEP
from ..briefing import Briefing
from ..checks import check_words
from ..screens.text_input import TextInputScreen
from .answered import if_answered


class BudgetActions:
    """Mixed into BriefingApp; each change re-ranks at once (no re-embedding)."""

    def set_words(self: Briefing, words: int) -> None:
        self.words = words
        if self.analysis is None:
            self.notify(f"The brief will use {words} words once it is built.", markup=False)
        self.rebrief()

    def action_longer(self: Briefing) -> None:
        self.set_words(min(MAX_WORDS, self.words + WORD_STEP))

    def action_shorter(self: Briefing) -> None:
        if self.words <= WORD_STEP:
            self.notify(f"The budget is {self.words} words already; press l for an exact number.", severity="warning")
            return
        self.set_words(max(WORD_STEP, self.words - WORD_STEP))

    def action_length(self: Briefing) -> None:
        self.push_screen(
            TextInputScreen(
                "Word budget for the brief",
                str(self.words),
                placeholder="a whole number, e.g. 200",
                hint=f"1 to {MAX_WORDS:,}; Enter applies, Escape cancels",
                check=check_words,
            ),
            if_answered(lambda value: self.set_words(int(value))),
        )
