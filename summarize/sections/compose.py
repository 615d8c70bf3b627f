"""Sectioned briefs: a prompt's questions steer which sentences each section takes.

How relevant each sentence is to each section's questions is `summarize.sections.relevance`'s to read.

Each sentence can go only to the section it is most relevant to. One integer program then chooses
every section's sentences at once: Gillick & Favre's concept coverage as `ConceptRanker` (widely
reported, informative content, each concept counted once in the whole brief, and worth most to the
section whose sentences mention it), plus rewards for relevance, for each source cited, for each side
and speaker heard in a section that asks what people said and for each date in a timeline; at most
one sentence per cluster in the whole brief; every section with relevant material gets a sentence
when the budget allows; each section aims at its share of the budget and may use words another
cannot. A quotation that does not say whose it is never makes a brief, nor a sentence that points
back to the one before it (summarize.selection.leaning), except under its speaker's name; one that
names its speaker by surname only ("Peskov said") comes with, and after, a sentence that introduces
them ("Kremlin spokesman Dmitry Peskov ..."; one that stands alone, as in a plain brief:
summarize.selection.support.introducers), in its section or an earlier one, except under their
name. A single-source development (summarize.clustering.developments) gets a place when one fits; no
two sentences report one fact.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from ..citations.corroboration import CorroborationJudge, FactJudge, find_candidates
from ..citations.same_fact_screen import same_fact_check, screened
from ..embedding.base import Embedder
from ..records import Analysis, Brief, BriefGroup, BriefSection, BriefSentence, SummarizeError
from ..selection.base import Choice, Ranker
from ..selection.concepts import ConceptRanker
from ..selection.features import eligible
from ..selection.ilp import Program
from ..selection.leaning import opens_with_connective, opens_with_event, stands_in_section, unnamed_speaker
from ..selection.reader_rows import solve_for_reader
from ..selection.salience import SalienceRanker
from ..selection.support import introduced_first, introducers
from ..selection.top_up import top_up
from ..text.bigrams import Concept
from ..text.cues import OPENING_QUOTES, opens_inside_quote
from ..text.story_copies import originals_of
from .prompts import Prompt
from .questions import names, read_question, section_kinds
from .related_words import related_words
from .relevance import MIN_RELEVANCE, assign, by_speaker, date_order, relevance
from .story import Story, story_of

_Key = TypeVar("_Key", bound=Hashable)

# In the selection, in units of a typical word's concept gain (per word, or per 20 words for bonuses).
RELEVANCE_WEIGHT = 1.0  # per word, scaled by how relevant the sentence is (0.5 to 1.5)
SOURCE_WEIGHT = 0.25  # each source cited
SECTION_WEIGHT = 3.0  # a section that has something relevant should get at least one sentence
SIDE_WEIGHT = 1.0  # each side heard in a section that asks what people said ("each side")
SPEAKER_WEIGHT = 0.25  # each speaker heard there
GROUPED_SPEAKER_WEIGHT = 0.6  # each speaker heard in a section that shows who said what
DATE_WEIGHT = 0.4  # each date in a section in date order
OVERFLOW_COST = 2.0  # per word a section takes beyond its share


def _speaks_for_itself(analysis: Analysis, story: Story, index: int, asked: set[str]) -> bool:
    """A whole quotation under the name of the speaker a section asks about (`asked`: the words of
    "What did the mayor say?" that name them; "“This is the worst day this town has ever seen,”
    Mayor Lionel Pratt told reporters"): what they said is the answer, whatever its “This” points to."""
    sentence = analysis.sentences[index]
    speaker = story.named[index]
    return (
        speaker is not None
        and any(names(word, story.described.get(speaker, set())) for word in asked)
        and sentence.text[:1] in OPENING_QUOTES
        and not opens_inside_quote(analysis.documents[sentence.document].text, sentence)
        and not opens_with_connective(sentence.text)
        and unnamed_speaker(sentence.text) is None  # "..., the NATO official told the AP": introduced before
        and not opens_with_event(sentence.text.lstrip(OPENING_QUOTES))
    )


def _undated(analysis: Analysis, prompt: Prompt, story: Story) -> list[int]:
    """For each section in date order, how many sentences a brief could take give no date (the reason
    a timeline is short: it takes none of them); 0 for the others."""
    count = sum(
        eligible(sentence) and not story.orphan_quotes[i] and story.dates[i] is None
        for i, sentence in enumerate(analysis.sentences)
    )
    return [count if section.order == "date" else 0 for section in prompt.sections]


def _repeated(
    analysis: Analysis, prompt: Prompt, story: Story, candidates: list[_Candidate], picked: list[int]
) -> list[int]:
    """For each section in date order, how many of its dated candidates it leaves out as news a sentence
    it gives reports (of a chosen sentence's cluster: a brief takes one sentence of each); 0 for the
    others. With `_undated`, the reasons a short timeline is short."""
    told = {analysis.cluster_of[i] for i in picked}
    taken = set(picked)
    return [
        sum(
            x.section == number
            and x.sentence not in taken
            and story.dates[x.sentence] is not None
            and analysis.cluster_of[x.sentence] in told
            for x in candidates
        )
        if section.order == "date"
        else 0
        for number, section in enumerate(prompt.sections)
    ]


@dataclass(frozen=True)
class _Candidate:
    sentence: int
    section: int
    relevance: float


def _select(
    analysis: Analysis,
    candidates: list[_Candidate],
    owner: np.ndarray,
    caps: Sequence[float],
    budget: int,
    ranker: ConceptRanker,
    asks: Sequence[frozenset[str]],
    varieties: Sequence[Sequence[tuple[Sequence[object], float]]],
    judge: CorroborationJudge,
    grouped: Sequence[bool],
) -> list[_Candidate]:
    """The integer program over every section at once (see the module's docstring).

    A concept is worth its `ConceptRanker` weight to a section in proportion to how many of the
    sentences that mention it belong to that section: the expulsion itself is "what happened"'s to
    report, the Kremlin's words "how each side responded"'s. The lead and headline bonuses say what
    the story is about: they count only in a section that asks what happened (retelling the event is
    not a reaction)."""
    sentences = analysis.sentences
    sections = len(caps)
    prepared = ranker.prepared(analysis)
    concepts = prepared.concepts
    # Article counts, with and without the lead and headline bonuses: the sections' balance was set on
    # that scale (learned weights are for plain briefs).
    counted = ConceptRanker(
        ranker.min_documents, ranker.lead_weight, ranker.lead_sentences, ranker.title_weight, model=None
    )
    headline = counted.prepared(analysis).weights
    plain = (
        ConceptRanker(ranker.min_documents, lead_weight=0.0, title_weight=0.0, model=None).prepared(analysis).weights
    )
    holders: dict[Concept, np.ndarray] = {}  # concept -> how many of the sentences mentioning it each section holds
    for index, section in enumerate(owner):
        if section >= 0:
            for concept in sorted(concepts[index] & headline.keys()):  # sorted: the same program every run
                holders.setdefault(concept, np.zeros(sections))[section] += 1
    worth = {
        (concept, section): (headline if "event" in asks[section] else plain)[concept] * count / held.sum()
        for concept, held in holders.items()
        for section, count in enumerate(held)
        if count
    }
    standalone = prepared.standalone
    words = [sentences[x.sentence].words for x in candidates]
    covered = [sum(worth.get((c, x.section), 0.0) for c in sorted(concepts[x.sentence])) for x in candidates]
    unit = float(np.median([c / w for c, w in zip(covered, words)])) if candidates else 1.0
    unit = unit if unit > 0 else 1.0  # a typical word's worth of concept gain

    program = Program()
    chosen = []
    for x, size, gain in zip(candidates, words, covered):
        fit = min(1.5, max(0.5, 0.5 + (x.relevance - MIN_RELEVANCE) / 2))
        chosen.append(
            program.variable(
                RELEVANCE_WEIGHT * unit * size * fit * standalone[x.sentence]
                - ranker.context_penalty * (1.0 - standalone[x.sentence]) * gain,  # leaning on context
                binary=True,
            )
        )
    program.at_most({column: float(size) for column, size in zip(chosen, words)}, float(budget))

    def reward(members: dict[_Key, list[int]], gain: Callable[[_Key], float]) -> dict[_Key, int]:
        """A 0..1 variable per key, worth `gain(key)`, that is 1 only if one of its columns is chosen."""
        variables: dict[_Key, int] = {}
        for key, columns in members.items():
            variables[key] = program.variable(gain(key))
            program.at_most({variables[key]: 1.0, **{c: -1.0 for c in columns}}, 0.0)
        return variables

    by_pair: dict[tuple[Concept, int], list[int]] = {}
    by_source: dict[int, list[int]] = {}
    by_section: dict[int, list[int]] = {}
    by_label: dict[tuple[int, int, object], list[int]] = {}
    by_cluster: dict[int, list[int]] = {}
    for column, x in zip(chosen, candidates):
        for concept in sorted(concepts[x.sentence]):
            if (concept, x.section) in worth:
                by_pair.setdefault((concept, x.section), []).append(column)
        by_source.setdefault(sentences[x.sentence].document, []).append(column)
        by_section.setdefault(x.section, []).append(column)
        for kind, (labels, _) in enumerate(varieties[x.section]):
            if labels[x.sentence] is not None:
                by_label.setdefault((x.section, kind, labels[x.sentence]), []).append(column)
        by_cluster.setdefault(analysis.cluster_of[x.sentence], []).append(column)
    pairs = reward(by_pair, lambda pair: worth[pair])
    by_concept: dict[Concept, list[int]] = {}
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
    for section in by_section:  # each section aims at its share
        overflow = program.variable(-OVERFLOW_COST * unit, upper=float(budget))
        program.at_most(
            {
                **{c: float(sentences[x.sentence].words) for c, x in zip(chosen, candidates) if x.section == section},
                overflow: -1.0,
            },
            float(caps[section]),
        )
    if ranker.reader_fit:  # "Peskov said" only with a sentence that introduces him, unless his name heads his words
        column_of = {x.sentence: column for column, x in zip(chosen, candidates)}
        # The sections' order is the prompt's: the introduction must be in the sentence's own section
        # (introduced_first then puts it first) or an earlier one, never only in a later one.
        up_to = [[x.sentence for x in candidates if x.section <= section] for section in range(sections)]
        for column, x in zip(chosen, candidates):
            introduced_by = None if grouped[x.section] else introducers(analysis, x.sentence, up_to[x.section])
            if introduced_by is not None:
                program.at_most({column: 1.0, **{column_of[i]: -1.0 for i in introduced_by}}, 0.0)
    # A single-source development gets a place when one fits; no two sentences report one fact. (The
    # sections' order is their own: a sentence that leans on another is not a candidate at all.)
    limits = (ranker.time_limit, ranker.node_limit)
    sentence_columns = [(column, x.sentence) for column, x in zip(chosen, candidates)]
    if ranker.reader_fit:
        solution = solve_for_reader(
            program, analysis, sentence_columns, limits, leaning=False, development=ranker.development, judge=judge
        )
    else:
        solution = program.solve(*limits)
    if solution is None:
        return _greedy(analysis, candidates, budget)
    return [x for column, x in zip(chosen, candidates) if solution[column] > 0.5]


def _topped_up(
    analysis: Analysis, chosen: list[_Candidate], candidates: list[_Candidate], budget: int, judge: CorroborationJudge
) -> list[_Candidate]:
    """`chosen` and, when the program left TOP_UP_ROOM of the budget or more (a section with little
    relevant material leaves its share unused: the others may not take it at their overflow cost),
    the sentences a plain brief would top up with (summarize.selection.top_up), of those relevant to
    a section only, each in the section it is most relevant to."""
    by_sentence = {x.sentence: x for x in candidates}
    filled = top_up(analysis, [Choice(x.sentence, 0.0) for x in chosen], budget, judge, among=by_sentence)
    kept = {x.sentence for x in chosen}
    return chosen + [by_sentence[c.sentence] for c in filled if c.sentence not in kept]


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


def compose_sectioned_brief(
    analysis: Analysis,
    prompt: Prompt,
    embedder: Embedder,
    words: int,
    ranker: Ranker | None = None,
    focus: str | None = None,
    question_embeddings: np.ndarray | None = None,
    judge: CorroborationJudge | None = None,
) -> Brief:
    """A brief in the prompt's sections. `embedder` must be the model the analysis was made with; it
    embeds only the prompt's questions (pass `question_embeddings` to skip even that), and a subject
    word of theirs that no article uses with the articles' words. Sentences
    read most important first within a section, or in date order (`order: date`), or under their
    speakers' names (`group: speaker`)."""
    from ..citations.cite import brief_sentence

    if words < 1:
        raise SummarizeError(f"the word budget must be a positive number, not {words}")
    ranker = ranker or ConceptRanker()
    if not isinstance(ranker, ConceptRanker):
        raise ValueError(f"a sectioned brief chooses with the concept model, not {ranker.name}")
    if question_embeddings is None:
        if embedder.name != analysis.model:
            raise ValueError(f"the questions must be embedded with {analysis.model}, not {embedder.name}")
        question_embeddings = embedder.embed([q for section in prompt.sections for q in section.questions])
    story = story_of(analysis)
    questions = [read_question(q) for section in prompt.sections for q in section.questions]
    related = related_words(questions, story.vocabulary)
    matrix = relevance(analysis, prompt, np.asarray(question_embeddings), story, related)
    owner = assign(matrix)
    undated = _undated(analysis, prompt, story)
    asks = [section_kinds(section.questions) for section in prompt.sections]
    # A section that asks what someone named said ("What did the mayor say?"): the words naming them.
    named_asked = [
        {word for q in questions if q.text in section.questions and "statement" in q.kinds for word in q.subject}
        for section in prompt.sections
    ]
    candidates = [
        _Candidate(i, int(owner[i]), float(matrix[owner[i], i]))
        for i, sentence in enumerate(analysis.sentences)
        if owner[i] >= 0
        and eligible(sentence)
        and sentence.words <= words
        and not story.orphan_quotes[i]
        and (
            not ranker.reader_fit
            or stands_in_section(analysis, i, prompt.sections[owner[i]].group == "speaker")
            or (named_asked[owner[i]] and _speaks_for_itself(analysis, story, i, named_asked[owner[i]]))
        )
    ]
    sides = [
        story.sides.get(speaker) if speaker is not None else None for speaker in story.named
    ]  # a quotation counts where it names its speaker
    varieties = [
        [(sides, SIDE_WEIGHT), (story.named, GROUPED_SPEAKER_WEIGHT if section.group else SPEAKER_WEIGHT)]
        if "statement" in asks[number] or section.group
        else [(story.dates, DATE_WEIGHT)]
        if section.order == "date"
        else []
        for number, section in enumerate(prompt.sections)
    ]
    caps = [share * words for share in prompt.shares()]
    # Same-fact checks ask about every pair of chosen sentences, and citing about every candidate:
    # screened, as the pipeline's are, so a big story is not ~20,000 judge calls slower. The same-fact
    # check runs at its own, lower threshold (`same_fact_check`); citing lists "also [n]" at the judge's.
    judge = judge or FactJudge()
    same_fact = same_fact_check(judge)
    listing = screened(judge)
    grouped = [section.group == "speaker" for section in prompt.sections]
    chosen = (
        _select(analysis, candidates, owner, caps, words, ranker, asks, varieties, same_fact, grouped)
        if candidates
        else []
    )

    if ranker.reader_fit:  # as a plain brief: the program stops once the concepts run out
        chosen = _topped_up(analysis, chosen, candidates, words, same_fact)
    picked = [x.sentence for x in chosen]
    repeated = _repeated(analysis, prompt, story, candidates, picked)
    salience = dict(zip(picked, SalienceRanker().scores(analysis, picked)))
    find_candidates(analysis, picked)  # each sentence's corroboration candidates, all in one product
    items: list[BriefSentence] = []
    sections: list[BriefSection] = []
    shown: list[int] = []  # the sentences of the sections before
    for number, section in enumerate(prompt.sections):
        mine = sorted((x.sentence for x in chosen if x.section == number), key=lambda i: (-salience[i], i))
        if section.order == "date":
            mine = date_order(analysis, mine, story)
        groups = by_speaker(mine, story) if section.group == "speaker" else []
        if groups:  # each speaker's words together, the speaker of the most important first
            mine = [index for _, members in groups for index in members]
        elif section.order != "date" and ranker.reader_fit:  # "Peskov said" after "Dmitry Peskov"
            mine = introduced_first(analysis, mine, shown)
        place = {index: len(items) + offset for offset, index in enumerate(mine)}
        items += [brief_sentence(analysis, index, float(salience[index]), listing) for index in mine]
        shown += mine
        sections.append(
            BriefSection(
                section.title,
                section.questions,
                tuple(place[index] for index in mine),
                addressed=bool(np.isfinite(matrix[number]).any()),
                groups=tuple(BriefGroup(name, tuple(place[i] for i in members)) for name, members in groups),
                undated=undated[number],
                repeated=repeated[number],
            )
        )
    return Brief(
        analysis.documents,
        tuple(items),
        analysis.clusters,
        words,
        ranker.name,
        analysis.model,
        sections=tuple(sections),
        focus=focus,
        originals=originals_of(analysis),
    )
