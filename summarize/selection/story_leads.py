"""Every story a brief's title names gets a sentence: a plain brief of separate stories ("2 separate
stories: Warehouse fire kills four; Local library wins national award") whose ranker chose none of a
named story's sentences takes that story's lead in place of the other stories' least-scored
sentences, when the budget holds it beside at least one sentence of each of them."""

from __future__ import annotations

from collections.abc import Sequence

from ..clustering.stories import TITLED_STORIES, story_ranks
from ..records import Analysis
from .base import Choice
from .features import eligible


def with_story_leads(analysis: Analysis, choices: Sequence[Choice], words: int) -> list[Choice]:
    """`choices` with the lead (its earliest eligible sentence, of its first article on a tie) of each
    story the title names that has none, taking the place of the least-scored sentences of stories
    that keep another; a story whose lead does not fit so stays without (the brief's notes say so)."""
    ranks = story_ranks(analysis)
    if not any(ranks):
        return list(choices)
    sentences = analysis.sentences
    chosen = list(choices)
    for place in range(min(TITLED_STORIES, max(ranks) + 1)):
        if any(ranks[sentences[choice.sentence].document] == place for choice in chosen):
            continue
        leads = [i for i, s in enumerate(sentences) if ranks[s.document] == place and eligible(s)]
        if not leads:
            continue
        lead = min(leads, key=lambda i: (sentences[i].position, sentences[i].document))
        kept = list(chosen)
        while sum(sentences[c.sentence].words for c in kept) + sentences[lead].words > words:
            told = [ranks[sentences[c.sentence].document] for c in kept]
            spare = [c for c, story in zip(kept, told, strict=True) if told.count(story) > 1]
            if not spare:
                break
            kept.remove(min(reversed(spare), key=lambda c: c.score))  # the last of equal scores goes
        if sum(sentences[c.sentence].words for c in kept) + sentences[lead].words <= words:
            chosen = [*kept, Choice(lead, min((c.score for c in kept), default=0.0))]
    return chosen
