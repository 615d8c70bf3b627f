"""How well each sentence answers a prompt's questions: the question, the story and relevance.

Nothing is embedded again but the questions, with the analysis's model. A sentence's relevance to a
question combines three readings:

- **Meaning**: its cosine to the question, standardised over the story's sentences (a short, generic
  question sits close to every sentence; what counts is being closer than the rest).
- **Kind of answer**: the question's wording says what kind of sentence answers it, the way a
  question-answering system reads "who" or "when". Asked what someone said or how a side responded:
  attributed statements and quotations. Asked about background, history or earlier events: sentences
  that mention an earlier year or the past ("since", "has long", "in recent years"). Asked what
  happened or was decided: the articles' leads, not the past, not quotations. Asked when: dates. A
  generic question ("How did each side respond?") is answered by any sentence of its kind.
- **Subject**: the words that name what a question is about ("Lavrov", "Council", "2014"; not
  "what", "respond" or "officials") must occur in the articles, and a sentence answers only if it
  names the rarest of them (a quotation: or the sentence it continues). Asked what someone said
  ("How did Russia respond?"), only that party's speakers answer: those the articles describe with
  the subject's name ("Russian Foreign Minister Sergey Lavrov", "Kremlin spokesman Dmitry Peskov",
  who is the Kremlin's and so Russia's). A question about what the articles never mention gets
  nothing: its section says "No article addresses this." instead of being padded.

The selection program that uses these readings is `summarize.sections.compose`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..records import Analysis
from ..text.bigrams import STOP_WORDS, content_tokens
from ..text.cues import DOUBLE_QUOTES, in_quotation, is_attributed, outside_quotes, starts_referring
from ..text.dates import calendar, is_past
from ..text.speakers import attributed, speaker_descriptions, speaker_names, speaker_sides, speakers
from .prompts import Prompt

# A question's wording -> the kind of sentence that answers it.
ANSWER_CUES = {
    "statement": re.compile(
        r"\b(say|says|said|saying|respond\w*|react\w*|statements?|comment\w*|critici[sz]\w*|condemn\w*|"
        r"defend\w*|accus\w*|warn\w*|claim\w*|repl(?:y|ied|ies)|views?|positions?|stances?|quot\w*|"
        r"spokes\w*|told|tell|argue\w*|justif\w*|explain\w*|reasons?)\b",
        re.IGNORECASE,
    ),
    "past": re.compile(
        r"\b(background|history|historical|before|earlier|previous\w*|past|years|led|lead(?:ing)? up|"
        r"origins?|context|since|ago|roots?|again|precedents?)\b",
        re.IGNORECASE,
    ),
    "event": re.compile(
        r"\b(happen\w*|decid\w*|decisions?|announc\w*|news|facts?|took place|occur\w*|done|actions?)\b",
        re.IGNORECASE,
    ),
    "date": re.compile(r"\b(when|dates?|days?|timeline|order|sequence|chronolog\w*|unfold\w*)\b", re.IGNORECASE),
}
_PAST = re.compile(
    r"\b(since|has long|have long|had long|long had|in recent years|previously|years ago|months ago|history|"
    r"historic|for years|decades?|decade-old|already|earlier|at the time|first time|in the past|cold war)\b",
    re.IGNORECASE,
)
# Words a question asks with, not words that name its subject: they need not occur in the articles.
FRAME_WORDS = frozenset(
    """happen happened happening happens decide decided decides decision decisions announce announced
    announcement respond responded response responses react reacted reaction reactions say said says
    saying tell told side sides each party parties official officials government governments leader
    leaders spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople minister ministers
    expert experts analyst analysts observer observers background context history historical event
    events lead led leading earlier previous previously past year years day days date dates time times
    timeline order sequence first next last consequence consequences mean means meaning why reason
    reasons cause caused causes explain explained justify justified other others people involved
    affected key main fact facts news story action actions take taken took make made do did does done
    change changed changes follow followed else important matter matters according view views position
    positions stance comment comments statement statements criticize criticise criticized criticised
    defend defended accuse accused warn warned claim claimed outside international world country
    countries relation relations relationship unfold unfolded come came end ended begin began start
    started place part role whole way ways kind thing things anyone anything someone something like
    similar former current develop developed development many much long ago since before after again
    precedent precedents origin origins root roots step steps move moves stand stood one two think
    thought describe described""".split()
)
_FRAME_TOKENS = frozenset(token for word in FRAME_WORDS for token in content_tokens(word))

W_KIND = 2.5  # a sentence of the kind a question asks for: worth 2.5 standard deviations of meaning
W_SUBJECT = 2.0  # a sentence naming all of a question's subject words
STRONG_MEANING = 1.5  # standard deviations: close enough in meaning to answer a question on its subject
MIN_RELEVANCE = 1.0  # a question that names a subject or asks no kind: below this, off topic


@dataclass(frozen=True)
class Question:
    text: str
    kinds: tuple[str, ...]  # keys of ANSWER_CUES
    subject: tuple[str, ...]  # stemmed words that name what it asks about


def read_question(text: str) -> Question:
    """What kind of answer a question asks for, and the words that name its subject."""
    kinds = tuple(kind for kind, cue in ANSWER_CUES.items() if cue.search(text))
    if len(kinds) > 1:  # "what happened before", "who criticized the decision": the other kind is asked
        kinds = tuple(kind for kind in kinds if kind != "event")
    subject = tuple(dict.fromkeys(
        token for token in content_tokens(text) if token not in STOP_WORDS and token not in _FRAME_TOKENS and len(token) > 1
    ))
    return Question(text, kinds, subject)


def section_kinds(questions: Sequence[str]) -> frozenset[str]:
    """The kinds of answer at least half of a section's questions ask for."""
    asked = [read_question(q).kinds for q in questions]
    return frozenset(k for k in ANSWER_CUES if 2 * sum(k in kinds for kinds in asked) >= len(asked))


