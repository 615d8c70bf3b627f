"""How the brief chooses its sentences: the ranking method, and a prompt's sections or one focus
question. The app keeps one `Choice`; every re-rank composes the brief from it with the core call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from summarize.embedding.base import Embedder
from summarize.records import Analysis, Brief, SummarizeError
from summarize.sections.prompts import Prompt, shipped_prompts
from summarize.selection.registry import RANKER_NAMES, ranker_named

SECTIONED_METHOD = "concepts"  # the only ranker a sectioned brief chooses with (summarize.sections.compose)


@dataclass(frozen=True)
class Choice:
    method: str = RANKER_NAMES[0]
    prompt: Prompt | None = None
    focus: str | None = None  # a focus question; never together with a prompt

    @property
    def sectioned(self) -> bool:
        return self.prompt is not None or self.focus is not None

    @property
    def label(self) -> str:
        """What the header shows besides the method (a long question wraps there, at words)."""
        if self.prompt is not None:
            return self.prompt.title
        return f"focus: {self.focus}" if self.focus is not None else ""

    @property
    def sections(self) -> str:
        """The sections in words, for messages."""
        if self.prompt is not None:
            return f"the {self.prompt.title} prompt's sections"
        return f"the focus on “{self.focus}”" if self.focus is not None else "no sections"

    def plain(self) -> Choice:
        return replace(self, prompt=None, focus=None)

    def other_method(self) -> str:
        return RANKER_NAMES[(RANKER_NAMES.index(self.method) + 1) % len(RANKER_NAMES)]


def compose(analysis: Analysis, words: int, choice: Choice, embedder: Embedder) -> Brief:
    """The brief at `words` as `choice` says. Runs in a worker: the first use of a prompt embeds its
    questions (only those: the articles' sentences are embedded already)."""
    from summarize.pipeline import compose_brief

    return compose_brief(
        analysis,
        words,
        ranker_named(choice.method),
        prompt=choice.prompt,
        focus=choice.focus,
        embedder=embedder if choice.sectioned else None,
    )


@cache
def prompts() -> tuple[Prompt, ...]:
    """The shipped prompts, read once: they do not change while the app runs."""
    return shipped_prompts()


def available_prompts() -> tuple[tuple[Prompt, ...], str]:
    """The shipped prompts, and why they cannot be listed ("" when they can)."""
    try:
        return prompts(), ""
    except SummarizeError as error:
        return (), str(error)
