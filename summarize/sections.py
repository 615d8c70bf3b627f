"""Sectioned briefs: a prompt's questions steer which sentences each section takes.

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

Each sentence can go only to the section it is most relevant to. One integer program then chooses
every section's sentences at once: Gillick & Favre's concept coverage as `ConceptRanker` (widely
reported, informative content, each concept counted once in the whole brief, and worth most to the
section whose sentences mention it), plus rewards for relevance, for each source cited, for each side
and speaker heard in a section that asks what people said and for each date in a timeline; at most
one sentence per cluster in the whole brief; every section with relevant material gets a sentence
when the budget allows; each section aims at its share of the budget and may use words another
cannot. A quotation that does not say whose it is never makes a brief.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .concept_ranker import ConceptRanker
from .concepts import STOP_WORDS, bigrams, content_tokens
from .dates import calendar, is_past
from .embedding import Embedder
from .prompts import Prompt
from .records import Analysis, Brief, BriefGroup, BriefSection, BriefSentence, SummarizeError
from .selection import SalienceRanker, containment, eligible
from .speakers import (
    attributed,
    in_quotation,
    outside_quotes,
    speaker_descriptions,
    speaker_names,
    speaker_sides,
    speakers,
)

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
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|saying|told|tells|added|adds|stated|accused|accuses|complained|complains|warned|warns|"
    r"claimed|claims|dismissed|reiterated|insisted|argued|denied|urged|quoted|according to|regrets?|"
    r"slammed|critici[sz]ed|condemned|praised|welcomed|defended|responded|replied|described|cited|called)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”]")
_PAST = re.compile(
    r"\b(since|has long|have long|had long|long had|in recent years|previously|years ago|months ago|history|"
    r"historic|for years|decades?|decade-old|already|earlier|at the time|first time|in the past|cold war)\b",
    re.IGNORECASE,
)
_LEANING_START = re.compile(r"(he|she|they|it|we|i|this|that|these|those)\b", re.IGNORECASE)
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
# In the selection, in units of a typical word's concept gain (per word, or per 20 words for bonuses).
RELEVANCE_WEIGHT = 1.0  # per word, scaled by how relevant the sentence is (0.5 to 1.5)
SOURCE_WEIGHT = 0.25  # each source cited
SECTION_WEIGHT = 3.0  # a section that has something relevant should get at least one sentence
SIDE_WEIGHT = 1.0  # each side heard in a section that asks what people said ("each side")
SPEAKER_WEIGHT = 0.25  # each speaker heard there
GROUPED_SPEAKER_WEIGHT = 0.6  # each speaker heard in a section that shows who said what
DATE_WEIGHT = 0.4  # each date in a section in date order
OVERFLOW_COST = 2.0  # per word a section takes beyond its share


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


def section_kinds(questions: Sequence[str]) -> frozenset:
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
            quoted[i] and self.named[i] is None and not _ATTRIBUTION.search(outside_quotes(s.text))
            for i, s in enumerate(sentences)
        ]
        # Sentences that lean on the one before for what they are about: quotations, "He", "This".
        self.leans = [quoted[i] or bool(_LEANING_START.match(s.text)) for i, s in enumerate(sentences)]
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
            quoting = quoted[index] or bool(_QUOTE.search(sentence.text))
            self.kinds["statement"][index] = 1.0 if quoting or _ATTRIBUTION.search(sentence.text) else 0.0
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


def relevance(
    analysis: Analysis, prompt: Prompt, question_embeddings: np.ndarray, story: Story | None = None
) -> np.ndarray:
    """Sections x sentences: how well each sentence answers the best of a section's questions, in
    standard deviations of meaning; -inf where it answers none. A section in date order takes only
    sentences that mention a date; one grouped by speaker only sentences someone says."""
    questions = [read_question(q) for section in prompt.sections for q in section.questions]
    if question_embeddings.shape[0] != len(questions):
        raise ValueError(f"{question_embeddings.shape[0]} embeddings given for {len(questions)} questions")
    story = story or Story(analysis)
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


@dataclass(frozen=True)
class _Candidate:
    sentence: int
    section: int
    relevance: float


class _Program:
    """A maximisation over 0..1 variables with <= rows, built by name, solved with scipy's milp."""

    def __init__(self) -> None:
        self.gain: list[float] = []
        self.upper: list[float] = []
        self.binary: list[bool] = []
        self.rows: list[tuple[list[int], list[float], float]] = []

    def variable(self, gain: float, upper: float = 1.0, binary: bool = False) -> int:
        self.gain.append(gain)
        self.upper.append(upper)
        self.binary.append(binary)
        return len(self.gain) - 1

    def at_most(self, terms: dict[int, float], bound: float) -> None:
        self.rows.append((list(terms), list(terms.values()), bound))

    def solve(self, time_limit: float) -> np.ndarray | None:
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import csr_matrix

        rows = [r for r, (columns, _, _) in enumerate(self.rows) for _ in columns]
        columns = [c for columns, _, _ in self.rows for c in columns]
        values = [v for _, values, _ in self.rows for v in values]
        matrix = csr_matrix((values, (rows, columns)), shape=(len(self.rows), len(self.gain)))
        result = milp(
            -np.array(self.gain),
            constraints=LinearConstraint(matrix, -np.inf, np.array([bound for _, _, bound in self.rows])),
            integrality=np.array(self.binary, dtype=float),
            bounds=Bounds(np.zeros(len(self.gain)), np.array(self.upper)),
            options={"time_limit": time_limit},
        )
        return result.x