def names(word: str, words: set[str]) -> bool:
    """Whether `words` name `word`, allowing for endings the stemmer keeps ("Russia", "Russian")."""
    return word in words or (len(word) >= 4 and any(
        len(other) >= 4 and (other.startswith(word) or word.startswith(other)) for other in words))


class Story:
    """What sections need to know about an analysis's sentences, read once: their kinds, dates,
    speakers and sides, and the words in and around them."""

    def __init__(self, analysis: Analysis) -> None:
        texts = [d.text for d in analysis.documents]
        sentences = analysis.sentences
        self.calendar = calendar(texts)
        self.dates = [self.calendar.key(s.text) for s in sentences]
        quoted = [in_quotation(s, texts[s.document]) for s in sentences]
        # Who a sentence itself names as its speaker; who says it (a quotation takes its neighbour's).
        self.named = [found[-1].lower() if found else None for found in (attributed(s.text) for s in sentences)]
        self.speakers = speakers(sentences, texts)
        self.speaker_names = speaker_names(sentences)
        self.sides = speaker_sides(sentences)
        self.described = {key: set(content_tokens(text)) for key, text in speaker_descriptions(sentences).items()}
        # A quotation that does not say whose it is: a reader of a brief could not tell who said it.
        self.orphan_quotes = [
            quoted[i] and self.named[i] is None and not is_attributed(outside_quotes(s.text))
            for i, s in enumerate(sentences)
        ]
        # Sentences that lean on the one before for what they are about: quotations, "He", "This".
        self.leans = [quoted[i] or starts_referring(s.text) for i, s in enumerate(sentences)]
        self.words = [set(content_tokens(s.text)) for s in sentences]
        self.neighbourhoods = []  # each sentence's words with its neighbours' in the same article
        for index, sentence in enumerate(sentences):
            around = set(self.words[index])
            for other in (index - 1, index + 1):
                if 0 <= other < len(sentences) and sentences[other].document == sentence.document:
                    around |= self.words[other]
            self.neighbourhoods.append(around)
        self.vocabulary = set().union(*self.words) if self.words else set()
        self.frequency = Counter(word for words in self.words for word in words)
        self.kinds = {kind: np.zeros(len(sentences)) for kind in ANSWER_CUES}
        for index, sentence in enumerate(sentences):
            earlier = is_past(sentence.text, self.calendar) or bool(_PAST.search(sentence.text))
            quoting = quoted[index] or bool(DOUBLE_QUOTES.search(sentence.text))
            self.kinds["statement"][index] = 1.0 if quoting or is_attributed(sentence.text) else 0.0
            self.kinds["past"][index] = 1.0 if earlier else 0.0
            # The event itself: what the leads report; not the past, and not a quotation.
            self.kinds["event"][index] = 0.0 if earlier or quoting else 1.0 if sentence.position < 3 else 0.5
            self.kinds["date"][index] = 1.0 if self.dates[index] is not None else 0.0

    def subject(self, question: Question) -> tuple[np.ndarray, np.ndarray] | None:
        """How fully each sentence names the question's subject (0..1), and whether it answers it;
        None if the articles do not mention the subject at all."""
        missing = [word for word in question.subject if not names(word, self.vocabulary)]
        if len(missing) > (1 if len(question.subject) >= 3 else 0):
            return None
        # Asked what someone said ("How did Russia respond?"): the statements of the speakers the
        # subject describes (the Kremlin's spokesman, Russia's foreign minister), not of others.
        if "statement" in question.kinds:
            voices = {key for key, described in self.described.items()
                      if any(names(word, described) for word in question.subject)}
            if voices:
                spoken = np.array([speaker in voices for speaker in self.speakers])
                return spoken.astype(float), spoken
        # Rare words name a subject more than common ones: "Council" more than "NATO".
        rarity = {w: np.log((1 + len(self.words)) / (1 + self.frequency.get(w, 0))) + 1e-3 for w in question.subject}
        rarest = {w for w, r in rarity.items() if r >= 0.5 * max(rarity.values())}
        named = np.zeros(len(self.words))
        answers = np.zeros(len(self.words), dtype=bool)
        for index, (own, around) in enumerate(zip(self.words, self.neighbourhoods)):
            for word in question.subject:
                here, near = names(word, own), names(word, around)
                named[index] += rarity[word] * (1.0 if here else 0.5 if near else 0.0)
                answers[index] |= word in rarest and (here or (near and self.leans[index]))
        return named / sum(rarity.values()), answers


def story_of(analysis: Analysis) -> Story:
    """The analysis's `Story`, read once for it (a shell re-briefs it with each prompt and length;
    reading its speakers and dates is most of a sectioned brief's work)."""
    return analysis.derived("relevance.story", lambda: Story(analysis))


def relevance(
    analysis: Analysis, prompt: Prompt, question_embeddings: np.ndarray, story: Story | None = None
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
            found = story.subject(question)
            if found is None:
                continue  # the articles never mention what it asks about
            named, answering = found
            score += W_SUBJECT * named
            answers &= answering
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
    return sorted(indexes, key=lambda i: (story.dates[i] or undated, analysis.sentences[i].document,
                                          analysis.sentences[i].position))


def by_speaker(indexes: Sequence[int], story: Story) -> list[tuple[str | None, list[int]]]:
    """Sentences grouped under their speaker's name, in the order each speaker first appears (None:
    no known speaker)."""
    groups: dict[str | None, list[int]] = {}
    for index in indexes:
        speaker = story.speakers[index]
        name = story.speaker_names.get(speaker, speaker) if speaker is not None else None
        groups.setdefault(name, []).append(index)
    return list(groups.items())
