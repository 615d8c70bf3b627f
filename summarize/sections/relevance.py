"""How well each sentence answers a prompt's questions (read by `summarize.sections.questions`), from
the analysis's `summarize.sections.story`.

Nothing is embedded again but the questions (and, for a subject word no article uses, the
articles' words), with the analysis's model. A sentence's relevance to a
question combines three readings:

- **Meaning**: its cosine to the question, standardised over the story's sentences (a short, generic
  question sits close to every sentence; what counts is being closer than the rest).
- **Kind of answer**: the question's wording says what kind of sentence answers it, the way a
  question-answering system reads "who" or "when". Asked what someone said or how a side responded:
  attributed statements and quotations. Asked about background, history or earlier events: sentences
  that mention an earlier year or the past ("since", "has long", "in recent years"). Asked what
  happened or was decided: the articles' leads, not the past, not quotations. Asked when: dates.
  Asked how many or how much: counts ("12 workers", "3,000", "dozens"; not a year). Asked why or
  what caused something: sentences that give a cause, a blame or an inquiry into one. A
  generic question ("How did each side respond?") is answered by any sentence of its kind.
- **Subject**: the words that name what a question is about ("Lavrov", "Council", "2014"; not
  "what", "respond" or "officials") must occur in the articles (a word of a family of news words,
  or in the family's other words: "died" in "killed", `summarize.sections.related_words`), and a
  sentence answers only if it names the rarest of them (a quotation: or the sentence it continues).
  Asked what someone said ("How did Russia respond?"), only that party's speakers answer: those the
  articles describe with the subject's name ("Russian Foreign Minister Sergey Lavrov", "Kremlin
  spokesman Dmitry Peskov", who is the Kremlin's and so Russia's). A question about what the articles never mention gets
  nothing: its section says "No article addresses this." instead of being padded.

The selection program that uses these readings is `summarize.sections.compose`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..records import Analysis
from .prompts import Prompt
from .questions import read_question
from .story import Story, story_of

W_KIND = 2.5  # a sentence of the kind a question asks for: worth 2.5 standard deviations of meaning
W_SUBJECT = 2.0  # a sentence naming all of a question's subject words
STRONG_MEANING = 1.5  # standard deviations: close enough in meaning to answer a question on its subject
MIN_RELEVANCE = 1.0  # a question that names a subject or asks no kind: below this, off topic


def relevance(
    analysis: Analysis,
    prompt: Prompt,
    question_embeddings: np.ndarray,
    story: Story | None = None,
    related: Mapping[str, frozenset[str]] | None = None,
) -> np.ndarray:
    """Sections x sentences: how well each sentence answers the best of a section's questions, in
    standard deviations of meaning; -inf where it answers none. A section in date order takes only
    sentences that mention a date; one grouped by speaker only sentences someone says."""
    questions = [read_question(q) for section in prompt.sections for q in section.questions]
    if question_embeddings.shape[0] != len(questions):
        raise ValueError(f"{question_embeddings.shape[0]} embeddings given for {len(questions)} questions")
    story = story or story_of(analysis)
    count = len(analysis.sentences)
    cosine = question_embeddings @ analysis.embeddings.T  # questions x sentences
    spread = cosine.std(axis=1, keepdims=True)
    meaning = (cosine - cosine.mean(axis=1, keepdims=True)) / np.where(spread > 1e-9, spread, 1.0)
    scores = np.full((len(questions), count), -np.inf)
    for row, question in enumerate(questions):
        score = meaning[row].copy()
        answers = np.ones(count, dtype=bool)
        if question.kinds:
            kind = np.mean([story.kinds[k] for k in question.kinds], axis=0)
            score += W_KIND * kind
            # Of the kind asked for; on a named subject, a sentence very close in meaning will do too.
            answers &= (kind >= 0.5) | ((meaning[row] >= STRONG_MEANING) & bool(question.subject))
        if question.subject:
            found = story.subject(question, related)
            if found is None:
                continue  # the articles never mention what it asks about
            named, answering = found
            score += W_SUBJECT * named
            # A sentence very close in meaning may name it in the sentence before ("The blast happened
            # ... in a storage building that held ammonium nitrate" after "An explosion tore through ...").
            answers &= answering | ((meaning[row] >= STRONG_MEANING) & (named > 0))
        if question.subject or not question.kinds:
            answers &= score >= MIN_RELEVANCE
        scores[row] = np.where(answers, score, -np.inf)
    result = np.full((len(prompt.sections), count), -np.inf)
    row = 0
    for index, section in enumerate(prompt.sections):
        result[index] = scores[row : row + len(section.questions)].max(axis=0)
        row += len(section.questions)
        if section.order == "date":
            result[index][[date is None for date in story.dates]] = -np.inf
        if section.group == "speaker":
            result[index][[speaker is None for speaker in story.speakers]] = -np.inf
    return result


def assign(relevance_matrix: np.ndarray) -> np.ndarray:
    """The section each sentence is most relevant to (-1: none)."""
    if not relevance_matrix.size:
        return np.full(relevance_matrix.shape[1] if relevance_matrix.ndim == 2 else 0, -1)
    best = relevance_matrix.argmax(axis=0)
    return np.where(np.isfinite(relevance_matrix.max(axis=0)), best, -1)


def date_order(analysis: Analysis, indexes: Sequence[int], story: Story | None = None) -> list[int]:
    """Sentences in the order of the first date each mentions; those that mention none follow, in
    article order."""
    story = story or story_of(analysis)
    undated = (10**6, 0, 0)
    return sorted(
        indexes,
        key=lambda i: (story.dates[i] or undated, analysis.sentences[i].document, analysis.sentences[i].position),
    )


# The heading of a speaker-grouped section's sentences that no named person says.
UNATTRIBUTED = "Unattributed"


def by_speaker(indexes: Sequence[int], story: Story) -> list[tuple[str, list[int]]]:
    """Sentences grouped under their speaker's name, in the order each speaker first appears (those
    with no known speaker under UNATTRIBUTED)."""
    groups: dict[str, list[int]] = {}
    for index in indexes:
        speaker = story.speakers[index]
        name = story.speaker_names.get(speaker, speaker) if speaker is not None else UNATTRIBUTED
        groups.setdefault(name, []).append(index)
    return list(groups.items())