def _select(
    analysis: Analysis,
    candidates: list[_Candidate],
    owner: np.ndarray,
    caps: Sequence[float],
    budget: int,
    ranker: ConceptRanker,
    asks: Sequence[frozenset],
    varieties: Sequence[Sequence[tuple[Sequence, float]]],
) -> list[_Candidate]:
    """The integer program over every section at once (see the module's docstring).

    A concept is worth its `ConceptRanker` weight to a section in proportion to how many of the
    sentences that mention it belong to that section: the expulsion itself is "what happened"'s to
    report, the Kremlin's words "how each side responded"'s. The lead and headline bonuses say what
    the story is about: they count only in a section that asks what happened (retelling the event is
    not a reaction)."""
    sentences = analysis.sentences
    sections = len(caps)
    concepts = [bigrams(s.text) for s in sentences]
    headline = ranker.concept_weights(analysis, concepts)
    plain = ConceptRanker(ranker.min_documents, lead_weight=0.0, title_weight=0.0).concept_weights(analysis, concepts)
    holders: dict = {}  # concept -> how many of the sentences mentioning it each section holds
    for index, section in enumerate(owner):
        if section >= 0:
            for concept in concepts[index] & headline.keys():
                holders.setdefault(concept, np.zeros(sections))[section] += 1
    worth = {
        (concept, section): (headline if "event" in asks[section] else plain)[concept] * count / held.sum()
        for concept, held in holders.items() for section, count in enumerate(held) if count
    }
    standalone = containment(analysis)
    words = [sentences[x.sentence].words for x in candidates]
    covered = [sum(worth.get((c, x.section), 0.0) for c in concepts[x.sentence]) for x in candidates]
    unit = float(np.median([c / w for c, w in zip(covered, words)])) if candidates else 1.0
    unit = unit if unit > 0 else 1.0  # a typical word's worth of concept gain

    program = _Program()
    chosen = []
    for x, size, gain in zip(candidates, words, covered):
        fit = min(1.5, max(0.5, 0.5 + (x.relevance - MIN_RELEVANCE) / 2))
        chosen.append(program.variable(
            RELEVANCE_WEIGHT * unit * size * fit * standalone[x.sentence]
            - ranker.context_penalty * (1.0 - standalone[x.sentence]) * gain,  # leaning on context
            binary=True,
        ))
    program.at_most({column: float(size) for column, size in zip(chosen, words)}, float(budget))

    def reward(members: dict[object, list[int]], gain) -> dict[object, int]:
        """A 0..1 variable per key, worth `gain(key)`, that is 1 only if one of its columns is chosen."""
        variables = {}
        for key, columns in members.items():
            variables[key] = program.variable(gain(key))
            program.at_most({variables[key]: 1.0, **{c: -1.0 for c in columns}}, 0.0)
        return variables

    by_pair: dict = {}
    by_source: dict = {}
    by_section: dict = {}
    by_label: dict = {}
    by_cluster: dict = {}
    for column, x in zip(chosen, candidates):
        for concept in concepts[x.sentence]:
            if (concept, x.section) in worth:
                by_pair.setdefault((concept, x.section), []).append(column)
        by_source.setdefault(sentences[x.sentence].document, []).append(column)
        by_section.setdefault(x.section, []).append(column)
        for kind, (labels, _) in enumerate(varieties[x.section]):
            if labels[x.sentence] is not None:
                by_label.setdefault((x.section, kind, labels[x.sentence]), []).append(column)
        by_cluster.setdefault(analysis.cluster_of[x.sentence], []).append(column)
    pairs = reward(by_pair, lambda pair: worth[pair])
    by_concept: dict = {}
    for (concept, _), variable in pairs.items():
        by_concept.setdefault(concept, []).append(variable)
    for variables in by_concept.values():
        if len(variables) > 1:
            program.at_most({v: 1.0 for v in variables}, 1.0)  # a concept counts once in the brief
    reward(by_source, lambda _: SOURCE_WEIGHT * unit * 20)
    reward(by_section, lambda _: SECTION_WEIGHT * unit * 20)
    reward(by_label, lambda key: varieties[key[0]][key[1]][1] * unit * 20)
    for columns in by_cluster.values():
        if len(columns) > 1:
            program.at_most({c: 1.0 for c in columns}, 1.0)  # one sentence per cluster in the brief
    for section, columns in by_section.items():  # each section aims at its share
        overflow = program.variable(-OVERFLOW_COST * unit, upper=float(budget))
        program.at_most({**{c: float(sentences[x.sentence].words) for c, x in zip(chosen, candidates)
                            if x.section == section}, overflow: -1.0}, float(caps[section]))
    solution = program.solve(ranker.time_limit)
    if solution is None:
        return _greedy(analysis, candidates, budget)
    return [x for column, x in zip(chosen, candidates) if solution[column] > 0.5]


def _greedy(analysis: Analysis, candidates: list[_Candidate], budget: int) -> list[_Candidate]:
    """A fallback if the solver gives up: most relevant first, one per cluster, within the budget."""
    chosen, clusters, words = [], set(), 0
    for x in sorted(candidates, key=lambda x: (-x.relevance, x.sentence)):
        sentence = analysis.sentences[x.sentence]
        if analysis.cluster_of[x.sentence] in clusters or words + sentence.words > budget:
            continue
        chosen.append(x)
        clusters.add(analysis.cluster_of[x.sentence])
        words += sentence.words
    return chosen


def date_order(analysis: Analysis, indexes: Sequence[int], story: Story | None = None) -> list[int]:
    """Sentences in the order of the first date each mentions; those that mention none follow, in
    article order."""
    story = story or Story(analysis)
    undated = (10**6, 0, 0)
    return sorted(indexes, key=lambda i: (story.dates[i] or undated, analysis.sentences[i].document,
                                          analysis.sentences[i].position))


def by_speaker(indexes: Sequence[int], story: Story) -> list[tuple[str, list[int]]]:
    """Sentences grouped under their speaker's name, in the order each speaker first appears."""
    groups: dict[str, list[int]] = {}
    for index in indexes:
        name = story.speaker_names.get(story.speakers[index], story.speakers[index])
        groups.setdefault(name, []).append(index)
    return list(groups.items())


def compose_sectioned_brief(
    analysis: Analysis,
    prompt: Prompt,
    embedder: Embedder,
    words: int,
    ranker: ConceptRanker | None = None,
    focus: str | None = None,
    question_embeddings: np.ndarray | None = None,
) -> Brief:
    """A brief in the prompt's sections. `embedder` must be the model the analysis was made with; it
    embeds only the prompt's questions (pass `question_embeddings` to skip even that). Sentences
    read most important first within a section, or in date order (`order: date`), or under their
    speakers' names (`group: speaker`)."""
    from .brief import corroborations

    if words < 1:
        raise SummarizeError(f"the word budget must be a positive number, not {words}")
    ranker = ranker or ConceptRanker()
    if not isinstance(ranker, ConceptRanker):
        raise ValueError(f"a sectioned brief chooses with the concept model, not {ranker.name}")
    if question_embeddings is None:
        if embedder.name != analysis.model:
            raise ValueError(f"the questions must be embedded with {analysis.model}, not {embedder.name}")
        question_embeddings = embedder.embed([q for section in prompt.sections for q in section.questions])
    story = Story(analysis)
    matrix = relevance(analysis, prompt, np.asarray(question_embeddings), story)
    owner = assign(matrix)
    candidates = [
        _Candidate(i, int(owner[i]), float(matrix[owner[i], i]))
        for i, sentence in enumerate(analysis.sentences)
        if owner[i] >= 0 and eligible(sentence) and sentence.words <= words and not story.orphan_quotes[i]
    ]
    asks = [section_kinds(section.questions) for section in prompt.sections]
    sides = [story.sides.get(speaker) for speaker in story.named]  # a quotation counts where it names its speaker
    varieties = [
        [(sides, SIDE_WEIGHT), (story.named, GROUPED_SPEAKER_WEIGHT if section.group else SPEAKER_WEIGHT)]
        if "statement" in asks[number] or section.group
        else [(story.dates, DATE_WEIGHT)] if section.order == "date" else []
        for number, section in enumerate(prompt.sections)
    ]
    caps = [share * words for share in prompt.shares()]
    chosen = _select(analysis, candidates, owner, caps, words, ranker, asks, varieties) if candidates else []

    salience = SalienceRanker().scores(analysis)
    items: list[BriefSentence] = []
    sections: list[BriefSection] = []
    for number, section in enumerate(prompt.sections):
        mine = sorted((x.sentence for x in chosen if x.section == number), key=lambda i: (-salience[i], i))
        if section.order == "date":
            mine = date_order(analysis, mine, story)
        groups = by_speaker(mine, story) if section.group == "speaker" else []
        if groups:  # each speaker's words together, the speaker of the most important first
            mine = [index for _, members in groups for index in members]
        place = {index: len(items) + offset for offset, index in enumerate(mine)}
        items += [
            BriefSentence(
                sentence=analysis.sentences[index],
                cluster=analysis.clusters[analysis.cluster_of[index]].id,
                score=round(float(salience[index]), 4),
                also_in=corroborations(analysis, index),
            )
            for index in mine
        ]
        sections.append(BriefSection(
            section.title,
            section.questions,
            tuple(place[index] for index in mine),
            addressed=bool(np.isfinite(matrix[number]).any()),
            groups=tuple(BriefGroup(name, tuple(place[i] for i in members)) for name, members in groups),
        ))
    return Brief(
        analysis.documents, tuple(items), analysis.clusters, words, ranker.name, analysis.model,
        sections=tuple(sections), focus=focus,
    )
